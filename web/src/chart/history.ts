// The chart's undo history: a bounded stack of earlier states. States are
// immutable, so keeping one costs only what changed.
export interface History<T> {
  past: T[];
  present: T;
  limit: number;
}

export const HISTORY_LIMIT = 50;

export function createHistory<T>(present: T, limit = HISTORY_LIMIT): History<T> {
  return { past: [], present, limit: Math.max(1, limit) };
}

/** Makes next the present state; the old present can be undone back to. A no-op change is not recorded. */
export function record<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  if (past.length > h.limit) past.splice(0, past.length - h.limit);
  return { ...h, past, present: next };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  const past = h.past.slice(0, -1);
  return { ...h, past, present: h.past[h.past.length - 1] };
}
