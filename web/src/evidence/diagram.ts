// Pure: a trace graph as Cytoscape elements, for the left-to-right chain
// drawing (dagre). Labels carry what a reader needs at a glance: the
// reference, and for intelligence its 3x5x2 grade and classification.
import type { ElementDefinition } from 'cytoscape';
import { classificationLabel } from '../components/Badges';
import type { Classification } from '../gql/graphql';
import { recordKind, recordRef, type TraceGraph, type TraceRecord } from './trace';

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The text drawn in a record's box. */
export function diagramLabel(n: TraceRecord): string {
  const r = n as TraceRecord & Record<string, unknown>;
  switch (n.__typename) {
    case 'IntelligenceItem': {
      const g = r.grading as { code?: string } | undefined;
      const c = r.classification as Classification | undefined;
      return [recordRef(n), [g?.code, c ? classificationLabel(c) : ''].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
    }
    case 'Action':
      return `${recordRef(n)}\n${clip(String(r.title ?? ''), 34)}`;
    case 'Exhibit':
      return `${recordRef(n)}\n${String(r.kind ?? '').replace(/_/g, ' ').toLowerCase()}`;
    case 'LineOfEnquiry':
      return `Line of enquiry\n${clip(String(r.title ?? ''), 44)}`;
    case 'Decision':
      return `Decision\n${clip(String(r.decision ?? ''), 44)}`;
    default:
      return `${recordKind(n.__typename)}\n${recordRef(n)}`;
  }
}

/** Cytoscape elements: a box per record (classed by kind, the root marked), an arrow per step, earlier to later. */
export function toDiagramElements<N extends TraceRecord>(graph: TraceGraph<N>, rootId: string): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes.values()) {
    const kind = (n.__typename ?? 'Record').toLowerCase();
    out.push({ group: 'nodes', data: { id: n.id, label: diagramLabel(n), kind }, classes: `${kind}${n.id === rootId ? ' root' : ''}` });
  }
  graph.edges.forEach((e, i) => {
    out.push({ group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target, label: e.verb } });
  });
  return out;
}
