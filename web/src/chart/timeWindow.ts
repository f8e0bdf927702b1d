// The chart's time slider: the span of its links' dates, and whether a link
// falls within the window chosen. A link is seen from its firstSeen to its
// lastSeen (one of them alone is a single moment); a link with neither is
// undated and always shown, since the slider cannot say it is outside.
export interface Dated { firstSeen?: string | null; lastSeen?: string | null }

export interface Span { min: number; max: number }

function ms(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

/** The interval a link was seen over, in ms since the epoch; null if undated. */
export function seenInterval(l: Dated): Span | null {
  const a = ms(l.firstSeen);
  const b = ms(l.lastSeen);
  if (a === null && b === null) return null;
  const lo = a ?? b!;
  const hi = b ?? a!;
  return { min: Math.min(lo, hi), max: Math.max(lo, hi) };
}

/** The span of all the links' dates, or null when none is dated. */
export function timeSpan(links: Iterable<Dated>): Span | null {
  let min = Infinity;
  let max = -Infinity;
  for (const l of links) {
    const s = seenInterval(l);
    if (!s) continue;
    if (s.min < min) min = s.min;
    if (s.max > max) max = s.max;
  }
  return min === Infinity ? null : { min, max };
}

/** Whether a link seen over its interval overlaps the window [from, to] (inclusive). */
export function inWindow(l: Dated, from: number, to: number): boolean {
  const s = seenInterval(l);
  if (!s) return true;
  return s.max >= from && s.min <= to;
}

/** Ids of the links outside the window. */
export function outsideWindow<T extends Dated & { id: string }>(links: Iterable<T>, from: number, to: number): string[] {
  const out: string[] = [];
  for (const l of links) if (!inWindow(l, from, to)) out.push(l.id);
  return out;
}

const DAY = 86_400_000;
/** Slider steps: whole days from the span's first day to its last. */
export function daySteps(span: Span): { first: number; days: number } {
  const first = Math.floor(span.min / DAY) * DAY;
  const days = Math.max(0, Math.ceil((span.max - first) / DAY));
  return { first, days };
}
export function dayToMs(first: number, day: number, endOfDay = false): number {
  return first + day * DAY + (endOfDay ? DAY - 1 : 0);
}
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
