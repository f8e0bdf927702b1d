import { describe, expect, it } from 'vitest';
import { count, dayBound, entityPath, enumLabel, formatConfidence, formatDate, formatDateTime, formatDay, kindLabel, linkTypeLabel } from './format';

describe('formatDate', () => {
  it('reads a calendar date without any time-zone shift', () => {
    expect(formatDate('1994-02-11')).toBe('11 Feb 1994');
    expect(formatDate('2007-12-31')).toBe('31 Dec 2007');
  });
  it('is empty for null and leaves anything unexpected as given', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('sometime')).toBe('sometime');
    expect(formatDate('2020-13-01')).toBe('2020-13-01');
  });
});

describe('formatDateTime / formatDay', () => {
  it('shows UK time: GMT in winter, BST in summer', () => {
    expect(formatDateTime('2026-02-17T17:59:00Z')).toBe('17 Feb 2026 17:59');
    expect(formatDateTime('2026-07-17T23:30:00Z')).toBe('18 Jul 2026 00:30');
    expect(formatDay('2026-07-17T23:30:00Z')).toBe('18 Jul 2026');
    // Three-letter months throughout (ICU's en-GB says "Sept").
    expect(formatDateTime('2026-09-20T19:16:00Z')).toBe('20 Sep 2026 20:16');
    expect(formatDay('2026-09-20T19:16:00Z')).toBe('20 Sep 2026');
  });
  it('is empty for null', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDay(undefined)).toBe('');
  });
});

describe('small formats', () => {
  it('formats confidence as a percentage', () => {
    expect(formatConfidence(0.56)).toBe('56%');
    expect(formatConfidence(1)).toBe('100%');
    expect(formatConfidence(0.005)).toBe('1%');
    expect(formatConfidence(null)).toBe('');
  });
  it('puts enum values into words, keeping acronyms', () => {
    expect(enumLabel('PUBLIC_PLACE')).toBe('Public place');
    expect(enumLabel('ANPR_HIT')).toBe('ANPR hit');
    expect(enumLabel('CHIS')).toBe('CHIS');
    expect(enumLabel('MENTAL_HEALTH')).toBe('Mental health');
    expect(linkTypeLabel('REGISTERED_KEEPER')).toBe('registered keeper');
    expect(kindLabel('CommsDevice')).toBe('Comms device');
  });
  it('builds entity paths, day bounds and counts', () => {
    expect(entityPath('per_01/x')).toBe('/entities/per_01%2Fx');
    expect(dayBound('2026-03-01', false)).toBe('2026-03-01T00:00:00Z');
    expect(dayBound('2026-03-01', true)).toBe('2026-03-01T23:59:59Z');
    expect(dayBound('', true)).toBeNull();
    expect(count(1, 'link')).toBe('1 link');
    expect(count(1200, 'link')).toBe('1,200 links');
    expect(count(0, 'entry', 'entries')).toBe('0 entries');
  });
});
