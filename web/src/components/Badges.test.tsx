import { describe, expect, it } from 'vitest';
import { strictestMarking } from './Badges';

describe('strictestMarking', () => {
  it('takes the highest classification and C over P', () => {
    const m = strictestMarking([
      { classification: 'OFFICIAL', grading: { code: '1A P', handling: 'P' } },
      { classification: 'SECRET', grading: { code: '2B C', handling: 'C', conditions: 'no onward sharing' } },
      { classification: 'OFFICIAL_SENSITIVE', grading: { code: '1B P', handling: 'P' } },
    ]);
    expect(m).toEqual({ classification: 'SECRET', handling: 'C', conditions: ['no onward sharing'] });
  });
  it('says nothing when no source is visible', () => {
    expect(strictestMarking([])).toEqual({ classification: null, handling: null, conditions: [] });
  });
  it('keeps P when every source is P', () => {
    expect(strictestMarking([{ classification: 'OFFICIAL', grading: { code: '3C P', handling: 'P' } }]).handling).toBe('P');
  });
});
