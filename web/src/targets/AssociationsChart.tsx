// A small association chart for the package: the subject at the centre and
// its associates and groups around it, through Cytoscape's own model and
// its built-in concentric layout (strongest links on the inner ring). The
// table beside it is the accessible form of the same data; the chart is a
// picture of it (role="img" with a summary). Clicking an entity opens it.
import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useNavigate } from 'react-router-dom';

export interface ChartAssociate {
  id: string;
  label: string;
  kind: string;
  relation: string;
  confidence: number;
  handlingC: boolean;
}

/** A label short enough for a small chart: a person's "FAMILY, Given" without the date of birth. */
export function shortLabel(label: string): string {
  return label.replace(/\s*\(\d{4}-\d{2}-\d{2}\)$/, '');
}

const COLOUR: Record<string, string> = { Person: '#2563a8', Organisation: '#6b3fa0' };

export function AssociationsChart({ subject, associates }: { subject: { id: string; label: string; kind: string }; associates: readonly ChartAssociate[] }) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!box.current) return;
    const elements: ElementDefinition[] = [
      { data: { id: subject.id, label: shortLabel(subject.label), weight: 2 }, classes: `subject k-${subject.kind}` },
      ...associates.map((a) => ({ data: { id: a.id, label: shortLabel(a.label), weight: a.confidence }, classes: `k-${a.kind}` })),
      ...associates.map((a) => ({
        data: { id: `e-${a.id}`, source: subject.id, target: a.id, label: a.relation, width: 1 + 3 * a.confidence },
        classes: a.handlingC ? 'handling-c' : '',
      })),
    ];
    const c = cytoscape({
      container: box.current,
      elements,
      userZoomingEnabled: true,
      userPanningEnabled: true,
      boxSelectionEnabled: false,
      autoungrabify: false,
      minZoom: 0.3,
      maxZoom: 2.5,
      style: [
        {
          selector: 'node',
          style: {
            width: 22, height: 22, 'background-color': '#888', label: 'data(label)', 'font-size': 9,
            'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', color: '#1b1f24',
            'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '110px',
            'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
          },
        },
        ...Object.entries(COLOUR).map(([k, colour]) => ({ selector: `node.k-${k}`, style: { 'background-color': colour } })),
        { selector: 'node.k-Organisation', style: { shape: 'hexagon' } },
        { selector: 'node.subject', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#f0b400', 'font-weight': 'bold', 'font-size': 10 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa6b2', 'curve-style': 'straight' } },
        { selector: 'edge.handling-c', style: { 'line-color': '#a40e26', 'line-style': 'dashed' } },
      ],
      layout: {
        name: 'concentric',
        concentric: (n: cytoscape.NodeSingular) => Number(n.data('weight')) * 10,
        levelWidth: () => 1,
        minNodeSpacing: 46,
        spacingFactor: 1.1,
        animate: false,
        padding: 16,
      } as cytoscape.LayoutOptions,
    });
    c.on('tap', 'node', (e) => {
      const id = e.target.id() as string;
      if (id) navigate(`/entities/${encodeURIComponent(id)}`);
    });
    cy.current = c;
    return () => { c.destroy(); cy.current = null; };
  }, [subject.id, subject.label, subject.kind, associates, navigate]);

  const summary = `Association chart: ${subject.label} at the centre with ${associates.length} ${associates.length === 1 ? 'associate' : 'associates and groups'}; the table lists the same links.`;
  return <div ref={box} className="assoc-chart" role="img" aria-label={summary} />;
}
