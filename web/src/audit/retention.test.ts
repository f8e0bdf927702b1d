import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldChanges, formatInstant, parameterList } from './detail';
import {
  describeFailure, draftInput, mayDecide, pageOf, sortDue, validateDraft, type ReviewDueRow,
} from './retention';

function item(id: string, urn: string, reviewDate: string, classification = 'OFFICIAL'): ReviewDueRow {
  return {
    reviewDate, overdue: false,
    record: {
      __typename: 'IntelligenceItem', id, version: 1, urn, receivedAt: '2020-01-01T00:00:00Z', sourceType: 'CHIS',
      classification, grading: { code: '1A P', handling: 'P', conditions: null }, sanitisedText: 't', retention: [],
    },
  } as unknown as ReviewDueRow;
}
function exhibit(id: string, reference: string, reviewDate: string): ReviewDueRow {
  return {
    reviewDate, overdue: false,
    record: { __typename: 'Exhibit', id, version: 2, reference, kind: 'DOCUMENT', description: 'd', obtainedOn: null, disclosureStatus: 'UNUSED', retention: [] },
  } as unknown as ReviewDueRow;
}

describe('validateDraft', () => {
  const today = '2026-12-07';
  it('asks for a decision and a reason', () => {
    const e = validateDraft({ decision: '', rationale: '  ', nextReviewDate: '' }, today);
    expect(Object.keys(e).sort()).toEqual(['decision', 'rationale']);
  });
  it('needs a future next review date to retain', () => {
    expect(validateDraft({ decision: 'RETAIN', rationale: 'r', nextReviewDate: '' }, today).nextReviewDate).toMatch(/needs/);
    expect(validateDraft({ decision: 'RETAIN', rationale: 'r', nextReviewDate: today }, today).nextReviewDate).toMatch(/future/);
    expect(validateDraft({ decision: 'RETAIN', rationale: 'r', nextReviewDate: '2027-12-07' }, today)).toEqual({});
  });
  it('needs no date to dispose, and sends none', () => {
    const d = { decision: 'DISPOSE' as const, rationale: ' no longer needed ', nextReviewDate: '2027-01-01' };
    expect(validateDraft(d, today)).toEqual({});
    expect(draftInput(d)).toEqual({ decision: 'DISPOSE', rationale: 'no longer needed', nextReviewDate: null });
  });
});

describe('describeFailure', () => {
  it('says a conflict plainly and keeps the form', () => {
    const f = describeFailure(new ApiError('int_1 has changed since version 1; reload and retry', 'CONFLICT', 200));
    expect(f.kind).toBe('conflict');
    expect(f.form).toMatch(/^Changed by someone else; reload/);
  });
  it('puts a BAD_USER_INPUT on its field', () => {
    const f = describeFailure(new ApiError('retaining needs a next review date in the future', 'BAD_USER_INPUT', 200, 'input.nextReviewDate'));
    expect(f.fields).toEqual({ nextReviewDate: 'Retaining needs a next review date in the future.' });
    expect(f.form).toBeNull();
    expect(describeFailure(new ApiError('must not be empty', 'BAD_USER_INPUT', 200, 'input.rationale')).fields.rationale).toBe('Must not be empty.');
  });
  it('shows an input error without a known field on the form', () => {
    expect(describeFailure(new ApiError('bad id', 'BAD_USER_INPUT', 200, 'id')).form).toBe('Bad id.');
  });
  it('says who may decide when forbidden', () => {
    const f = describeFailure(new ApiError('your role may not record decisions and lines of enquiry', 'FORBIDDEN', 200));
    expect(f.kind).toBe('forbidden');
    expect(f.form).toMatch(/SIO or deputy SIO/);
  });
});

describe('the queue', () => {
  const rows = [
    item('int_b', 'INT/2020/2', '2026-02-11', 'SECRET'),
    exhibit('exh_a', 'JS/3', '2025-03-14'),
    item('int_a', 'INT/2019/1', '2025-03-14', 'OFFICIAL_SENSITIVE'),
  ];
  it('sorts by review date, ties by reference', () => {
    expect(sortDue(rows, { key: 'reviewDate', dir: 'asc' }).map((r) => r.record.id)).toEqual(['int_a', 'exh_a', 'int_b']);
    expect(sortDue(rows, { key: 'reviewDate', dir: 'desc' }).map((r) => r.record.id)).toEqual(['int_b', 'int_a', 'exh_a']);
  });
  it('sorts by kind, reference and classification', () => {
    expect(sortDue(rows, { key: 'kind', dir: 'asc' }).map((r) => r.record.id)).toEqual(['exh_a', 'int_a', 'int_b']);
    expect(sortDue(rows, { key: 'reference', dir: 'asc' }).map((r) => r.record.id)).toEqual(['int_a', 'int_b', 'exh_a']);
    expect(sortDue(rows, { key: 'classification', dir: 'desc' }).map((r) => r.record.id)).toEqual(['int_b', 'int_a', 'exh_a']);
  });
  it('pages', () => {
    const many = Array.from({ length: 30 }, (_, i) => i);
    expect(pageOf(many, 0, 25)).toHaveLength(25);
    expect(pageOf(many, 1, 25)).toEqual([25, 26, 27, 28, 29]);
  });
  it('lets only the SIO and deputy SIO decide', () => {
    expect(mayDecide(['SIO'])).toBe(true);
    expect(mayDecide(['DEPUTY_SIO'])).toBe(true);
    expect(mayDecide(['AUDITOR'])).toBe(false);
    expect(mayDecide(['ANALYST'])).toBe(false);
  });
});

describe('event detail', () => {
  it('sets the changed fields side by side', () => {
    expect(fieldChanges('{"status":"RAISED"}', '{"status":"ALLOCATED","allocatedTo":"off_1"}')).toEqual([
      { field: 'status', before: 'RAISED', after: 'ALLOCATED' },
      { field: 'allocatedTo', before: null, after: 'off_1' },
    ]);
    expect(fieldChanges(null, null)).toBeNull();
    expect(fieldChanges('not json', null)).toBeNull();
  });
  it('says a source text change in words, never the text', () => {
    const c = fieldChanges(null, '{"sourceText":{"changed":true,"sha256":"abc"}}')!;
    expect(c[0].after).toBe('changed (text not stored; SHA-256 abc)');
  });
  it('lists parameters, leaving out empty ones', () => {
    expect(parameterList('{"entityIds":["per_1"],"from":null,"hops":2,"search":""}')).toEqual([
      { name: 'entityIds', value: '["per_1"]' },
      { name: 'hops', value: '2' },
    ]);
  });
  it('shows times in UK time with seconds', () => {
    expect(formatInstant('2026-12-07T21:27:45.507Z')).toBe('07 Dec 2026 21:27:45');
    expect(formatInstant('2026-07-01T12:00:00Z')).toBe('01 Jul 2026 13:00:00');
  });
});
