// Pure helpers for an audit event's detail: the changed fields side by
// side, the question's parameters, and times with seconds in UK time.

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A JSON text as an object, or null when it is not one. */
export function parseObject(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A value as shown: text as is, a digest of source text said in words, anything else as JSON. */
export function showValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && !Array.isArray(v) && (v as { changed?: unknown }).changed === true) {
    const sha = (v as { sha256?: unknown }).sha256;
    return typeof sha === 'string'
      ? `changed (text not stored; SHA-256 ${sha})`
      : 'changed (text not stored)';
  }
  return JSON.stringify(v);
}

/**
 * The fields an event changed, before and after, in the order they first
 * appear (before, then after). A value absent on one side is null there.
 * Null when neither side is a JSON object (then the raw text is shown).
 */
export function fieldChanges(before: string | null | undefined, after: string | null | undefined): FieldChange[] | null {
  const b = parseObject(before);
  const a = parseObject(after);
  if (!b && !a) return null;
  const fields: string[] = [];
  for (const k of [...Object.keys(b ?? {}), ...Object.keys(a ?? {})]) if (!fields.includes(k)) fields.push(k);
  return fields.map((field) => ({
    field,
    before: b && field in b ? showValue(b[field]) : null,
    after: a && field in a ? showValue(a[field]) : null,
  }));
}

/** A question's parameters as name/value pairs (null when not a JSON object). */
export function parameterList(json: string | null | undefined): { name: string; value: string }[] | null {
  const o = parseObject(json);
  if (!o) return null;
  return Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== '')
    .map(([name, v]) => ({ name, value: showValue(v) }));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** An instant as `07 Dec 2026 21:28:23` UK time (audit needs the seconds). */
export function formatInstant(t: string | null | undefined): string {
  if (!t) return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return t;
  const p: Record<string, string> = {};
  for (const part of UK.formatToParts(d)) p[part.type] = part.value;
  return `${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** A record kind as words: IntelligenceItem -> Intelligence item. */
export function kindName(kind: string): string {
  const words = kind.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ');
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
}
