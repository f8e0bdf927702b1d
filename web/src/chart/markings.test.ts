import { describe, expect, it } from 'vitest';
import { linkMarking, markingClasses, markingText } from './markings';

describe('a link marking', () => {
  it('is the highest classification and C if any source is C, with each condition once', () => {
    const m = linkMarking([
      { classification: 'OFFICIAL_SENSITIVE', grading: { handling: 'P' } },
      { classification: 'SECRET', grading: { handling: 'C', conditions: 'Not outside SOCU' } },
      { classification: 'OFFICIAL', grading: { handling: 'C', conditions: 'Not outside SOCU' } },
    ]);
    expect(m).toEqual({ classification: 'SECRET', handling: 'C', conditions: ['Not outside SOCU'], graded: 3, ungraded: 0 });
    expect(markingText(m)).toBe('SECRET, handling C (conditions)');
    expect(markingClasses(m)).toEqual(['handling-c', 'secret']);
  });

  it('is P when every visible source is P', () => {
    const m = linkMarking([{ classification: 'OFFICIAL', grading: { handling: 'P' } }]);
    expect(m.handling).toBe('P');
    expect(markingClasses(m)).toEqual([]);
  });

  it('never guesses a level for exhibits, which carry none', () => {
    const m = linkMarking([{}, {}]);
    expect(m).toMatchObject({ classification: null, handling: null, graded: 0, ungraded: 2 });
    expect(markingText(m)).toBe('2 exhibits, no graded source visible');
    expect(markingClasses(m)).toEqual(['unmarked']);
  });

  it('says when no source is visible at all', () => {
    expect(markingText(linkMarking([]))).toBe('no visible source');
  });
});
