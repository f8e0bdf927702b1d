import { describe, expect, it } from 'vitest';
import {
  ALL_ACTIONS, EMPTY_SEARCH, isDay, nextDay, recordRoute, searchFromParams, searchToParams, toFilter, ukDayStart, ukToday,
} from './filters';

describe('UK days', () => {
  it('starts a winter day at midnight UTC', () => {
    expect(ukDayStart('2026-12-07')).toBe('2026-12-07T00:00:00.000Z');
  });
  it('starts a summer day at 23:00 UTC the day before', () => {
    expect(ukDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
  });
  it('handles the days the clocks change', () => {
    // Clocks go forward 01:00 UTC on 29 Mar 2026 and back 01:00 UTC on 25 Oct 2026.
    expect(ukDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(ukDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(ukDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(ukDayStart('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
  });
  it('knows real dates and the next day', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('07/12/2026')).toBe(false);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
  it('gives today in UK time', () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('toFilter', () => {
  it('sends nothing for an empty search', () => {
    expect(toFilter(EMPTY_SEARCH)).toEqual({ filter: {}, errors: {} });
  });
  it('maps officer, record, operation and actions, trimmed', () => {
    const r = toFilter({ ...EMPTY_SEARCH, actor: ' dev-analyst ', record: ' per_01abc ', operation: 'op_1', actions: ['READ', 'SEARCH'] });
    expect(r.errors).toEqual({});
    // Actions in the schema's order, whatever order they were ticked in.
    expect(r.filter).toEqual({ actor: 'dev-analyst', entityId: 'per_01abc', operationId: 'op_1', actions: ['SEARCH', 'READ'] });
  });
  it('leaves actions out when all are ticked', () => {
    expect(toFilter({ ...EMPTY_SEARCH, actions: [...ALL_ACTIONS] }).filter).toEqual({});
  });
  it('makes the date range inclusive of whole UK days', () => {
    const r = toFilter({ ...EMPTY_SEARCH, from: '2026-07-01', to: '2026-07-01' });
    expect(r.filter).toEqual({ from: '2026-06-30T23:00:00.000Z', to: '2026-07-01T23:00:00.000Z' });
    const w = toFilter({ ...EMPTY_SEARCH, from: '2026-12-01', to: '2026-12-07' });
    expect(w.filter).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' });
  });
  it('takes an open-ended range', () => {
    expect(toFilter({ ...EMPTY_SEARCH, from: '2026-12-01' }).filter).toEqual({ from: '2026-12-01T00:00:00.000Z' });
    expect(toFilter({ ...EMPTY_SEARCH, to: '2026-12-01' }).filter).toEqual({ to: '2026-12-02T00:00:00.000Z' });
  });
  it('refuses a range that ends before it starts, and bad dates or ids', () => {
    expect(toFilter({ ...EMPTY_SEARCH, from: '2026-12-08', to: '2026-12-07' }).errors.to).toMatch(/before the start/);
    expect(toFilter({ ...EMPTY_SEARCH, from: '2026-13-01' }).errors.from).toBeTruthy();
    expect(toFilter({ ...EMPTY_SEARCH, record: 'per 1' }).errors.record).toBeTruthy();
  });
});

describe('the search in the URL', () => {
  it('round-trips', () => {
    const s = { actor: 'dev-analyst', record: 'per_1', operation: 'op_1', actions: ['SEARCH', 'READ'], from: '2026-12-01', to: '2026-12-07' };
    const p = searchToParams(s);
    expect(p.toString()).toBe('officer=dev-analyst&record=per_1&operation=op_1&action=SEARCH%2CREAD&from=2026-12-01&to=2026-12-07');
    expect(searchFromParams(p)).toEqual(s);
  });
  it('drops unknown actions and blanks', () => {
    expect(searchFromParams(new URLSearchParams('action=read,bogus,,EXPORT'))).toEqual({ ...EMPTY_SEARCH, actions: ['EXPORT', 'READ'] });
    expect(searchToParams(EMPTY_SEARCH).toString()).toBe('');
  });
});

describe('recordRoute', () => {
  it('links entities and targets, nothing else', () => {
    expect(recordRoute('per_01abc')).toBe('/entities/per_01abc');
    expect(recordRoute('com_01abc')).toBe('/entities/com_01abc');
    expect(recordRoute('evt_01abc')).toBe('/entities/evt_01abc');
    expect(recordRoute('tgt_01abc')).toBe('/targets/tgt_01abc');
    expect(recordRoute('int_01abc')).toBeNull();
    expect(recordRoute('op_01abc')).toBeNull();
    expect(recordRoute('per_')).toBeNull();
    expect(recordRoute(null)).toBeNull();
  });
});
