import { describe, expect, it } from 'vitest';
import { barPercent, hoursLabel, niceMax, ordered, percent, ticks } from './chart';

describe('chart scaling', () => {
  it('rounds the axis up to a nice number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(41)).toBe(50);
    expect(niceMax(64)).toBe(100);
    expect(niceMax(200)).toBe(200);
    expect(niceMax(201)).toBe(250);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
  });
  it('scales bars, keeps small values visible and never overflows', () => {
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(0.001, 100)).toBe(0.5);
    expect(barPercent(15, 10)).toBe(100);
    expect(barPercent(3, 0)).toBe(0);
    expect(barPercent(Number.NaN, 10)).toBe(0);
  });
  it('makes ticks', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(5)).toEqual([0, 1.25, 2.5, 3.75, 5]);
  });
  it('formats rates and durations', () => {
    expect(percent(0.8461538)).toBe('84.6%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(hoursLabel(null)).toBe('No results yet');
    expect(hoursLabel(0.5)).toBe('30 min');
    expect(hoursLabel(20)).toBe('20 h');
    expect(hoursLabel(60)).toBe('2.5 days');
  });
  it('orders counts by a fixed key list, filling gaps with 0', () => {
    expect(ordered([{ key: 'LOW', count: 3 }, { key: 'HIGH', count: 1 }], ['HIGH', 'MEDIUM', 'LOW'])).toEqual([
      { key: 'HIGH', count: 1 }, { key: 'MEDIUM', count: 0 }, { key: 'LOW', count: 3 },
    ]);
    expect(ordered([{ key: 'ODD', count: 2 }], ['A'])).toEqual([{ key: 'A', count: 0 }, { key: 'ODD', count: 2 }]);
  });
});
