// CSV built in the browser (RFC 4180: CRLF lines, fields quoted where
// they hold a comma, quote or line break, quotes doubled), safe to open in
// a spreadsheet: a cell starting with = + - @ (or a tab or carriage
// return, which some spreadsheets skip before reading a formula) is
// prefixed with a single quote so that it is read as text, never run as a
// formula (CSV injection).
import type { AuditTrailQuery } from '../gql/graphql';

export type AuditEventRow = AuditTrailQuery['auditTrail']['edges'][number]['node'];

/** Most rows an export gathers; the user is told when a filter matches more. */
export const EXPORT_CAP = 10_000;
/** Rows per request while exporting (the API's largest page). */
export const EXPORT_PAGE = 100;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could start a formula, then quoted if needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** Rows to CSV text; each line ends CRLF. */
export function buildCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

export const AUDIT_CSV_HEADER = [
  'time (UTC)', 'officer', 'identity subject', 'officer id', 'action', 'record kind', 'record id',
  'operation', 'operation id', 'request id', 'question', 'result size', 'purpose', 'reason',
  'before', 'after', 'parameters', 'withheld', 'event id',
] as const;

export interface CsvNames {
  officerName: (subject: string) => string | undefined;
  operationRef: (id: string) => string | undefined;
}

/**
 * The audit trail as CSV rows. A withheld event keeps who, when, what and
 * which record; its values stay empty and `withheld` says so, exactly as
 * the API returned them: nothing is inferred.
 */
export function auditCsvRows(events: readonly AuditEventRow[], names: CsvNames): unknown[][] {
  const rows: unknown[][] = [[...AUDIT_CSV_HEADER]];
  for (const e of events) {
    rows.push([
      e.at, names.officerName(e.actor) ?? '', e.actor, e.officerId ?? '', e.action, e.entityKind, e.entityId,
      e.operationId ? names.operationRef(e.operationId) ?? '' : '', e.operationId ?? '', e.requestId ?? '',
      e.question ?? '', e.resultSize ?? '', e.purpose ?? '', e.reason ?? '',
      e.before ?? '', e.after ?? '', e.parameters ?? '',
      e.withheld ? 'yes (above your clearance or handling)' : 'no', e.id,
    ]);
  }
  return rows;
}

/** keyline-audit-20261207-2128.csv (UTC). */
export function exportFilename(now: Date): string {
  const iso = now.toISOString();
  return `keyline-audit-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 16).replace(':', '')}.csv`;
}

export interface PageOf {
  events: readonly AuditEventRow[];
  hasNext: boolean;
  endCursor: string | null | undefined;
  total: number;
}

export interface CollectResult {
  events: AuditEventRow[];
  /** Matching events when the export began. */
  total: number;
  /** Stopped at the cap with more left. */
  capped: boolean;
}

/**
 * Gathers the events of a search page by page (newest first) up to `cap`.
 * The trail is append-only and newest first, so an event recorded during
 * the export shifts later pages by one: that repeats an event, never
 * skips one; repeats are dropped by id.
 */
export async function collectEvents(
  fetchPage: (after: string | undefined, first: number) => Promise<PageOf>,
  opts: { cap?: number; pageSize?: number; onProgress?: (n: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<CollectResult> {
  const cap = opts.cap ?? EXPORT_CAP;
  const pageSize = opts.pageSize ?? EXPORT_PAGE;
  const seen = new Set<string>();
  const events: AuditEventRow[] = [];
  let after: string | undefined;
  let total = 0;
  let more = true;
  let first = true;
  while (more && events.length < cap) {
    if (opts.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const page = await fetchPage(after, Math.min(pageSize, cap - events.length));
    if (first) { total = page.total; first = false; }
    for (const e of page.events) {
      if (seen.has(e.id) || events.length >= cap) continue;
      seen.add(e.id);
      events.push(e);
    }
    opts.onProgress?.(events.length, total);
    more = page.hasNext && !!page.endCursor && page.events.length > 0;
    after = page.endCursor ?? undefined;
  }
  return { events, total, capped: more && events.length >= cap };
}
