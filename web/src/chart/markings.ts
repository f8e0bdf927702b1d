// A link's marking on the chart, from the sources the API returned for it
// (only those the caller may see). Nothing is inferred about sources the
// API withheld: a link whose visible sources are all exhibits (which carry
// no classification or grade) says so instead of guessing a level.
import type { Classification } from '../gql/graphql';

export interface SourceLike {
  __typename?: string;
  classification?: Classification | null;
  grading?: { code?: string; handling: string; conditions?: string | null } | null;
}

const RANK: Record<Classification, number> = { OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3 };

export interface LinkMarking {
  /** Highest classification among visible graded sources; null when none carries one. */
  classification: Classification | null;
  /** 'C' if any visible source is handling code C, else 'P' if any is P, else null. */
  handling: 'C' | 'P' | null;
  /** Conditions of every C source, each once, in source order. */
  conditions: string[];
  /** Visible sources with a marking (intelligence items). */
  graded: number;
  /** Visible sources without one (exhibits). */
  ungraded: number;
}

export function linkMarking(sources: readonly SourceLike[]): LinkMarking {
  let classification: Classification | null = null;
  let handling: 'C' | 'P' | null = null;
  const conditions: string[] = [];
  let graded = 0;
  let ungraded = 0;
  for (const s of sources) {
    if (!s.classification && !s.grading) {
      ungraded++;
      continue;
    }
    graded++;
    if (s.classification && (classification === null || RANK[s.classification] > RANK[classification])) {
      classification = s.classification;
    }
    const h = s.grading?.handling;
    if (h === 'C') {
      handling = 'C';
      const c = s.grading?.conditions?.trim();
      if (c && !conditions.includes(c)) conditions.push(c);
    } else if (h === 'P' && handling === null) {
      handling = 'P';
    }
  }
  return { classification, handling, conditions, graded, ungraded };
}

const SHORT: Record<Classification, string> = {
  OFFICIAL: 'OFFICIAL', OFFICIAL_SENSITIVE: 'OFFICIAL-SENSITIVE', SECRET: 'SECRET', TOP_SECRET: 'TOP SECRET',
};

/** One line for lists and tooltips, e.g. "SECRET, handling C (conditions)". */
export function markingText(m: LinkMarking): string {
  if (!m.classification && !m.handling) {
    return m.ungraded ? `${m.ungraded} exhibit${m.ungraded === 1 ? '' : 's'}, no graded source visible` : 'no visible source';
  }
  const parts: string[] = [];
  if (m.classification) parts.push(SHORT[m.classification]);
  if (m.handling) parts.push(m.handling === 'C' ? 'handling C (conditions)' : 'handling P');
  return parts.join(', ');
}

/** Canvas classes for a link's marking: handling C drawn red and dashed, SECRET and above heavier. */
export function markingClasses(m: LinkMarking): string[] {
  const out: string[] = [];
  if (m.handling === 'C') out.push('handling-c');
  if (m.classification === 'SECRET' || m.classification === 'TOP_SECRET') out.push('secret');
  if (!m.classification && !m.handling) out.push('unmarked');
  return out;
}
