import { describe, expect, it } from 'vitest';
import { daySteps, inWindow, outsideWindow, seenInterval, timeSpan } from './timeWindow';

const t = (s: string) => Date.parse(s);

describe('time window', () => {
  const links = [
    { id: 'old', firstSeen: '2020-01-01T00:00:00Z', lastSeen: '2020-06-30T00:00:00Z' },
    { id: 'span', firstSeen: '2021-01-01T00:00:00Z', lastSeen: '2023-12-31T00:00:00Z' },
    { id: 'last-only', firstSeen: null, lastSeen: '2024-03-01T12:00:00Z' },
    { id: 'undated', firstSeen: null, lastSeen: null },
  ];

  it('spans the links dates, ignoring undated ones', () => {
    expect(timeSpan(links)).toEqual({ min: t('2020-01-01T00:00:00Z'), max: t('2024-03-01T12:00:00Z') });
    expect(timeSpan([{ firstSeen: null, lastSeen: null }])).toBeNull();
  });

  it('treats one date alone as a single moment', () => {
    expect(seenInterval(links[2])).toEqual({ min: t('2024-03-01T12:00:00Z'), max: t('2024-03-01T12:00:00Z') });
  });

  it('keeps links whose seen period overlaps the window, and undated links', () => {
    const from = t('2022-01-01T00:00:00Z');
    const to = t('2022-12-31T23:59:59Z');
    expect(outsideWindow(links, from, to)).toEqual(['old', 'last-only']);
    expect(inWindow(links[3], from, to)).toBe(true);
  });

  it('is inclusive at both ends', () => {
    expect(inWindow(links[0], t('2020-06-30T00:00:00Z'), t('2021-01-01T00:00:00Z'))).toBe(true);
    expect(inWindow(links[0], t('2020-06-30T00:00:01Z'), t('2021-01-01T00:00:00Z'))).toBe(false);
  });

  it('steps the slider in whole days from the first day', () => {
    const s = daySteps({ min: t('2024-01-01T15:00:00Z'), max: t('2024-01-03T01:00:00Z') });
    expect(s.first).toBe(t('2024-01-01T00:00:00Z'));
    expect(s.days).toBe(3);
  });
});
