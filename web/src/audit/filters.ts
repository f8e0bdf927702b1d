// The audit trail's search: what the form holds, how it lives in the URL
// (so a search can be shared, bookmarked and reached by a link), and how it
// becomes the API's AuditFilter. Calendar dates are read as UK days
// (Europe/London, the time the unit works in): "from 7 Dec" means from
// 00:00 UK time on 7 Dec, "to 8 Dec" means up to the end of 8 Dec.
import type { AuditFilter } from '../gql/graphql';

export interface AuditSearch {
  /** Identity subject of the officer (AuditFilter.actor). */
  actor: string;
  /** Record id (AuditFilter.entityId). */
  record: string;
  operation: string;
  actions: string[];
  /** YYYY-MM-DD, UK day, inclusive. */
  from: string;
  /** YYYY-MM-DD, UK day, inclusive. */
  to: string;
}

export const EMPTY_SEARCH: AuditSearch = { actor: '', record: '', operation: '', actions: [], from: '', to: '' };

/** The actions the trail records (AuditEvent.action), grouped as the schema describes them. */
export const ACTION_GROUPS: readonly { label: string; actions: readonly string[] }[] = [
  { label: 'Questions', actions: ['SEARCH', 'ANALYSE', 'EXPORT'] },
  { label: 'Reads', actions: ['READ'] },
  {
    label: 'Changes',
    actions: ['CREATE', 'UPDATE', 'DELETE', 'LINK', 'UNLINK', 'RELATE', 'UNRELATE', 'CONTINUITY', 'REVIEW', 'RETENTION', 'REVOKE', 'IMPORT'],
  },
];
export const ALL_ACTIONS: readonly string[] = ACTION_GROUPS.flatMap((g) => g.actions);
export const QUESTION_ACTIONS: readonly string[] = ['SEARCH', 'ANALYSE', 'EXPORT'];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date `YYYY-MM-DD`. */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** Minutes UK time is ahead of UTC at instant t (0 in winter, 60 in summer). */
function londonOffsetMinutes(t: number): number {
  const p: Record<string, number> = {};
  for (const part of LONDON.formatToParts(new Date(t))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUTC = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUTC - Math.floor(t / 1000) * 1000) / 60000);
}

/** The instant UK day `YYYY-MM-DD` begins (00:00 Europe/London), as RFC 3339 UTC. */
export function ukDayStart(day: string): string {
  const m = DAY.exec(day);
  if (!m || !isDay(day)) throw new Error(`not a date: ${day}`);
  const midnightUTC = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Midnight UK time is midnight UTC less the offset in force then; the
  // clocks change at 01:00 UTC, so the offset at (midnight UTC - offset)
  // is the right one on both sides of a change.
  let t = midnightUTC - londonOffsetMinutes(midnightUTC) * 60000;
  t = midnightUTC - londonOffsetMinutes(t) * 60000;
  return new Date(t).toISOString();
}

/** The day after `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return d.toISOString().slice(0, 10);
}

/** Today's UK calendar date, `YYYY-MM-DD`. */
export function ukToday(now: Date = new Date()): string {
  const p: Record<string, string> = {};
  for (const part of LONDON.formatToParts(now)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}`;
}

export interface FilterResult {
  filter: AuditFilter;
  /** Problems with the search, by form field; the search is not run while there are any. */
  errors: Partial<Record<'from' | 'to' | 'record', string>>;
}

/**
 * The API filter for a search: blank fields are left out; the date range
 * is UK days, `from` inclusive from its start and `to` inclusive to its
 * end (the API's `to` is exclusive, so the start of the next day).
 */
export function toFilter(s: AuditSearch): FilterResult {
  const filter: AuditFilter = {};
  const errors: FilterResult['errors'] = {};
  const actor = s.actor.trim();
  const record = s.record.trim();
  const operation = s.operation.trim();
  if (actor) filter.actor = actor;
  if (record) {
    if (/\s/.test(record)) errors.record = 'A record id has no spaces, e.g. per_01m993z7… or int_01m993…';
    else filter.entityId = record;
  }
  if (operation) filter.operationId = operation;
  const actions = ALL_ACTIONS.filter((a) => s.actions.includes(a));
  if (actions.length > 0 && actions.length < ALL_ACTIONS.length) filter.actions = actions;
  if (s.from) {
    if (isDay(s.from)) filter.from = ukDayStart(s.from);
    else errors.from = 'Enter a date, e.g. 07/12/2026.';
  }
  if (s.to) {
    if (isDay(s.to)) filter.to = ukDayStart(nextDay(s.to));
    else errors.to = 'Enter a date, e.g. 07/12/2026.';
  }
  if (!errors.from && !errors.to && s.from && s.to && s.from > s.to) {
    errors.to = 'The end date is before the start date.';
  }
  return { filter, errors };
}

/** The search held in a URL's query string (?officer=&record=&operation=&action=&from=&to=). */
export function searchFromParams(p: URLSearchParams): AuditSearch {
  const actions = (p.get('action') ?? '').split(',').map((a) => a.trim().toUpperCase()).filter((a) => ALL_ACTIONS.includes(a));
  return {
    actor: p.get('officer') ?? '',
    record: p.get('record') ?? '',
    operation: p.get('operation') ?? '',
    actions: ALL_ACTIONS.filter((a) => actions.includes(a)),
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
  };
}

/** The query string for a search; blank fields left out, in a stable order. */
export function searchToParams(s: AuditSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.actor.trim()) p.set('officer', s.actor.trim());
  if (s.record.trim()) p.set('record', s.record.trim());
  if (s.operation) p.set('operation', s.operation);
  const actions = ALL_ACTIONS.filter((a) => s.actions.includes(a));
  if (actions.length > 0 && actions.length < ALL_ACTIONS.length) p.set('action', actions.join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  return p;
}

/** Whether a search narrows the trail at all. */
export function isEmptySearch(s: AuditSearch): boolean {
  return searchToParams(s).toString() === '';
}

/** A stable key for a search (paging restarts when it changes). */
export function searchKey(s: AuditSearch): string {
  return searchToParams(s).toString();
}

/** How an action is shown: SEARCH -> Search. */
export function actionLabel(a: string): string {
  return a.charAt(0) + a.slice(1).toLowerCase();
}

/** The route of a record id where the workbench has a page for it, else null. */
export function recordRoute(id: string | null | undefined): string | null {
  if (!id) return null;
  const prefix = id.split('_', 1)[0];
  if (['per', 'org', 'loc', 'veh', 'com', 'evt'].includes(prefix) && id.length > prefix.length + 1) {
    return `/entities/${encodeURIComponent(id)}`;
  }
  if (prefix === 'tgt' && id.length > 4) return `/targets/${encodeURIComponent(id)}`;
  return null;
}
