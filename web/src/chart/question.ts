// The question behind the chart: what Save chart stores (a saved search's
// kind and parameters) and what the exports chart (POST /export/{kind}.{fmt}
// with the same input, so a file holds exactly what the question answered).
import type { SavedSearchKind } from '../gql/graphql';
import type { ChartState, Question } from './model';

export type ExportFormat = 'anx' | 'graphml' | 'json';

const EXPORT_ROUTE: Partial<Record<SavedSearchKind, string>> = {
  NETWORK: 'network', PATHS: 'paths', COMMON_LINKS: 'common-links', KEY_PLAYERS: 'key-players',
};

/** Most seeds a network question takes (the API's limit). */
export const MAX_SEEDS = 50;

export interface ExportPlan {
  /** The question the files chart, or null if none can be exported. */
  question: Question | null;
  /** What the files hold, or why there is nothing to export, in the analyst's words. */
  note: string;
  /** True when the question was made up from the chart's entities, not asked by the analyst. */
  derived: boolean;
}

/**
 * What the exports (and Save chart) use: the last question asked; or, for a
 * chart built only by adding entities, a network question one hop around
 * them (said so, since it charts their neighbours too); or nothing.
 */
export function exportPlan(state: ChartState): ExportPlan {
  const ids = Object.keys(state.nodes);
  const q = state.question;
  if (q) {
    const extra = state.questionOnly ? '' : ' The chart also holds entities or edits from elsewhere; they are not part of it.';
    return { question: q, derived: false, note: `The last question: ${describeQuestion(q)}.${extra}` };
  }
  if (ids.length === 0) return { question: null, derived: false, note: 'The chart is empty.' };
  if (ids.length > MAX_SEEDS) {
    return {
      question: null, derived: false,
      note: `No question built this chart and its ${ids.length} entities are more than a network question takes (${MAX_SEEDS}); ask one (Expand, Find paths...) to export or save.`,
    };
  }
  const question: Question = { kind: 'NETWORK', input: { seedIds: ids, hops: 1, nodeBudget: 2000 } };
  return {
    question, derived: true,
    note: `No question built this chart: this uses the network 1 hop around its ${ids.length} entit${ids.length === 1 ? 'y' : 'ies'}, which includes their neighbours, not the chart as drawn.`,
  };
}

export function exportPath(q: Question, format: ExportFormat): string | null {
  const route = EXPORT_ROUTE[q.kind];
  return route ? `/export/${route}.${format}` : null;
}

export function exportable(q: Question | null): boolean {
  return !!q && !!EXPORT_ROUTE[q.kind];
}

function n(v: unknown): number {
  return Array.isArray(v) ? v.length : 0;
}

export function describeQuestion(q: Question): string {
  const i = q.input;
  switch (q.kind) {
    case 'NETWORK':
      return `network ${i.hops ?? 2} hop${i.hops === 1 ? '' : 's'} around ${n(i.seedIds)} entit${n(i.seedIds) === 1 ? 'y' : 'ies'} (budget ${i.nodeBudget ?? 500})`;
    case 'PATHS':
      return `paths (${String(i.mode ?? 'SHORTEST').toLowerCase().replace('_', ' ')}, at most ${i.maxHops ?? 6} hops)`;
    case 'COMMON_LINKS':
      return `common associates of ${n(i.entityIds)} entities`;
    case 'KEY_PLAYERS':
      return i.operationId ? `key players of the whole operation by ${String(i.rankBy ?? 'BETWEENNESS').toLowerCase()}` : `key players around ${n(i.seedIds)} entities by ${String(i.rankBy ?? 'BETWEENNESS').toLowerCase()}`;
    case 'CO_LOCATION':
      return `co-location from ${String(i.from).slice(0, 10)} to ${String(i.to).slice(0, 10)}`;
    case 'TIMELINE':
      return `timeline of ${n(i.entityIds)} entities`;
  }
}

/** Extension of the files the export routes answer. */
export function fileName(q: Question, format: ExportFormat): string {
  const route = EXPORT_ROUTE[q.kind] ?? 'chart';
  return `keyline-${route}.${format === 'anx' ? 'anx' : format === 'graphml' ? 'graphml' : 'json'}`;
}
