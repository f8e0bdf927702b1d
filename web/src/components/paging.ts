// Forward cursor paging (Relay `after`) with a way back: the cursors of the
// pages seen so far.
import { useCallback, useMemo, useState } from 'react';

export interface Paging {
  after: string | undefined;
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  reset: () => void;
}

export function usePaging(): Paging {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const next = useCallback((c: string | null | undefined) => { if (c) setStack((s) => [...s, c]); }, []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return useMemo(() => ({ after: stack[stack.length - 1], page: stack.length - 1, next, previous, reset }), [stack, next, previous, reset]);
}

/** "26–50 of 57" for page 1 of 25 with 25 rows shown. */
export function rangeLabel(page: number, size: number, shown: number, total: number): string {
  const n = (v: number) => v.toLocaleString('en-GB');
  if (total === 0 || shown === 0) return `0 of ${n(total)}`;
  const start = page * size + 1;
  return `${n(start)}–${n(start + shown - 1)} of ${n(total)}`;
}
