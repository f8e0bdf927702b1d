// The analyst's settings for the chart's questions (kept for the session
// in the chart's store) and the API inputs built from them.
import type { EntityKind, LinkType, PathMode, TraversalFilter } from '../gql/graphql';
import type { Measure } from './model';

export const LINK_TYPES: LinkType[] = [
  'ASSOCIATE_OF', 'USES', 'RESIDES_AT', 'FREQUENTS', 'DRIVES', 'REGISTERED_KEEPER',
  'MEMBER_OF', 'PRESENT_AT', 'INVOLVED_IN', 'CONTACTED', 'OPERATES_FROM',
];
export const API_KINDS: { value: EntityKind; label: string }[] = [
  { value: 'PERSON', label: 'Person' },
  { value: 'ORGANISATION', label: 'Organisation' },
  { value: 'LOCATION', label: 'Location' },
  { value: 'VEHICLE', label: 'Vehicle' },
  { value: 'COMMS_DEVICE', label: 'Comms device' },
  { value: 'EVENT', label: 'Event' },
];

export interface Settings {
  /** Link types to follow; all of them means no restriction. */
  linkTypes: LinkType[];
  /** yyyy-mm-dd or ''. */
  seenAfter: string;
  seenBefore: string;
  /** 0..1; 0 means no restriction. */
  minConfidence: number;
  avoidKinds: EntityKind[];
  throughKinds: EntityKind[];
  hops: number;
  nodeBudget: number;
  pathMode: PathMode;
  k: number;
  maxHops: number;
  measure: Measure;
  keyPlayerScope: 'chart' | 'operation';
  /** Co-location period (yyyy-mm-dd) and tolerance. */
  coFrom: string;
  coTo: string;
  coWindow: number;
}

export function defaultSettings(): Settings {
  return {
    linkTypes: [...LINK_TYPES],
    seenAfter: '', seenBefore: '',
    minConfidence: 0,
    avoidKinds: [], throughKinds: [],
    hops: 1, nodeBudget: 500,
    pathMode: 'SHORTEST', k: 3, maxHops: 6,
    measure: 'BETWEENNESS', keyPlayerScope: 'chart',
    coFrom: '', coTo: '', coWindow: 60,
  };
}

function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.round(n)));
}

/** The TraversalFilter the settings ask for, or undefined when they restrict nothing. Dates are whole UTC days. */
export function traversalFilter(s: Settings): TraversalFilter | undefined {
  const f: TraversalFilter = {};
  if (s.linkTypes.length > 0 && s.linkTypes.length < LINK_TYPES.length) f.linkTypes = [...s.linkTypes];
  if (s.seenAfter) f.seenAfter = `${s.seenAfter}T00:00:00Z`;
  if (s.seenBefore) f.seenBefore = `${s.seenBefore}T23:59:59Z`;
  if (s.minConfidence > 0) f.minConfidence = Math.min(1, s.minConfidence);
  if (s.avoidKinds.length) f.avoidKinds = [...s.avoidKinds];
  if (s.throughKinds.length) f.throughKinds = [...s.throughKinds];
  return Object.keys(f).length ? f : undefined;
}

/** Refuses settings the API would refuse, in the analyst's words; null when they are fine. */
export function settingsProblem(s: Settings): string | null {
  if (s.linkTypes.length === 0) return 'Choose at least one link type.';
  if (s.seenAfter && s.seenBefore && s.seenAfter > s.seenBefore) return '"Seen after" is later than "Seen before".';
  return null;
}

export function networkInput(s: Settings, seedIds: string[]) {
  const filter = traversalFilter(s);
  return {
    seedIds,
    hops: clamp(s.hops, 1, 3),
    nodeBudget: clamp(s.nodeBudget, 1, 2000),
    ...(filter ? { filter } : {}),
  };
}

export function pathsInput(s: Settings, fromId: string, toId: string) {
  const filter = traversalFilter(s);
  return {
    fromId, toId,
    mode: s.pathMode,
    ...(s.pathMode === 'K_SHORTEST' ? { k: clamp(s.k, 1, 10) } : {}),
    maxHops: clamp(s.maxHops, 1, 8),
    limit: 10,
    ...(filter ? { filter } : {}),
  };
}

export function commonLinksInput(s: Settings, entityIds: string[]) {
  const filter = traversalFilter(s);
  return { entityIds, minShared: 2, limit: 50, ...(filter ? { filter } : {}) };
}

export function keyPlayersInput(s: Settings, scope: { operationId: string } | { seedIds: string[] }) {
  const filter = traversalFilter(s);
  return {
    ...scope,
    ...('seedIds' in scope ? { hops: clamp(s.hops, 1, 3) } : {}),
    nodeBudget: clamp(s.nodeBudget, 1, 2000),
    rankBy: s.measure,
    first: 200,
    ...(filter ? { filter } : {}),
  };
}

export function coLocationInput(s: Settings, operationId: string, entityIds: string[], span: { min: number; max: number } | null) {
  const year = 365 * 86_400_000;
  const now = Date.now();
  const from = s.coFrom ? `${s.coFrom}T00:00:00Z` : new Date(span ? span.min : now - year).toISOString();
  const to = s.coTo ? `${s.coTo}T23:59:59Z` : new Date(span ? span.max : now).toISOString();
  return {
    operationId,
    ...(entityIds.length ? { entityIds } : {}),
    from, to,
    windowMinutes: clamp(s.coWindow, 0, 10080),
  };
}
