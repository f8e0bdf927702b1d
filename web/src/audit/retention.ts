// MOPI decisions: the form's rules (checked before sending, the same as
// the server's), what a refusal says and on which field (ApiError.field,
// from the API's extensions.field), and the queue's sorting and paging.
import { ApiError, gql } from '../api/client';
import type { MopiRecordRetentionMutation, MopiRecordRetentionMutationVariables, MopiReviewsDueQuery, RetentionChoice } from '../gql/graphql';
import { MopiRecordRetentionDocument } from './queries';

export type ReviewDueRow = NonNullable<MopiReviewsDueQuery['operation']>['reviewsDue'][number];

export interface RetentionDraft {
  decision: RetentionChoice | '';
  rationale: string;
  nextReviewDate: string;
}

export const EMPTY_DRAFT: RetentionDraft = { decision: '', rationale: '', nextReviewDate: '' };

export type DraftField = 'decision' | 'rationale' | 'nextReviewDate';
export type DraftErrors = Partial<Record<DraftField, string>>;

/** The form's own checks (today is the UK date, YYYY-MM-DD). */
export function validateDraft(d: RetentionDraft, today: string): DraftErrors {
  const e: DraftErrors = {};
  if (!d.decision) e.decision = 'Choose retain or dispose.';
  if (!d.rationale.trim()) e.rationale = 'Give the reason: the policing purpose, or why it no longer applies.';
  if (d.decision === 'RETAIN') {
    if (!d.nextReviewDate) e.nextReviewDate = 'Retaining needs the next review date.';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(d.nextReviewDate)) e.nextReviewDate = 'Enter a date, e.g. 07/12/2027.';
    else if (d.nextReviewDate <= today) e.nextReviewDate = 'The next review date must be in the future.';
  }
  return e;
}

/** The API input for a valid draft (a disposal has no next review date). */
export function draftInput(d: RetentionDraft): MopiRecordRetentionMutationVariables['input'] {
  return {
    decision: d.decision as RetentionChoice,
    rationale: d.rationale.trim(),
    nextReviewDate: d.decision === 'RETAIN' ? d.nextReviewDate : null,
  };
}

/** The form field an API field path names (input.rationale -> rationale). */
export function draftFieldOf(apiField: string | undefined): DraftField | null {
  switch (apiField) {
    case 'input.decision': return 'decision';
    case 'input.rationale': return 'rationale';
    case 'input.nextReviewDate': return 'nextReviewDate';
    default: return null;
  }
}

/** Records a decision; rejects with ApiError (code, message and, for BAD_USER_INPUT, the field). */
export function recordRetention(vars: MopiRecordRetentionMutationVariables): Promise<MopiRecordRetentionMutation> {
  return gql(MopiRecordRetentionDocument, vars);
}

/** What a failed decision says to the user, and where. */
export function describeFailure(err: unknown): { form: string | null; fields: DraftErrors; kind: 'conflict' | 'forbidden' | 'input' | 'other' } {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'CONFLICT':
        return { kind: 'conflict', form: 'Changed by someone else; reload to see the current record. Your reason is kept.', fields: {} };
      case 'FORBIDDEN':
        return { kind: 'forbidden', form: `Not allowed: ${err.message}. MOPI decisions are recorded by the SIO or deputy SIO.`, fields: {} };
      case 'BAD_USER_INPUT': {
        const field = draftFieldOf(err.field ?? undefined);
        if (field) return { kind: 'input', form: null, fields: { [field]: capitalise(err.message) + '.' } };
        return { kind: 'input', form: capitalise(err.message) + '.', fields: {} };
      }
      case 'NOT_FOUND':
        return { kind: 'other', form: 'This record no longer exists or you may no longer see it.', fields: {} };
      default:
        return { kind: 'other', form: `Could not record the decision: ${err.message}`, fields: {} };
    }
  }
  return { kind: 'other', form: `Could not record the decision: ${err instanceof Error ? err.message : String(err)}`, fields: {} };
}

function capitalise(s: string): string {
  const t = s.replace(/\.$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export type SortKey = 'reviewDate' | 'kind' | 'reference' | 'classification';
export interface Sort { key: SortKey; dir: 'asc' | 'desc' }

const CLASS_RANK: Record<string, number> = { OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3 };

/** How a due record is named: an item's URN, an exhibit's reference. */
export function recordReference(r: ReviewDueRow['record']): string {
  if (r.__typename === 'IntelligenceItem') return r.urn;
  if (r.__typename === 'Exhibit') return r.reference;
  return r.id;
}

export function recordKindLabel(r: ReviewDueRow['record']): string {
  return r.__typename === 'IntelligenceItem' ? 'Intelligence' : r.__typename === 'Exhibit' ? 'Exhibit' : r.__typename;
}

/** The queue sorted (stable; ties by review date, then reference). */
export function sortDue(rows: readonly ReviewDueRow[], sort: Sort): ReviewDueRow[] {
  const key = (r: ReviewDueRow): string | number => {
    switch (sort.key) {
      case 'reviewDate': return r.reviewDate;
      case 'kind': return recordKindLabel(r.record);
      case 'reference': return recordReference(r.record);
      case 'classification': return r.record.__typename === 'IntelligenceItem' ? CLASS_RANK[r.record.classification] ?? -1 : -1;
    }
  };
  const dir = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const a = key(x.r);
      const b = key(y.r);
      if (a < b) return -dir;
      if (a > b) return dir;
      if (x.r.reviewDate !== y.r.reviewDate) return x.r.reviewDate < y.r.reviewDate ? -1 : 1;
      const ra = recordReference(x.r.record);
      const rb = recordReference(y.r.record);
      if (ra !== rb) return ra < rb ? -1 : 1;
      return x.i - y.i;
    })
    .map((x) => x.r);
}

/** One page of a list: rows [page*size, page*size+size). */
export function pageOf<T>(rows: readonly T[], page: number, size: number): T[] {
  return rows.slice(page * size, page * size + size);
}

/** Whether roles may record MOPI decisions (the API's policy-file permission). */
export function mayDecide(roles: readonly string[]): boolean {
  return roles.includes('SIO') || roles.includes('DEPUTY_SIO');
}
