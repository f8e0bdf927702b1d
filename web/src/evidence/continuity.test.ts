import { describe, expect, it } from 'vitest';
import { continuityInput, fieldMessage, formFieldOf, localToInstant, sortContinuity, validateContinuity } from './continuity';
import { evidenceHref, parseView, recordHref } from './links';
import { disclosureLabel, excerpt } from './format';

describe('continuity', () => {
  it('orders oldest first, stable for equal times', () => {
    const rows = [
      { at: '2026-04-07T11:18:00Z', heldBy: 'B' },
      { at: '2026-04-05T14:18:00Z', heldBy: 'A' },
      { at: '2026-04-07T11:18:00Z', heldBy: 'C' },
    ];
    expect(sortContinuity(rows).map((r) => r.heldBy)).toEqual(['A', 'B', 'C']);
  });

  it('checks the required fields and the time', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(validateContinuity({ at: '', heldBy: ' ', location: '', purpose: 'x' }, now)).toEqual({
      heldBy: 'Say who holds the exhibit from now.', location: 'Say where it is held.',
    });
    expect(validateContinuity({ at: '2099-01-01T10:00', heldBy: 'a', location: 'b', purpose: 'c' }, now).at).toBe('The time is in the future.');
    expect(validateContinuity({ at: 'nonsense', heldBy: 'a', location: 'b', purpose: 'c' }, now).at).toMatch(/Enter a date/);
    expect(validateContinuity({ at: '2026-12-01T09:30', heldBy: 'a', location: 'b', purpose: 'c' }, now)).toEqual({});
  });

  it('builds the input: trimmed, time omitted for now', () => {
    expect(continuityInput({ at: '', heldBy: ' DC Hughes ', location: 'Store ', purpose: ' Booked in' })).toEqual({ heldBy: 'DC Hughes', location: 'Store', purpose: 'Booked in' });
    const withAt = continuityInput({ at: '2026-12-01T09:30', heldBy: 'a', location: 'b', purpose: 'c' });
    expect(withAt.at).toBe(new Date('2026-12-01T09:30').toISOString());
    expect(localToInstant('')).toBeNull();
  });

  it('maps the API field to the form', () => {
    expect(formFieldOf('input.heldBy')).toBe('heldBy');
    expect(formFieldOf('input.purpose')).toBe('purpose');
    expect(formFieldOf('expectedVersion')).toBe('form');
    expect(formFieldOf(null)).toBe('form');
    expect(fieldMessage('heldBy', 'must not be empty')).toBe('Held by: must not be empty');
    expect(fieldMessage('form', 'nothing to change')).toBe('Nothing to change');
  });
});

describe('links', () => {
  it('keeps the view, and opening an exhibit closes an item and the other way round', () => {
    expect(evidenceHref('view=undeveloped&item=int_1', { exhibit: 'exh_1' })).toBe('/evidence?view=undeveloped&exhibit=exh_1');
    expect(evidenceHref('exhibit=exh_1', { item: 'int_1' })).toBe('/evidence?item=int_1');
    expect(evidenceHref('view=undeveloped&item=int_1', { view: 'exhibits' })).toBe('/evidence?item=int_1');
    expect(evidenceHref('', {})).toBe('/evidence');
    expect(parseView('uncorroborated')).toBe('uncorroborated');
    expect(parseView('other')).toBe('exhibits');
  });

  it('opens exhibits and intelligence, nothing else', () => {
    expect(recordHref('', { __typename: 'Exhibit', id: 'exh_1' })).toBe('/evidence?exhibit=exh_1');
    expect(recordHref('', { __typename: 'IntelligenceItem', id: 'int_1' })).toBe('/evidence?item=int_1');
    expect(recordHref('', { __typename: 'Action', id: 'act_1' })).toBeNull();
  });
});

describe('format', () => {
  it('words the disclosure status', () => {
    expect(disclosureLabel('UNUSED_SENSITIVE')).toBe('Unused, sensitive (MG6D)');
    expect(disclosureLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
  it('cuts long text at a word', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt('one two three four five six', 14)).toBe('one two three…');
  });
});
