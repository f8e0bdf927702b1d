// The chain drawn left to right (Cytoscape with the dagre layout): the
// intelligence on the left, the evidence on the right. A picture for
// sighted readers; the same chain is listed beside it as text, which is
// what keyboard and screen-reader users use (the drawing is hidden from
// them). Clicking an exhibit or an intelligence item opens its trace.
import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { toDiagramElements } from './diagram';
import { ranks, widestRank, type TraceGraph, type TraceRecord } from './trace';

// Cytoscape's inline container style is kept out by index.html's marker
// (the CSP refuses inline style sheets); styles.css carries its rule.
let registered = false;
function register() {
  if (registered) return;
  registered = true;
  try {
    cytoscape.use(dagre);
  } catch {
    // Already registered by another screen.
  }
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle', width: 156, height: 58, 'background-color': '#ffffff',
      'border-width': 1.5, 'border-color': '#8c959f', label: 'data(label)', 'text-wrap': 'wrap',
      'text-max-width': '140px', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 11.5,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', color: '#1b1f24', 'line-height': 1.25,
    },
  },
  { selector: 'node.intelligenceitem', style: { 'background-color': '#eef3fb', 'border-color': '#1f3a68' } },
  { selector: 'node.action', style: { 'background-color': '#fff8e8', 'border-color': '#8a5a00' } },
  { selector: 'node.exhibit', style: { 'background-color': '#edf7f0', 'border-color': '#2f6f3e' } },
  { selector: 'node.lineofenquiry, node.decision', style: { 'background-color': '#f5f0fa', 'border-color': '#5b2182' } },
  { selector: 'node.root', style: { 'border-width': 3.5, 'border-color': '#0b5cad', 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#57606a', 'target-arrow-color': '#57606a', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', label: 'data(label)', 'font-size': 10, color: '#57606a',
      'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-background-padding': '2px',
    },
  },
];

export function TraceDiagram<N extends TraceRecord>({ graph, rootId, onOpen, label }: {
  graph: TraceGraph<N>;
  rootId: string;
  onOpen: (node: N) => void;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;
  const rank = ranks(graph);
  const tall = widestRank(rank);
  const height = Math.min(520, Math.max(130, tall * 66 + 40));

  useEffect(() => {
    if (!box.current) return;
    register();
    const c = cytoscape({
      container: box.current,
      elements: toDiagramElements(graph, rootId),
      style: STYLE,
      layout: { name: 'dagre', rankDir: 'LR', nodeSep: 16, rankSep: 46, edgeSep: 8, animate: false, fit: true, padding: 16 } as cytoscape.LayoutOptions,
      userZoomingEnabled: true,
      userPanningEnabled: true,
      boxSelectionEnabled: false,
      autoungrabify: true,
      minZoom: 0.3,
      maxZoom: 1.6,
    });
    c.on('tap', 'node', (e) => {
      const n = graph.nodes.get(e.target.id());
      if (n && (n.__typename === 'Exhibit' || n.__typename === 'IntelligenceItem') && n.id !== rootId) open.current(n);
    });
    c.on('mouseover', 'node', (e) => {
      const n = graph.nodes.get(e.target.id());
      if (box.current) box.current.style.cursor = n && n.id !== rootId && (n.__typename === 'Exhibit' || n.__typename === 'IntelligenceItem') ? 'pointer' : 'default';
    });
    c.on('mouseout', 'node', () => { if (box.current) box.current.style.cursor = 'default'; });
    if (c.zoom() > 1.1) { c.zoom(1.1); c.center(); }
    cy.current = c;
    return () => { c.destroy(); cy.current = null; };
  }, [graph, rootId]);

  return (
    <figure className="ev-diagram">
      <div ref={box} className="ev-diagram-canvas" style={{ height }} aria-hidden="true" />
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
