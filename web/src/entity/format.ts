// Pure formatting shared by the entity, provenance and search screens.
// Times are shown in UK local time (Europe/London), the time the
// analysts work in; calendar dates (DOB, obtained on) are shown as given,
// with no time-zone shift.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

const DATE_ONLY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric',
});

/** A calendar date `YYYY-MM-DD` as `11 Feb 1994`; anything else as given. */
export function formatDate(d: string | null | undefined): string {
  if (!d) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return d;
  return `${m[3]} ${month} ${m[1]}`;
}

function parts(fmt: Intl.DateTimeFormat, t: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(t)) out[p.type] = p.value;
  return out;
}

/** An RFC 3339 instant as `17 Feb 2026 17:59` (UK time); empty for null. */
export function formatDateTime(t: string | null | undefined): string {
  if (!t) return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return t;
  const p = parts(DATE_TIME, d);
  return `${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year} ${p.hour}:${p.minute}`;
}

/** An RFC 3339 instant as its UK calendar day, `17 Feb 2026`. */
export function formatDay(t: string | null | undefined): string {
  if (!t) return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return t;
  const p = parts(DATE_ONLY, d);
  return `${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}

/** Confidence 0..1 as a whole percentage, `56%`. */
export function formatConfidence(c: number | null | undefined): string {
  if (c == null || Number.isNaN(c)) return '';
  return `${Math.round(c * 100)}%`;
}

/** Known acronyms kept upper case inside enum words (ANPR_HIT -> ANPR hit). */
const ACRONYMS = new Set(['ANPR', 'CHIS', 'OCG', 'PNC', 'IMEI', 'NI', 'DVLA', 'CRN', 'VRM', 'SAR']);

/** An enum value in words, keeping known acronyms inside: `ANPR_HIT` -> `ANPR hit`, `COMMS_DATA` -> `Comms data`. */
export function enumLabel(v: string | null | undefined): string {
  if (!v) return '';
  const words = v.split('_').map((w, i) => {
    if (ACRONYMS.has(w)) return w;
    const lw = w.toLowerCase();
    return i === 0 ? lw.charAt(0).toUpperCase() + lw.slice(1) : lw;
  });
  return words.join(' ');
}

/** A link type in words, as analysts read it: `ASSOCIATE_OF` -> `associate of`. */
export function linkTypeLabel(t: string): string {
  return t.toLowerCase().replace(/_/g, ' ');
}

/** The kind of an entity from its GraphQL type name, in words. */
export function kindLabel(typename: string | null | undefined): string {
  switch (typename) {
    case 'Person': return 'Person';
    case 'Organisation': return 'Organisation';
    case 'Location': return 'Location';
    case 'Vehicle': return 'Vehicle';
    case 'CommsDevice': return 'Comms device';
    case 'Event': return 'Event';
    default: return typename ?? '';
  }
}

/** The workbench path of an entity's page. */
export function entityPath(id: string): string {
  return `/entities/${encodeURIComponent(id)}`;
}

/** A date input's `YYYY-MM-DD` as the start (or end) of that UTC day, for API filters; null when empty or invalid. */
export function dayBound(d: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  return end ? `${d}T23:59:59Z` : `${d}T00:00:00Z`;
}

/** `n` of a noun, pluralised simply: `1 link`, `3 links`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}
