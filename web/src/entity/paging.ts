// Forward-only cursor paging (Relay `after`) with a way back: the cursors
// of the pages seen so far.
import { useState } from 'react';

export interface Paging {
  after: string | undefined;
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  reset: () => void;
}

export function usePaging(): Paging {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  return {
    after: stack[stack.length - 1],
    page: stack.length - 1,
    next: (c) => { if (c) setStack((s) => [...s, c]); },
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

/** `26–50 of 57` for page 1 of 25 with 25 rows shown. */
export function rangeLabel(page: number, size: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${total.toLocaleString('en-GB')}`;
  const start = page * size + 1;
  return `${start.toLocaleString('en-GB')}–${(start + shown - 1).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
}
