// The link chart's state and the pure functions over it: API answers turned
// into chart fragments, fragments merged into the chart without duplicates,
// hand edits (hide, pin, group, remove) and the cytoscape elements drawn.
// Every function returns a new state and never changes its argument, so the
// undo history can keep old states as they are.
import type { ElementDefinition } from 'cytoscape';
import type { SavedSearchKind } from '../gql/graphql';
import { linkMarking, markingClasses, type SourceLike } from './markings';

export type EntityKindName = 'Person' | 'Organisation' | 'Location' | 'Vehicle' | 'CommsDevice' | 'Event';
export const ENTITY_KINDS: EntityKindName[] = ['Person', 'Organisation', 'Location', 'Vehicle', 'CommsDevice', 'Event'];
export const KIND_LABEL: Record<EntityKindName, string> = {
  Person: 'Person', Organisation: 'Organisation', Location: 'Location', Vehicle: 'Vehicle', CommsDevice: 'Comms device', Event: 'Event',
};

// --- What the API gives (structurally, as the generated types are) ---

export interface ApiEntity { __typename?: string; id: string; label: string }
export interface ApiSource extends SourceLike { id?: string; urn?: string; reference?: string }
export interface ApiLink {
  id: string;
  type: string;
  kind?: string | null;
  role?: string | null;
  count?: number | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  confidence: number;
  /** The ends: with a label when the answer names them, else only their ids (they are among its entities). */
  from: ApiEnd;
  to: ApiEnd;
  sources: readonly ApiSource[];
}
export interface ApiEnd { __typename?: string; id: string; label?: string }
export interface ApiNetwork { truncated: boolean; nodes: readonly ApiEntity[]; frontier: readonly { id: string }[]; links: readonly ApiLink[] }
export interface ApiPath { length: number; nodes: readonly ApiEntity[]; links: readonly ApiLink[] }
export interface ApiPaths { truncated: boolean; paths: readonly ApiPath[] }
export interface ApiShared { entity: ApiEntity; linkedTo: readonly string[]; count: number; links: readonly ApiLink[] }
export interface ApiCommon { shared: readonly ApiShared[]; coMentions: readonly unknown[] }
export interface ApiKeyPlayer {
  rank: number; entity: ApiEntity; degree: number; degreeCentrality: number;
  betweenness: number; closeness: number; eigenvector: number; community: number;
}
export interface ApiKeyPlayers {
  nodeCount: number; linkCount: number; truncated: boolean; rankedBy: string; modularity: number;
  ranked: readonly ApiKeyPlayer[];
  communities: readonly { id: number; size: number; members: readonly ApiEntity[] }[];
}
export interface ApiMeeting { place: ApiEntity; entities: readonly ApiEntity[]; firstSeen?: string | null; lastSeen?: string | null }
export interface ApiTimelineEntry { at: string; entry: string; event?: ApiEntity | null; link?: ApiLink | null }

// --- The chart ---

export interface ChartNode { id: string; kind: EntityKindName; label: string }
export interface ChartEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  kind: string | null;
  role: string | null;
  count: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  confidence: number;
  sources: readonly ApiSource[];
}
export interface ChartGroup { id: string; label: string; members: string[] }

/** The analysis question that built (or last added to) the chart: what Save and Export send. */
export interface Question {
  kind: SavedSearchKind;
  input: Record<string, unknown>;
}

export interface Highlight { label: string; nodes: string[]; edges: string[] }

export type Measure = 'DEGREE' | 'BETWEENNESS' | 'CLOSENESS' | 'EIGENVECTOR';
export interface KeyPlayerOverlay {
  measure: Measure;
  /** Each ranked entity's score under the measure, scaled 0..1 against the highest. */
  size: Record<string, number>;
  community: Record<string, number>;
}

export interface ChartState {
  nodes: Record<string, ChartNode>;
  edges: Record<string, ChartEdge>;
  groups: Record<string, ChartGroup>;
  hidden: Record<string, true>;
  pinned: Record<string, true>;
  frontier: Record<string, true>;
  truncated: boolean;
  question: Question | null;
  /** True while the chart holds exactly the question's answer (nothing added by hand or by other questions). */
  questionOnly: boolean;
  highlight: Highlight | null;
  keyPlayers: KeyPlayerOverlay | null;
}

export function emptyChart(): ChartState {
  return {
    nodes: {}, edges: {}, groups: {}, hidden: {}, pinned: {}, frontier: {},
    truncated: false, question: null, questionOnly: false, highlight: null, keyPlayers: null,
  };
}

/** A piece of graph to merge into the chart. */
export interface Fragment {
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** Entities of the answer whose links were not all followed. */
  frontier?: string[];
  truncated?: boolean;
  highlight?: Highlight | null;
  keyPlayers?: KeyPlayerOverlay | null;
}

export function entityKind(typename: string | undefined): EntityKindName {
  return (ENTITY_KINDS as string[]).includes(typename ?? '') ? (typename as EntityKindName) : 'Person';
}

export function toNode(e: ApiEntity): ChartNode {
  return { id: e.id, kind: entityKind(e.__typename), label: e.label };
}

export function toEdge(l: ApiLink): ChartEdge {
  return {
    id: l.id, type: l.type, source: l.from.id, target: l.to.id,
    kind: l.kind ?? null, role: l.role ?? null, count: l.count ?? null,
    firstSeen: l.firstSeen ?? null, lastSeen: l.lastSeen ?? null,
    confidence: l.confidence, sources: l.sources,
  };
}

/** Nodes and edges of a list of links, with their ends, each once. */
function linksFragment(entities: readonly ApiEntity[], links: readonly ApiLink[]): { nodes: ChartNode[]; edges: ChartEdge[] } {
  const nodes = new Map<string, ChartNode>();
  for (const e of entities) if (!nodes.has(e.id)) nodes.set(e.id, toNode(e));
  const edges = new Map<string, ChartEdge>();
  for (const l of links) {
    for (const end of [l.from, l.to]) {
      if (!nodes.has(end.id) && end.label !== undefined) nodes.set(end.id, toNode({ ...end, label: end.label }));
    }
    if (!edges.has(l.id)) edges.set(l.id, toEdge(l));
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function fromNetwork(n: ApiNetwork): Fragment {
  const f = linksFragment(n.nodes, n.links);
  return { ...f, frontier: n.frontier.map((e) => e.id), truncated: n.truncated };
}

export function fromPaths(p: ApiPaths): Fragment {
  const entities = p.paths.flatMap((path) => path.nodes);
  const links = p.paths.flatMap((path) => path.links);
  const f = linksFragment(entities, links);
  return {
    ...f,
    truncated: p.truncated,
    highlight: {
      label: `${p.paths.length} path${p.paths.length === 1 ? '' : 's'}`,
      nodes: f.nodes.map((n) => n.id),
      edges: f.edges.map((e) => e.id),
    },
  };
}

export function fromCommonLinks(c: ApiCommon): Fragment {
  const f = linksFragment(c.shared.map((s) => s.entity), c.shared.flatMap((s) => s.links));
  return {
    ...f,
    highlight: {
      label: `${c.shared.length} shared entit${c.shared.length === 1 ? 'y' : 'ies'}`,
      nodes: c.shared.map((s) => s.entity.id),
      edges: f.edges.map((e) => e.id),
    },
  };
}

export function measureOf(k: ApiKeyPlayer, m: Measure): number {
  switch (m) {
    case 'DEGREE': return k.degreeCentrality;
    case 'BETWEENNESS': return k.betweenness;
    case 'CLOSENESS': return k.closeness;
    case 'EIGENVECTOR': return k.eigenvector;
  }
}

/** Key players: every entity analysed (the communities' members) and the overlay sizing and colouring them. */
export function fromKeyPlayers(k: ApiKeyPlayers, measure: Measure = k.rankedBy as Measure): Fragment {
  const entities = [...k.ranked.map((r) => r.entity), ...k.communities.flatMap((c) => c.members)];
  const f = linksFragment(entities, []);
  return { ...f, truncated: k.truncated, keyPlayers: keyPlayerOverlay(k, measure) };
}

export function keyPlayerOverlay(k: ApiKeyPlayers, measure: Measure): KeyPlayerOverlay {
  const max = Math.max(0, ...k.ranked.map((r) => measureOf(r, measure)));
  const size: Record<string, number> = {};
  for (const r of k.ranked) size[r.entity.id] = max > 0 ? measureOf(r, measure) / max : 0;
  const community: Record<string, number> = {};
  for (const c of k.communities) for (const m of c.members) community[m.id] = c.id;
  for (const r of k.ranked) community[r.entity.id] = r.community;
  return { measure, size, community };
}

export function fromCoLocation(meetings: readonly ApiMeeting[]): Fragment {
  const f = linksFragment(meetings.flatMap((m) => [m.place, ...m.entities]), []);
  return {
    ...f,
    highlight: {
      label: `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`,
      nodes: f.nodes.map((n) => n.id),
      edges: [],
    },
  };
}

export function fromTimeline(entries: readonly ApiTimelineEntry[]): Fragment {
  const events = entries.flatMap((e) => (e.event ? [e.event] : []));
  const links = entries.flatMap((e) => (e.link ? [e.link] : []));
  return linksFragment(events, links);
}

export function fromEntities(entities: readonly (ApiEntity | null | undefined)[]): Fragment {
  return linksFragment(entities.filter((e): e is ApiEntity => !!e && !!e.id), []);
}

export interface MergeOptions {
  /** Start a new chart with the fragment rather than adding to this one. */
  replace?: boolean;
  /** The question this fragment answers (null: added by hand, the chart no longer answers one question). */
  question?: Question | null;
}

/**
 * Adds a fragment to the chart: entities and links already charted are
 * kept once (labels and links refreshed from the newer answer); a link is
 * added only with both its ends. Entities of the answer that are not on
 * its frontier stop being frontier entities (their links were followed).
 */
export function merge(state: ChartState, frag: Fragment, opts: MergeOptions = {}): ChartState {
  const base = opts.replace ? emptyChart() : state;
  const nodes = { ...base.nodes };
  for (const n of frag.nodes) nodes[n.id] = n;
  const edges = { ...base.edges };
  for (const e of frag.edges) if (nodes[e.source] && nodes[e.target]) edges[e.id] = e;
  const frontier = { ...base.frontier };
  if (frag.frontier) {
    const onFrontier = new Set(frag.frontier);
    for (const n of frag.nodes) {
      if (onFrontier.has(n.id)) frontier[n.id] = true;
      else delete frontier[n.id];
    }
  }
  const hidden = { ...base.hidden };
  for (const n of frag.nodes) delete hidden[n.id];
  for (const e of frag.edges) delete hidden[e.id];
  const empty = Object.keys(base.nodes).length === 0;
  let question = base.question;
  let questionOnly = base.questionOnly;
  if (opts.question) {
    question = opts.question;
    questionOnly = empty;
  } else if (opts.question === null) {
    // Added by hand: the last question no longer describes the whole chart.
    const added = frag.nodes.some((n) => !base.nodes[n.id]) || frag.edges.some((e) => !base.edges[e.id]);
    if (added) questionOnly = false;
  }
  return {
    ...base,
    nodes, edges, frontier, hidden,
    truncated: frag.truncated ?? base.truncated,
    question, questionOnly,
    // A new question's answer replaces the last one's highlight and key-player styling.
    highlight: frag.highlight !== undefined ? frag.highlight : opts.question ? null : base.highlight,
    keyPlayers: frag.keyPlayers !== undefined ? frag.keyPlayers : opts.question ? null : base.keyPlayers,
  };
}

/** Removes entities (with their links), links and groups by id. */
export function removeElements(state: ChartState, ids: readonly string[]): ChartState {
  const gone = new Set(ids);
  const nodes = { ...state.nodes };
  const groups = { ...state.groups };
  for (const id of gone) {
    delete nodes[id];
    delete groups[id];
  }
  for (const [gid, g] of Object.entries(groups)) {
    const members = g.members.filter((m) => nodes[m]);
    if (members.length === 0) delete groups[gid];
    else if (members.length !== g.members.length) groups[gid] = { ...g, members };
  }
  const edges: Record<string, ChartEdge> = {};
  for (const [id, e] of Object.entries(state.edges)) {
    if (!gone.has(id) && nodes[e.source] && nodes[e.target]) edges[id] = e;
  }
  const keep = <T,>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).filter(([k]) => nodes[k] || edges[k] || groups[k]));
  const removedSomething = Object.keys(nodes).length !== Object.keys(state.nodes).length || Object.keys(edges).length !== Object.keys(state.edges).length;
  return {
    ...state,
    nodes, edges, groups,
    hidden: keep(state.hidden) as Record<string, true>,
    pinned: keep(state.pinned) as Record<string, true>,
    frontier: keep(state.frontier) as Record<string, true>,
    questionOnly: state.questionOnly && !removedSomething,
    highlight: state.highlight && {
      ...state.highlight,
      nodes: state.highlight.nodes.filter((n) => nodes[n]),
      edges: state.highlight.edges.filter((e) => edges[e]),
    },
  };
}

export function hide(state: ChartState, ids: readonly string[]): ChartState {
  const hidden = { ...state.hidden };
  for (const id of ids) if (state.nodes[id] || state.edges[id]) hidden[id] = true;
  return { ...state, hidden };
}

export function showHidden(state: ChartState): ChartState {
  return { ...state, hidden: {} };
}

/** Pins the entities, or unpins them if all are already pinned. */
export function togglePin(state: ChartState, ids: readonly string[]): ChartState {
  const nodeIds = ids.filter((id) => state.nodes[id]);
  const allPinned = nodeIds.length > 0 && nodeIds.every((id) => state.pinned[id]);
  const pinned = { ...state.pinned };
  for (const id of nodeIds) {
    if (allPinned) delete pinned[id];
    else pinned[id] = true;
  }
  return { ...state, pinned };
}

let groupSeq = 0;
/** Puts the entities in a new group (a compound node); an entity leaves any group it was in. */
export function group(state: ChartState, ids: readonly string[], label: string, id = `grp_${Date.now().toString(36)}_${++groupSeq}`): ChartState {
  const members = ids.filter((m) => state.nodes[m]);
  if (members.length === 0) return state;
  const taken = new Set(members);
  const groups: Record<string, ChartGroup> = {};
  for (const [gid, g] of Object.entries(state.groups)) {
    const rest = g.members.filter((m) => !taken.has(m));
    if (rest.length) groups[gid] = rest.length === g.members.length ? g : { ...g, members: rest };
  }
  groups[id] = { id, label, members };
  return { ...state, groups };
}

/** Dissolves the groups given, and the groups of any entities given. */
export function ungroup(state: ChartState, ids: readonly string[]): ChartState {
  const asked = new Set(ids);
  const groups: Record<string, ChartGroup> = {};
  for (const [gid, g] of Object.entries(state.groups)) {
    if (asked.has(gid) || g.members.some((m) => asked.has(m))) continue;
    groups[gid] = g;
  }
  return { ...state, groups };
}

export function clearHighlight(state: ChartState): ChartState {
  return { ...state, highlight: null, keyPlayers: null };
}

export function groupOf(state: ChartState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of Object.values(state.groups)) for (const m of g.members) out[m] = g.id;
  return out;
}

export const COMMUNITY_COLOURS = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f',
  '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173',
];

export function shortLabel(label: string, max = 32): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function linkTypeLabel(type: string): string {
  return type.replace(/_/g, ' ').toLowerCase();
}

/** The cytoscape elements for the chart: groups first (parents before children), then entities, then links. */
/** Above this many entities the chart is drawn lighter (straight unlabelled links) to stay fast. */
export const LARGE_CHART = 800;

export function toElements(state: ChartState): ElementDefinition[] {
  const parents = groupOf(state);
  const lite = Object.keys(state.nodes).length > LARGE_CHART;
  const hl = state.highlight ? { n: new Set(state.highlight.nodes), e: new Set(state.highlight.edges) } : null;
  const kp = state.keyPlayers;
  const out: ElementDefinition[] = [];
  for (const g of Object.values(state.groups)) {
    out.push({ group: 'nodes', data: { id: g.id, label: g.label, kind: 'Group' }, classes: 'group' });
  }
  for (const n of Object.values(state.nodes)) {
    const classes = [`k-${n.kind}`];
    if (lite) classes.push('lite');
    if (state.frontier[n.id]) classes.push('frontier');
    if (state.hidden[n.id]) classes.push('hidden');
    if (state.pinned[n.id]) classes.push('pinned');
    if (hl) classes.push(hl.n.has(n.id) ? 'hl' : 'faded');
    const data: Record<string, unknown> = { id: n.id, label: shortLabel(n.label), kind: n.kind };
    if (parents[n.id]) data.parent = parents[n.id];
    if (kp) {
      const s = kp.size[n.id];
      data.size = s === undefined ? 18 : 18 + Math.round(s * 52);
      const c = kp.community[n.id];
      if (c !== undefined) {
        data.community = c;
        data.communityColour = COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length];
        classes.push('community');
      }
      classes.push('sized');
    }
    out.push({ group: 'nodes', data, classes: classes.join(' ') });
  }
  for (const e of Object.values(state.edges)) {
    const m = linkMarking(e.sources);
    const classes = markingClasses(m);
    if (lite) classes.push('lite');
    if (state.hidden[e.id] || state.hidden[e.source] || state.hidden[e.target]) classes.push('hidden');
    if (hl) classes.push(hl.e.has(e.id) ? 'hl' : 'faded');
    out.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: linkTypeLabel(e.type), type: e.type },
      classes: classes.join(' '),
    });
  }
  return out;
}

export function counts(state: ChartState): { nodes: number; edges: number; hidden: number } {
  return {
    nodes: Object.keys(state.nodes).length,
    edges: Object.keys(state.edges).length,
    hidden: Object.keys(state.hidden).length,
  };
}
