// The drawing: one cytoscape instance, kept in step with the chart state by
// adding, removing and restyling elements in batches (never re-created by
// React). The container carries data-chart-state="busy" while drawing and
// laying out, "ready" (with data-node-count and data-edge-count) after, and
// each completed layout records performance.measure('keyline:chart-draw')
// from the moment the data arrived.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import { toElements, type ChartState } from './model';
import { chartStyle } from './style';
import { getStore, setStore } from './store';

let registered = false;
function register() {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

export type LayoutName = 'fcose' | 'dagre';

/** Marks the moment an answer arrived; the next completed drawing is measured from it. */
export const DATA_MARK = 'keyline:chart-data';
export function markDataArrived(): void {
  try {
    performance.clearMarks(DATA_MARK);
    performance.mark(DATA_MARK);
  } catch { /* no performance API */ }
}

export interface ChartCanvasHandle {
  relayout: () => void;
  /** A question is running: data-chart-state="busy". */
  busy: () => void;
  /** The question ended without changing the chart: back to "ready" unless a layout is running. */
  idle: () => void;
  fit: () => void;
  png: () => Promise<Blob>;
  /** Positions of the chart's entities now (to keep across remounts). */
  positions: () => Record<string, { x: number; y: number }>;
}

interface Props {
  chart: ChartState;
  selection: readonly string[];
  outOfWindow: ReadonlySet<string>;
  layout: LayoutName;
  summary: string;
  onSelect: (nodes: string[], edges: string[]) => void;
  onOpenNode: (id: string) => void;
  onOpenEdge: (id: string) => void;
}

function layoutOptions(name: LayoutName, n: number, incremental: boolean, pinned: NodeSingular[]): LayoutOptions {
  if (name === 'dagre') {
    return { name: 'dagre', rankDir: 'TB', nodeSep: 24, rankSep: 90, edgeSep: 8, animate: false, fit: false, padding: 30 } as LayoutOptions;
  }
  const large = n > 300;
  return {
    name: 'fcose',
    quality: large && !incremental ? 'draft' : 'default',
    randomize: !incremental,
    animate: false,
    // Fitted afterwards from the entities' positions alone (fitting by bounding boxes with labels is slow on large charts).
    fit: false,
    padding: 30,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: true,
    packComponents: false,
    nodeRepulsion: large ? 8000 : 16000,
    idealEdgeLength: large ? 80 : 130,
    nodeSeparation: 90,
    edgeElasticity: 0.45,
    nestingFactor: 0.1,
    numIter: large ? 600 : 2500,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
    fixedNodeConstraint: incremental && pinned.length
      ? pinned.map((p) => ({ nodeId: p.id(), position: { ...p.position() } }))
      : undefined,
  } as LayoutOptions;
}

export const ChartCanvas = forwardRef<ChartCanvasHandle, Props>(function ChartCanvas(props, ref) {
  const boxRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const layoutRef = useRef<cytoscape.Layouts | null>(null);
  const syncingSelection = useRef(false);
  // A question is running: stay "busy" until it ends or its answer is drawn.
  const asking = useRef(false);

  function setReady(state: 'busy' | 'ready') {
    const box = boxRef.current;
    const cy = cyRef.current;
    if (!box) return;
    box.setAttribute('data-chart-state', state);
    if (cy) {
      box.setAttribute('data-node-count', String(cy.nodes().not('.group').length));
      box.setAttribute('data-edge-count', String(cy.edges().length));
    }
  }

  function finished(fit = false) {
    const cy = cyRef.current;
    if (cy && fit) fastFit(cy);
    requestAnimationFrame(() => {
      try {
        if (performance.getEntriesByName(DATA_MARK, 'mark').length) {
          performance.measure('keyline:chart-draw', { start: DATA_MARK, end: performance.now() });
          performance.clearMarks(DATA_MARK);
        }
      } catch { /* no performance API */ }
      if (!asking.current && !layoutRef.current) setReady('ready');
    });
  }

  function runLayout(incremental: boolean) {
    const cy = cyRef.current;
    if (!cy) return;
    layoutRef.current?.stop();
    const nodes = cy.nodes();
    if (nodes.length === 0) {
      finished();
      return;
    }
    setReady('busy');
    const pinned = cy.nodes('.pinned').toArray() as NodeSingular[];
    const opts = layoutOptions(propsRef.current.layout, nodes.length, incremental, pinned);
    const layout = cy.elements().not('.hidden').layout(opts);
    layoutRef.current = layout;
    layout.one('layoutstop', () => {
      if (layoutRef.current === layout) {
        layoutRef.current = null;
        finished(true);
      }
    });
    // Run now: the new elements are first painted where the layout puts them.
    layout.run();
  }

  // Create once.
  useEffect(() => {
    register();
    const n = Object.keys(propsRef.current.chart.nodes).length;
    const cy = cytoscape({
      container: boxRef.current,
      style: chartStyle,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
      textureOnViewport: n > 800,
      hideEdgesOnViewport: n > 800,
      motionBlur: false,
      pixelRatio: 1,
    });
    cyRef.current = cy;
    if (import.meta.env.DEV) (window as unknown as { __keylineCy: Core }).__keylineCy = cy;
    cy.on('tap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (!node.hasClass('group')) propsRef.current.onOpenNode(node.id());
    });
    cy.on('tap', 'edge', (e) => propsRef.current.onOpenEdge(e.target.id()));
    let pending = false;
    cy.on('select unselect', () => {
      if (syncingSelection.current || pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        const nodes = cy.nodes(':selected').not('.group').map((x) => x.id());
        const edges = cy.edges(':selected').map((x) => x.id());
        propsRef.current.onSelect(nodes, edges);
      });
    });
    // The canvas follows its box (the page's height is set after mount, panels open and close).
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(boxRef.current!);
    // First drawing: from the remembered positions if every entity has one.
    const saved = getStore().positions;
    const els = toElements(propsRef.current.chart);
    const all = els.every((e) => e.group !== 'nodes' || e.classes?.includes('group') || saved[e.data.id as string]);
    cy.batch(() => {
      cy.add(els.map((e) => (e.group === 'nodes' && saved[e.data.id as string] ? { ...e, position: { ...saved[e.data.id as string] } } : e)));
      applyPins(cy, propsRef.current.chart);
      applyWindow(cy, propsRef.current.outOfWindow);
      applySelection(cy, propsRef.current.selection);
    });
    if (all && n > 0) {
      finished(true);
    } else {
      runLayout(false);
    }
    return () => {
      resize.disconnect();
      layoutRef.current?.stop();
      const positions: Record<string, { x: number; y: number }> = {};
      cy.nodes().not('.group').forEach((x) => { positions[x.id()] = { ...x.position() }; });
      setStore({ positions });
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Keep the drawing in step with the chart.
  const drawn = useRef<ChartState | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    if (drawn.current === null) {
      drawn.current = props.chart;
      return;
    }
    if (drawn.current === props.chart) return;
    drawn.current = props.chart;
    asking.current = false;
    const els = toElements(props.chart);
    const want = new Set(els.map((e) => e.data.id as string));
    const hadNodes = cy.nodes().not('.group').length;
    const added: ElementDefinition[] = [];
    cy.batch(() => {
      cy.elements().forEach((el) => { if (!want.has(el.id())) cy.remove(el); });
      const restyle: [cytoscape.SingularElementReturnValue, ElementDefinition][] = [];
      for (const e of els) {
        const el = cy.getElementById(e.data.id as string);
        if (el.empty()) added.push(e);
        else restyle.push([el, e]);
      }
      // New entities start beside a charted neighbour, so an incremental layout moves little.
      const adj = new Map<string, string>();
      for (const e of els) {
        if (e.group !== 'edges') continue;
        const s = e.data.source as string;
        const t = e.data.target as string;
        if (!adj.has(s)) adj.set(s, t);
        if (!adj.has(t)) adj.set(t, s);
      }
      const ext = cy.extent();
      cy.add(added.map((e) => {
        if (e.group !== 'nodes' || e.classes?.includes('group')) return e;
        const other = adj.get(e.data.id as string);
        const o = other ? cy.getElementById(other) : null;
        const base = o && o.nonempty() ? o.position() : { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
        return { ...e, position: { x: base.x + (Math.random() - 0.5) * 80, y: base.y + (Math.random() - 0.5) * 80 } };
      }));
      for (const [el, e] of restyle) {
        el.classes(e.classes ?? '');
        if (el.isNode()) {
          const d = e.data;
          el.data({ label: d.label, size: d.size, community: d.community, communityColour: d.communityColour });
          const parent = (d.parent as string | undefined) ?? null;
          const current = el.parent().nonempty() ? el.parent().first().id() : null;
          if (parent !== current) (el as NodeSingular).move({ parent });
        }
      }
      applyPins(cy, props.chart);
      applyWindow(cy, props.outOfWindow);
    });
    const newNodes = added.filter((e) => e.group === 'nodes' && !e.classes?.includes('group')).length;
    if (newNodes > 0 || added.some((e) => e.classes?.includes('group'))) {
      runLayout(hadNodes > 0 && newNodes < hadNodes * 3);
    } else {
      finished();
    }
  }, [props.chart]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) cy.batch(() => applyWindow(cy, props.outOfWindow));
  }, [props.outOfWindow]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    syncingSelection.current = true;
    cy.batch(() => applySelection(cy, props.selection));
    syncingSelection.current = false;
  }, [props.selection]);

  const firstLayout = useRef(true);
  useEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    runLayout(false);
  }, [props.layout]);

  useImperativeHandle(ref, () => ({
    relayout: () => runLayout(false),
    busy: () => { asking.current = true; setReady('busy'); },
    idle: () => { asking.current = false; if (!layoutRef.current) setReady('ready'); },
    fit: () => { if (cyRef.current) fastFit(cyRef.current); },
    png: async () => {
      const cy = cyRef.current;
      if (!cy) throw new Error('no chart');
      return cy.png({ full: true, output: 'blob-promise', bg: '#ffffff', scale: 1, maxWidth: 8000, maxHeight: 8000 });
    },
    positions: () => {
      const out: Record<string, { x: number; y: number }> = {};
      cyRef.current?.nodes().not('.group').forEach((x) => { out[x.id()] = { ...x.position() }; });
      return out;
    },
  }), []);

  return (
    <div className="chart-canvas-wrap">
      <div
        ref={boxRef}
        className="chart-canvas"
        role="img"
        aria-label="Link chart"
        aria-describedby="chart-summary"
        data-chart-state="busy"
      />
      <p id="chart-summary" className="chart-summary">{props.summary}</p>
    </div>
  );
});

/** Fits the view to the entities' centres (plus a margin for their size and labels), at most 1.6x zoom. */
function fastFit(cy: Core) {
  cy.resize();
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  cy.nodes().forEach((n) => {
    if (n.isParent() || n.hasClass('hidden')) return;
    const p = n.position();
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  });
  if (x1 === Infinity) return;
  const margin = { x: 80, y: 40 };
  const w = Math.max(1, cy.width() - 2 * margin.x);
  const h = Math.max(1, cy.height() - 2 * margin.y);
  const zoom = Math.max(cy.minZoom(), Math.min(1.6, w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1)));
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - zoom * (x1 + x2) / 2, y: cy.height() / 2 - zoom * (y1 + y2) / 2 },
  });
}

function applyPins(cy: Core, chart: ChartState) {
  cy.nodes().filter((n) => !!chart.pinned[n.id()] !== n.locked()).forEach((n) => {
    if (chart.pinned[n.id()]) n.lock();
    else n.unlock();
  });
}

function applyWindow(cy: Core, out: ReadonlySet<string>) {
  cy.edges('.out-window').filter((e) => !out.has(e.id())).removeClass('out-window');
  if (out.size) cy.edges().filter((e) => out.has(e.id()) && !e.hasClass('out-window')).addClass('out-window');
}

function applySelection(cy: Core, selection: readonly string[]) {
  const want = new Set(selection);
  cy.nodes(':selected').filter((n) => !want.has(n.id())).unselect();
  if (want.size) cy.nodes().filter((n) => want.has(n.id()) && !n.selected() && !n.hasClass('group')).select();
}
