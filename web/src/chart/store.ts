// The chart's module-level store: the chart and its undo history, the
// selection, the time window and the last answers, kept outside React so
// they survive leaving the chart for an entity page and coming back.
import { useSyncExternalStore } from 'react';
import { createHistory, record, undo as undoHistory, type History } from './history';
import { emptyChart, type ApiKeyPlayers, type ApiMeeting, type ChartState } from './model';
import { defaultSettings, type Settings } from './settings';
import type { ChartCommonFragment, ChartPathsFragment, ChartTimelineEntryFragment } from '../gql/graphql';

export type Results =
  | { kind: 'network'; nodes: number; links: number; truncated: boolean; frontier: number }
  | { kind: 'paths'; result: ChartPathsFragment }
  | { kind: 'common'; result: ChartCommonFragment; asked: string[] }
  | { kind: 'colocation'; meetings: readonly ApiMeeting[] }
  | { kind: 'keyPlayers'; result: ApiKeyPlayers; scope: string }
  | { kind: 'added'; count: number; missing: number };

export interface TimelinePanel {
  entityIds: string[];
  entries: readonly ChartTimelineEntryFragment[];
}

export interface StoreState {
  history: History<ChartState>;
  /** Selected entity ids, in selection order. */
  selection: string[];
  /** Selected link ids. */
  selectedEdges: string[];
  /** Time window in ms since the epoch; null ends are open. */
  window: { from: number | null; to: number | null };
  results: Results | null;
  timeline: TimelinePanel | null;
  /** Entity positions when the canvas was last torn down, to redraw without a layout. */
  positions: Record<string, { x: number; y: number }>;
  /** The URL query last acted on (so a remount does not add the same entities twice). */
  handledSearch: string | null;
  settings: Settings;
  /** The question running now, the last error (the API's message) and the last notice. */
  busy: string | null;
  error: string | null;
  notice: string | null;
  /** The saved search the chart was last saved as or opened from. */
  saved: { id: string; name: string } | null;
}

let state: StoreState = initial();
const listeners = new Set<() => void>();

function initial(): StoreState {
  return {
    history: createHistory(emptyChart()),
    selection: [],
    selectedEdges: [],
    window: { from: null, to: null },
    results: null,
    timeline: null,
    positions: {},
    handledSearch: null,
    settings: defaultSettings(),
    busy: null,
    error: null,
    notice: null,
    saved: null,
  };
}

export function getStore(): StoreState {
  return state;
}

export function setStore(patch: Partial<StoreState> | ((s: StoreState) => Partial<StoreState>)): void {
  const p = typeof patch === 'function' ? patch(state) : patch;
  state = { ...state, ...p };
  for (const l of listeners) l();
}

export function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useChartStore<T>(select: (s: StoreState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state));
}

/** Makes next the chart (undoable), dropping selections of what is gone. */
export function commit(next: ChartState | ((c: ChartState) => ChartState)): void {
  setStore((s) => {
    const chart = typeof next === 'function' ? next(s.history.present) : next;
    return {
      history: record(s.history, chart),
      selection: s.selection.filter((id) => chart.nodes[id]),
      selectedEdges: s.selectedEdges.filter((id) => chart.edges[id]),
    };
  });
}

/** Changes only how the chart is shown (a highlight), without an undo step. */
export function replacePresent(fn: (c: ChartState) => ChartState): void {
  setStore((s) => ({ history: { ...s.history, present: fn(s.history.present) } }));
}

export function undo(): void {
  setStore((s) => {
    const history = undoHistory(s.history);
    const chart = history.present;
    return {
      history,
      selection: s.selection.filter((id) => chart.nodes[id]),
      selectedEdges: s.selectedEdges.filter((id) => chart.edges[id]),
    };
  });
}

/** For tests: back to an empty chart with no history. */
export function resetStore(): void {
  state = initial();
  for (const l of listeners) l();
}
