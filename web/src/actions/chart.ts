// Scaling for the dashboard's bar charts: pure arithmetic, tested.

/** The smallest "nice" axis maximum (1, 2, 2.5, 5 × 10^n) at or above max; 1 for nothing. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const v = m * base;
    if (v >= max - 1e-9) return exp >= 0 ? Math.round(v) : v;
  }
  return 10 * base;
}

/** A bar's length as a percentage of the axis (0..100); a non-zero value shows at least minPct. */
export function barPercent(value: number, axisMax: number, minPct = 0.5): number {
  if (!Number.isFinite(value) || value <= 0 || axisMax <= 0) return 0;
  return Math.min(100, Math.max(minPct, (value / axisMax) * 100));
}

/** Evenly spaced axis ticks from 0 to axisMax (count intervals), whole numbers where the axis allows. */
export function ticks(axisMax: number, count = 4): number[] {
  const out: number[] = [];
  for (let i = 0; i <= count; i++) {
    const v = (axisMax * i) / count;
    out.push(Number.isInteger(axisMax) && axisMax % count === 0 ? v : Math.round(v * 100) / 100);
  }
  return out;
}

/** 0.8462 → "84.6%"; 0 → "0%". */
export function percent(rate: number, digits = 1): string {
  if (!Number.isFinite(rate)) return '–';
  const p = rate * 100;
  if (p === 0) return '0%';
  return `${Number(p.toFixed(digits))}%`;
}

/** Hours in words: 0.5 → "30 min", 20 → "20 h", 50 → "2.1 days". */
export function hoursLabel(h: number | null | undefined): string {
  if (h == null || !Number.isFinite(h)) return 'No results yet';
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 48) return `${Number(h.toFixed(1))} h`;
  return `${Number((h / 24).toFixed(1))} days`;
}

/** Counts in a fixed key order (keys the API did not return count 0; extra keys follow). */
export function ordered<K extends string>(counts: readonly { key: string; count: number }[], keys: readonly K[]): { key: string; count: number }[] {
  const byKey = new Map(counts.map((c) => [c.key, c.count]));
  const out: { key: string; count: number }[] = keys.map((k) => ({ key: k, count: byKey.get(k) ?? 0 }));
  for (const c of counts) if (!keys.includes(c.key as K)) out.push(c);
  return out;
}
