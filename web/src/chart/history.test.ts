import { describe, expect, it } from 'vitest';
import { canUndo, createHistory, record, undo } from './history';

describe('undo history', () => {
  it('undoes back through each recorded state in order', () => {
    let h = createHistory('s0');
    h = record(h, 's1');
    h = record(h, 's2');
    expect(h.present).toBe('s2');
    h = undo(h);
    expect(h.present).toBe('s1');
    h = undo(h);
    expect(h.present).toBe('s0');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
  });

  it('keeps at least 30 steps and drops the oldest beyond its limit', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 60; i++) h = record(h, i);
    let steps = 0;
    while (canUndo(h)) { h = undo(h); steps++; }
    expect(steps).toBeGreaterThanOrEqual(30);
    expect(steps).toBe(50);
    expect(h.present).toBe(10);
  });

  it('does not record a change that changes nothing', () => {
    const s = { a: 1 };
    const h = record(createHistory(s), s);
    expect(canUndo(h)).toBe(false);
  });

  it('forgets what was undone when a new change is recorded', () => {
    let h = record(record(createHistory('a'), 'b'), 'c');
    h = record(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(undo(h).present).toBe('b');
  });
});
