// Markings shown on every intelligence item and link: classification,
// handling code (with conditions for C) and the 3x5x2 grade. They show what
// the API returned and nothing more: a link's marking is worked out from
// the sources the caller may see, never guessed for those withheld.
import type { Classification } from '../gql/graphql';

const CLASSIFICATION_LABEL: Record<Classification, string> = {
  OFFICIAL: 'OFFICIAL',
  OFFICIAL_SENSITIVE: 'OFFICIAL-SENSITIVE',
  SECRET: 'SECRET',
  TOP_SECRET: 'TOP SECRET',
};
const CLASSIFICATION_RANK: Record<Classification, number> = {
  OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3,
};

export function classificationLabel(c: Classification): string {
  return CLASSIFICATION_LABEL[c] ?? c;
}

export function ClassificationBadge({ value }: { value: Classification }) {
  return (
    <span className={`badge badge-class badge-${value.toLowerCase()}`} title={`Classification: ${classificationLabel(value)}`}>
      {classificationLabel(value)}
    </span>
  );
}

export function HandlingBadge({ code, conditions }: { code: string; conditions?: string | null }) {
  const title = code === 'C'
    ? `Handling code C: lawful sharing subject to conditions${conditions ? `: ${conditions}` : ''}`
    : 'Handling code P: lawful sharing permitted';
  return (
    <span className={`badge badge-handling badge-handling-${code.toLowerCase()}`} title={title}>
      {code === 'C' ? 'C (conditions)' : code}
    </span>
  );
}

export interface GradingLike {
  code: string;
  handling: string;
  conditions?: string | null;
}

/** The 3x5x2 grade, e.g. "1B P", with the handling code's own badge. */
export function GradeBadge({ grading }: { grading: GradingLike }) {
  return (
    <span className="badge badge-grade" title={`3x5x2 grade ${grading.code}`}>
      {grading.code}
    </span>
  );
}

/** Markings of an intelligence item: classification, grade, handling (and conditions). */
export function ItemMarkings({ classification, grading }: { classification: Classification; grading: GradingLike }) {
  return (
    <span className="markings">
      <ClassificationBadge value={classification} />
      <GradeBadge grading={grading} />
      <HandlingBadge code={grading.handling} conditions={grading.conditions} />
    </span>
  );
}

export interface MarkedSource {
  __typename?: string;
  classification?: Classification;
  grading?: GradingLike | null;
}

/**
 * The strictest marking among the sources the caller was given: the
 * highest classification, and C if any source is C. With no visible
 * intelligence source, it says so rather than guess.
 */
export function strictestMarking(sources: readonly MarkedSource[]): { classification: Classification | null; handling: string | null; conditions: string[] } {
  let classification: Classification | null = null;
  let handling: string | null = null;
  const conditions: string[] = [];
  for (const s of sources) {
    if (s.classification && (classification === null || CLASSIFICATION_RANK[s.classification] > CLASSIFICATION_RANK[classification])) {
      classification = s.classification;
    }
    if (s.grading) {
      if (s.grading.handling === 'C') handling = 'C';
      else if (handling === null) handling = s.grading.handling;
      if (s.grading.conditions) conditions.push(s.grading.conditions);
    }
  }
  return { classification, handling, conditions };
}

/** Markings of a link, from its visible sources. */
export function LinkMarkings({ sources }: { sources: readonly MarkedSource[] }) {
  const m = strictestMarking(sources);
  return (
    <span className="markings">
      {m.classification ? <ClassificationBadge value={m.classification} /> : <span className="badge badge-none" title="No intelligence source you may see">no visible source</span>}
      {m.handling && <HandlingBadge code={m.handling} conditions={m.conditions.join('; ')} />}
    </span>
  );
}
