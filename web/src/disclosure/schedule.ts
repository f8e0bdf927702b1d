// Pure logic of the disclosure screen: which schedule, its columns, the
// document routes and file names, and the API's refusal in words.
import type { ScheduleKind } from '../gql/graphql';

export const KINDS: readonly ScheduleKind[] = ['MG6C', 'MG6D'];

export function parseKind(v: string | null | undefined): ScheduleKind {
  return (v ?? '').toUpperCase() === 'MG6D' ? 'MG6D' : 'MG6C';
}

export const SCHEDULE_TEXT: Record<ScheduleKind, { title: string; marking: string; what: string }> = {
  MG6C: {
    title: 'MG6C: schedule of non-sensitive unused material',
    marking: 'OFFICIAL — NON-SENSITIVE UNUSED MATERIAL',
    what: 'Material gathered but not used, not sensitive: disclosed to the defence. Items are numbered consecutively.',
  },
  MG6D: {
    title: 'MG6D: schedule of sensitive unused material',
    marking: 'OFFICIAL-SENSITIVE — SENSITIVE UNUSED MATERIAL — NOT FOR DISCLOSURE',
    what: 'Sensitive material gathered but not used: not disclosed, each item with the reason it is sensitive.',
  },
};

/** The schedule's columns, as the printable document and the CSV have them. */
export function scheduleColumns(kind: ScheduleKind): string[] {
  const cols = ['Item', 'Reference', 'Description', 'Obtained'];
  return kind === 'MG6D' ? [...cols, 'Reason for sensitivity'] : cols;
}

/** The document route of a schedule: /reports/operations/{id}/mg6c.csv. */
export function scheduleDocPath(operationId: string, kind: ScheduleKind, format: 'csv' | 'html'): string {
  return `/reports/operations/${encodeURIComponent(operationId)}/${kind.toLowerCase()}.${format}`;
}

/** A file name for a downloaded schedule: `OP-KESTREL-2026-MG6C-2026-12-07.csv`. */
export function scheduleFileName(reference: string, kind: ScheduleKind, format: 'csv' | 'html', at: Date = new Date()): string {
  const safe = reference.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'operation';
  const day = at.toISOString().slice(0, 10);
  return `${safe}-${kind}-${day}.${format}`;
}

/** Whether an error is the API's refusal (FORBIDDEN). */
export function isForbidden(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: string }).code === 'FORBIDDEN';
}

/** Sorted by item number (the API numbers them from 1). */
export function byNumber<E extends { number: number }>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => a.number - b.number);
}
