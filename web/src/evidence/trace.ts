// Pure logic of the evidence trace: the API's Trace (records and the steps
// joining them) turned into a flow that reads from the intelligence to the
// evidence, the chains an investigator reads, and the tree of what an item
// led to. Nothing here adds a record the API did not return: a step whose
// end is absent (withheld, or cut by the bounds) is dropped, never guessed.

/** A record on a trace, as the API gives it (only __typename and id are relied on). */
export interface TraceRecord {
  __typename?: string;
  id: string;
}

/** One step as the API gives it: from the later record back to the earlier one. */
export interface TraceStepLike {
  from: string;
  to: string;
  relation: string;
}

export interface TraceLike<N extends TraceRecord> {
  nodes: readonly N[];
  steps: readonly TraceStepLike[];
  truncated: boolean;
}

/** An edge of the flow, from the earlier record (upstream) to the later one. */
export interface FlowEdge {
  source: string;
  target: string;
  relation: string;
  /** The relation read in the flow's direction: `raised`, `obtained`, `produced`. */
  verb: string;
}

export interface TraceGraph<N extends TraceRecord> {
  nodes: Map<string, N>;
  edges: FlowEdge[];
  /** Upstream neighbours of each record (what it came from). */
  upstream: Map<string, FlowEdge[]>;
  /** Downstream neighbours of each record (what it led to). */
  downstream: Map<string, FlowEdge[]>;
  truncated: boolean;
  /** Steps left out because an end was not among the records returned. */
  dropped: number;
}

const VERBS: Record<string, string> = {
  RAISED_FROM: 'raised',
  OBTAINED_BY: 'obtained',
  DERIVED_FROM: 'produced',
};

/** The relation in the direction the chain is read (earlier to later). */
export function relationVerb(relation: string): string {
  return VERBS[relation] ?? relation.toLowerCase().replace(/_/g, ' ');
}

/** How a step reads as a sentence fragment, earlier record first. */
export function relationPhrase(relation: string): string {
  switch (relation) {
    case 'RAISED_FROM': return 'raised action';
    case 'OBTAINED_BY': return 'obtained exhibit';
    case 'DERIVED_FROM': return 'result produced intelligence';
    default: return relationVerb(relation);
  }
}

/** Builds the flow graph of a trace: steps reversed to read earlier → later, duplicates and dangling steps dropped. */
export function buildTraceGraph<N extends TraceRecord>(trace: TraceLike<N>): TraceGraph<N> {
  const nodes = new Map<string, N>();
  for (const n of trace.nodes) if (n && n.id && !nodes.has(n.id)) nodes.set(n.id, n);
  const edges: FlowEdge[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const s of trace.steps) {
    if (!nodes.has(s.from) || !nodes.has(s.to) || s.from === s.to) {
      dropped++;
      continue;
    }
    const key = `${s.to}>${s.from}>${s.relation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ source: s.to, target: s.from, relation: s.relation, verb: relationVerb(s.relation) });
  }
  const upstream = new Map<string, FlowEdge[]>();
  const downstream = new Map<string, FlowEdge[]>();
  for (const id of nodes.keys()) {
    upstream.set(id, []);
    downstream.set(id, []);
  }
  for (const e of edges) {
    upstream.get(e.target)!.push(e);
    downstream.get(e.source)!.push(e);
  }
  const byRecord = (key: 'source' | 'target') => (a: FlowEdge, b: FlowEdge) => compareRecords(nodes.get(a[key])!, nodes.get(b[key])!);
  for (const list of upstream.values()) list.sort(byRecord('source'));
  for (const list of downstream.values()) list.sort(byRecord('target'));
  return { nodes, edges, upstream, downstream, truncated: trace.truncated, dropped };
}

const KIND_ORDER: Record<string, number> = {
  IntelligenceItem: 0, LineOfEnquiry: 1, Decision: 2, Action: 3, Exhibit: 4,
};

/** Natural comparison of references: A2 before A10, JS/3 before JS/12, INT/2026/000032 before INT/2026/000135. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });
}

/** The record's short reference: URN, action number, exhibit reference, or its title. */
export function recordRef(n: TraceRecord): string {
  const r = n as TraceRecord & Record<string, unknown>;
  for (const key of ['urn', 'number', 'reference', 'title', 'decision'] as const) {
    const v = r[key];
    if (typeof v === 'string' && v) return v;
  }
  return n.id;
}

/** Orders records: intelligence, lines of enquiry, decisions, actions, exhibits; then by reference, naturally. */
export function compareRecords(a: TraceRecord, b: TraceRecord): number {
  const ka = KIND_ORDER[a.__typename ?? ''] ?? 9;
  const kb = KIND_ORDER[b.__typename ?? ''] ?? 9;
  if (ka !== kb) return ka - kb;
  return naturalCompare(recordRef(a), recordRef(b)) || naturalCompare(a.id, b.id);
}

/** The kind of a record on a trace, in words. */
export function recordKind(typename: string | undefined): string {
  switch (typename) {
    case 'IntelligenceItem': return 'Intelligence';
    case 'Action': return 'Action';
    case 'Exhibit': return 'Exhibit';
    case 'LineOfEnquiry': return 'Line of enquiry';
    case 'Decision': return 'Decision';
    default: return typename ?? 'Record';
  }
}

export interface Chains {
  /** Each chain from an origin to the end, earliest record first. */
  paths: string[][];
  /** Whether more chains exist than were listed. */
  cut: boolean;
}

/**
 * The chains behind a record (direction 'back': from each origin, a record
 * with nothing upstream, to the record) or ahead of it ('forward': from the
 * record to each end, a record with nothing downstream). Always earliest
 * record first. Cycles are not followed twice; at most `limit` chains.
 */
export function chains<N extends TraceRecord>(graph: TraceGraph<N>, rootId: string, direction: 'back' | 'forward', limit = 100): Chains {
  const paths: string[][] = [];
  let cut = false;
  if (!graph.nodes.has(rootId)) return { paths, cut };
  const next = direction === 'back'
    ? (id: string) => graph.upstream.get(id)!.map((e) => e.source)
    : (id: string) => graph.downstream.get(id)!.map((e) => e.target);
  const walk = (id: string, path: string[]) => {
    if (paths.length >= limit) { cut = true; return; }
    const onward = next(id).filter((n) => !path.includes(n));
    if (onward.length === 0) {
      paths.push(direction === 'back' ? [...path].reverse() : [...path]);
      return;
    }
    for (const n of onward) walk(n, [...path, n]);
  };
  walk(rootId, [rootId]);
  if (direction === 'back') paths.sort((a, b) => comparePaths(graph, a, b));
  return { paths, cut };
}

function comparePaths<N extends TraceRecord>(graph: TraceGraph<N>, a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return compareRecords(graph.nodes.get(a[i])!, graph.nodes.get(b[i])!);
  }
  return a.length - b.length;
}

/** A record in the tree of what a record led to. */
export interface TreeNode {
  id: string;
  /** The relation from the parent, in words ('raised', 'obtained', 'produced'); empty at the root. */
  verb: string;
  relation: string;
  children: TreeNode[];
  /** Already shown elsewhere in the tree (reached by two routes): its children are not repeated. */
  repeat: boolean;
}

/** The tree of what the root led to (forward), each record's own subtree shown once. */
export function forwardTree<N extends TraceRecord>(graph: TraceGraph<N>, rootId: string): TreeNode | null {
  if (!graph.nodes.has(rootId)) return null;
  const shown = new Set<string>();
  const build = (id: string, verb: string, relation: string): TreeNode => {
    if (shown.has(id)) return { id, verb, relation, children: [], repeat: true };
    shown.add(id);
    const children = graph.downstream.get(id)!.map((e) => build(e.target, e.verb, e.relation));
    return { id, verb, relation, children, repeat: false };
  };
  return build(rootId, '', '');
}

/** Counts the records of each kind on a trace, the root excluded: `{ Action: 4, Exhibit: 4 }`. */
export function kindCounts<N extends TraceRecord>(graph: TraceGraph<N>, rootId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of graph.nodes.values()) {
    if (n.id === rootId) continue;
    const k = n.__typename ?? 'Record';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Records with nothing upstream (where the chain starts), in order. */
export function origins<N extends TraceRecord>(graph: TraceGraph<N>): N[] {
  return [...graph.nodes.values()].filter((n) => graph.upstream.get(n.id)!.length === 0).sort(compareRecords);
}

/** The steps in reading order: by the earlier record, then the later one. */
export function orderedEdges<N extends TraceRecord>(graph: TraceGraph<N>): FlowEdge[] {
  return [...graph.edges].sort((a, b) =>
    compareRecords(graph.nodes.get(a.source)!, graph.nodes.get(b.source)!) ||
    compareRecords(graph.nodes.get(a.target)!, graph.nodes.get(b.target)!));
}

/** A share 0..1 as a percentage with one decimal place where it helps: `6.6%`, `12%`, `0%`. */
export function formatRate(r: number | null | undefined): string {
  if (r == null || !Number.isFinite(r)) return '';
  const p = r * 100;
  if (p === 0 || p >= 10 || Number.isInteger(p)) return `${Math.round(p)}%`;
  return `${p.toFixed(1)}%`;
}

/** `count` of `noun`, pluralised: `1 exhibit`, `4 exhibits`. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : many}`;
}

/** A summary of what a trace holds, root excluded: `4 actions, 4 exhibits`. */
export function summarise(counts: Record<string, number>): string {
  const names: [string, string, string][] = [
    ['IntelligenceItem', 'intelligence item', 'intelligence items'],
    ['LineOfEnquiry', 'line of enquiry', 'lines of enquiry'],
    ['Decision', 'decision', 'decisions'],
    ['Action', 'action', 'actions'],
    ['Exhibit', 'exhibit', 'exhibits'],
  ];
  const parts = names.filter(([k]) => counts[k]).map(([k, one, many]) => plural(counts[k], one, many));
  return parts.length ? parts.join(', ') : 'nothing';
}

/** Each record's column in a left-to-right drawing: the longest run of steps from an origin. */
export function ranks<N extends TraceRecord>(graph: TraceGraph<N>): Map<string, number> {
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const of = (id: string): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let r = 0;
    for (const e of graph.upstream.get(id)!) r = Math.max(r, of(e.source) + 1);
    visiting.delete(id);
    rank.set(id, r);
    return r;
  };
  for (const id of graph.nodes.keys()) of(id);
  return rank;
}

/** The most records sharing one column: how tall the drawing must be. */
export function widestRank(rank: Map<string, number>): number {
  const per = new Map<number, number>();
  for (const r of rank.values()) per.set(r, (per.get(r) ?? 0) + 1);
  return Math.max(0, ...per.values());
}
