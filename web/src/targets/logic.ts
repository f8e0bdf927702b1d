// The targets screens' pure logic: band ordering, movement, the priority
// breakdown's maths and wording, the review workflow's transitions, field
// errors and the review snapshot's reading. No React, no I/O: all of it is
// unit-tested in logic.test.ts.
import type { Role, TargetStatus, ThreatArea } from '../gql/graphql';

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

export const STATUS_LABEL: Record<TargetStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted for review',
  ADOPTED: 'Adopted',
  REJECTED: 'Rejected',
  PARKED: 'Parked',
  UNDER_INVESTIGATION: 'Under investigation',
  DISRUPTED: 'Disrupted',
  CLOSED: 'Closed',
};
export const STATUSES = Object.keys(STATUS_LABEL) as TargetStatus[];

export const THREAT_LABEL: Record<ThreatArea, string> = {
  DRUGS_SUPPLY: 'Drugs supply',
  FIREARMS: 'Firearms',
  CHILD_SEXUAL_EXPLOITATION: 'Child sexual exploitation',
  MODERN_SLAVERY: 'Modern slavery',
  FRAUD: 'Fraud',
  MONEY_LAUNDERING: 'Money laundering',
  ACQUISITIVE_CRIME: 'Acquisitive crime',
  SERIOUS_VIOLENCE: 'Serious violence',
  CYBER: 'Cyber crime',
};
export const THREAT_AREAS = Object.keys(THREAT_LABEL) as ThreatArea[];

/** A stable SCREAMING_CASE code as words: "NO_CURRENT_ADDRESS" → "No current address". */
export function humanise(code: string): string {
  const s = code.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------
// Bands and ranking
// ---------------------------------------------------------------------------

export const BANDS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Band = (typeof BANDS)[number];

/** Order of a band: HIGH first, then MEDIUM, LOW, anything unknown, and unassessed (null) last. */
export function bandRank(band: string | null | undefined): number {
  if (band == null) return BANDS.length + 1;
  const i = (BANDS as readonly string[]).indexOf(band.toUpperCase());
  return i < 0 ? BANDS.length : i;
}

export function bandLabel(band: string | null | undefined): string {
  if (band == null) return 'Not assessed';
  return humanise(band);
}

/** Orders by band, then score (highest first), then label: a stable tasking order. */
export function compareByPriority<T extends { band: string | null; score: number | null; label: string }>(a: T, b: T): number {
  return bandRank(a.band) - bandRank(b.band)
    || (b.score ?? -1) - (a.score ?? -1)
    || a.label.localeCompare(b.label, 'en-GB');
}

// ---------------------------------------------------------------------------
// Movement since the last review
// ---------------------------------------------------------------------------

export interface Movement {
  direction: 'up' | 'down' | 'same' | 'none';
  /** Short text, e.g. "+4.2", "−1.0", "No change", "—". */
  text: string;
  /** Full sentence for assistive technology and tooltips. */
  description: string;
}

/** Points since the last review; null before the first review. Under 0.05 points is no change. */
export function movement(points: number | null | undefined): Movement {
  if (points == null || Number.isNaN(points)) {
    return { direction: 'none', text: '—', description: 'Not reviewed yet: no movement to show' };
  }
  if (Math.abs(points) < 0.05) return { direction: 'same', text: 'No change', description: 'No change since the last review' };
  const n = Math.abs(points).toFixed(1);
  return points > 0
    ? { direction: 'up', text: `▲ +${n}`, description: `Up ${n} points since the last review` }
    : { direction: 'down', text: `▼ −${n}`, description: `Down ${n} points since the last review` };
}

export function formatScore(score: number | null | undefined): string {
  return score == null ? '—' : score.toFixed(1);
}

// ---------------------------------------------------------------------------
// Priority breakdown
// ---------------------------------------------------------------------------

export interface FactorLike {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface BreakdownRow {
  name: string;
  label: string;
  /** Points contributed. */
  points: number;
  /** Points the factor can give at most (its weight, as a share of all weights, on 0..100). */
  max: number;
  /** Value 0..1 as a whole percentage. */
  percent: number;
  /** Share of the 0..100 scale for drawing the bar's filled part (0..100). */
  barPoints: number;
  explanation: string;
}

export interface Breakdown {
  rows: BreakdownRow[];
  /** Sum of contributions, one decimal place. */
  total: number;
  /** Whether the contributions add up to the score given (to 0.05). */
  addsUp: boolean;
}

const FACTOR_LABEL: Record<string, string> = {
  harm: 'Harm',
  likelihood: 'Likelihood',
  organisationalPosition: 'Organisational position',
  organisational_position: 'Organisational position',
  'organisational position': 'Organisational position',
  intelligence: 'Intelligence',
  network: 'Network position',
};

export function factorLabel(name: string): string {
  return FACTOR_LABEL[name] ?? humanise(name.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The per-factor breakdown of a score: each factor's points out of the
 * points it can give. Weights are relative (the model divides each by their
 * sum), so a factor's maximum is its share of 100.
 */
export function breakdown(factors: readonly FactorLike[], score: number): Breakdown {
  const weightSum = factors.reduce((s, f) => s + f.weight, 0);
  const rows = factors.map((f) => {
    const max = weightSum > 0 ? (f.weight / weightSum) * 100 : 0;
    return {
      name: f.name,
      label: factorLabel(f.name),
      points: f.contribution,
      max: round1(max),
      percent: Math.round(Math.max(0, Math.min(1, f.value)) * 100),
      barPoints: Math.max(0, Math.min(100, f.contribution)),
      explanation: f.explanation,
    };
  });
  const total = round1(factors.reduce((s, f) => s + f.contribution, 0));
  return { rows, total, addsUp: Math.abs(total - score) < 0.05 };
}

export interface ScoreRange {
  low: number;
  high: number;
  confidence: string;
}

/** The range of scores the assessment's confidence allows, from the score's inputs JSON; null if absent. */
export function scoreRange(inputsJSON: string | null | undefined): ScoreRange | null {
  if (!inputsJSON) return null;
  try {
    const v = JSON.parse(inputsJSON) as { range?: { low?: unknown; high?: unknown; confidence?: unknown } };
    const r = v.range;
    if (r && typeof r.low === 'number' && typeof r.high === 'number') {
      return { low: r.low, high: r.high, confidence: typeof r.confidence === 'string' ? r.confidence : '' };
    }
  } catch {
    /* not JSON: no range */
  }
  return null;
}

// ---------------------------------------------------------------------------
// Review workflow
// ---------------------------------------------------------------------------

const DI: readonly Role[] = ['SIO', 'DEPUTY_SIO'];
const ANALYST_OR_DI: readonly Role[] = ['ANALYST', 'SIO', 'DEPUTY_SIO'];

/**
 * The moves the API allows (review.go's reviewRules, mirrored: the API has
 * no field listing them and stays the authority; a refused move comes back
 * as CONFLICT on input.status).
 */
export const WORKFLOW: Record<TargetStatus, { from: readonly TargetStatus[]; roles: readonly Role[]; verb: string }> = {
  SUBMITTED: { from: ['DRAFT', 'PARKED'], roles: ANALYST_OR_DI, verb: 'Submit for review' },
  ADOPTED: { from: ['SUBMITTED', 'PARKED'], roles: DI, verb: 'Adopt' },
  REJECTED: { from: ['SUBMITTED', 'PARKED'], roles: DI, verb: 'Reject' },
  PARKED: { from: ['SUBMITTED'], roles: DI, verb: 'Park for later review' },
  UNDER_INVESTIGATION: { from: ['ADOPTED', 'DISRUPTED'], roles: DI, verb: 'Start investigation' },
  DISRUPTED: { from: ['UNDER_INVESTIGATION'], roles: DI, verb: 'Record as disrupted' },
  CLOSED: { from: ['UNDER_INVESTIGATION', 'DISRUPTED', 'REJECTED'], roles: DI, verb: 'Close' },
  DRAFT: { from: ['REJECTED', 'PARKED'], roles: ANALYST_OR_DI, verb: 'Return to draft for rework' },
};

export interface Transition {
  to: TargetStatus;
  verb: string;
}

/** The moves from a status that someone with these roles may make, in the workflow's order. */
export function transitionsFrom(from: TargetStatus, roles: readonly Role[]): Transition[] {
  return STATUSES.filter((to) => {
    const rule = WORKFLOW[to];
    return rule.from.includes(from) && rule.roles.some((r) => roles.includes(r));
  }).map((to) => ({ to, verb: WORKFLOW[to].verb }));
}

/** Whether these roles may record the organisational position (capacity, capability, opportunity). */
export function maySetOrganisationalPosition(roles: readonly Role[]): boolean {
  return roles.some((r) => DI.includes(r));
}

/** Whether these roles may record an assessment at all (analyst, SIO, deputy SIO). */
export function mayAssess(roles: readonly Role[]): boolean {
  return roles.some((r) => ANALYST_OR_DI.includes(r));
}

/**
 * Targets the DI should look at now: a package submitted for review, a
 * parked one (parked "for later review"), or one whose intelligence has
 * MOPI reviews due. Returns the reasons, most pressing first.
 */
export function reviewReasons(status: TargetStatus, mopiDue: number): string[] {
  const out: string[] = [];
  if (status === 'SUBMITTED') out.push('Awaiting DI review');
  if (status === 'PARKED') out.push('Parked for later review');
  if (mopiDue > 0) out.push(`${mopiDue} intelligence ${mopiDue === 1 ? 'item' : 'items'} due MOPI review`);
  return out;
}

// ---------------------------------------------------------------------------
// Errors by field
// ---------------------------------------------------------------------------

/** Which form field an API error's `extensions.field` names ("input.rationale" → "rationale"). */
export function fieldKey(field: string | null | undefined): string | null {
  if (!field) return null;
  const parts = field.split('.');
  return parts[parts.length - 1] || null;
}

/** A CONFLICT without a field is a version conflict (someone else changed the record); with a field it is a refused move. */
export function isVersionConflict(code: string, field: string | null | undefined): boolean {
  return code === 'CONFLICT' && !field;
}

// ---------------------------------------------------------------------------
// Review snapshots
// ---------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: Json | undefined): number | null => (typeof v === 'number' ? v : null);
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const obj = (v: Json | undefined): Obj => (isObj(v) ? v : {});

export interface SnapshotItem {
  urn: string;
  classification: string | null;
  grade: string | null;
  handling: string | null;
  conditions: string | null;
  legacyGrade: string | null;
  sourceType: string | null;
  receivedAt: string | null;
  text: string;
}

export interface SnapshotLinked {
  label: string;
  relation: string;
}

export interface Snapshot {
  assembledAt: string | null;
  subject: string;
  status: string | null;
  threatAreas: string[];
  warningMarkers: string[];
  priority: { score: number; band: string; modelVersion: string | null; factors: FactorLike[] } | null;
  criminalActivity: SnapshotLinked[];
  lifestyle: { locations: SnapshotLinked[]; communications: SnapshotLinked[]; vehicles: SnapshotLinked[] };
  associations: SnapshotLinked[];
  intelligence: { total: number | null; corroborated: number | null; byGrade: { key: string; count: number }[]; handlingConditions: string[]; items: SnapshotItem[] };
  gaps: { code: string; description: string }[];
  risks: { code: string; description: string }[];
  actions: { open: number | null; overdue: number | null; done: number | null; items: { number: string; title: string; status: string | null }[] };
  evidence: { reference: string; kind: string | null; description: string; disclosure: string | null }[];
  tacticalOptions: { kind: string; description: string }[];
}

function linked(v: Json | undefined): SnapshotLinked[] {
  return arr(v).map((le) => {
    const e = obj(obj(le).entity);
    const l = obj(obj(le).link);
    const relation = [str(l.type), str(l.kind), str(l.role)].filter(Boolean).map((s) => humanise(s!)).join(' · ');
    return { label: str(e.label) ?? str(e.id) ?? '(unlabelled)', relation };
  });
}

function legacy(it: Obj): string | null {
  const s = str(it.legacySource), i = str(it.legacyInformation), h = str(it.legacyHandling);
  return s && i && h ? `${s}${i} ${h}` : null;
}

/**
 * Reads a review's frozen package (TargetReview.snapshot, JSON) into what
 * the history shows. Returns null when the text is not a JSON object. It
 * reads only what is there: nothing is filled in from the live package.
 */
export function parseSnapshot(json: string): Snapshot | null {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObj(root)) return null;
  const target = obj(root.target);
  const subject = obj(root.subject);
  const intel = obj(root.intelligence);
  const life = obj(root.lifestyle);
  const acts = obj(root.actions);
  const p = isObj(root.priority) ? root.priority : null;
  return {
    assembledAt: str(root.assembledAt),
    subject: str(subject.label) ?? str(subject.id) ?? '(subject)',
    status: str(target.status),
    threatAreas: arr(target.threatAreas).map(str).filter((s): s is string => !!s),
    warningMarkers: arr(root.warningMarkers).map(str).filter((s): s is string => !!s),
    priority: p && num(p.score) != null ? {
      score: num(p.score)!,
      band: str(p.band) ?? '',
      modelVersion: str(p.modelVersion),
      factors: arr(p.factors).map((f) => {
        const o = obj(f);
        return { name: str(o.name) ?? '', value: num(o.value) ?? 0, weight: num(o.weight) ?? 0, contribution: num(o.contribution) ?? 0, explanation: str(o.explanation) ?? '' };
      }),
    } : null,
    criminalActivity: linked(root.criminalActivity),
    lifestyle: { locations: linked(life.locations), communications: linked(life.communications), vehicles: linked(life.vehicles) },
    associations: linked(root.associations),
    intelligence: {
      total: num(intel.total),
      corroborated: num(intel.corroborated),
      byGrade: arr(intel.byGrade).map((c) => ({ key: str(obj(c).key) ?? '', count: num(obj(c).count) ?? 0 })),
      handlingConditions: arr(intel.handlingConditions).map(str).filter((s): s is string => !!s),
      items: arr(intel.items).map((i) => {
        const it = obj(i);
        const src = str(it.gradeSource), asm = str(it.gradeAssessment), h = str(it.gradeHandling);
        return {
          urn: str(it.urn) ?? str(it.id) ?? '',
          classification: str(it.classification),
          grade: src && asm && h ? `${src}${asm} ${h}` : null,
          handling: h,
          conditions: str(it.gradeConditions),
          legacyGrade: legacy(it),
          sourceType: str(it.sourceType),
          receivedAt: str(it.receivedAt),
          text: str(it.sanitisedText) ?? '',
        };
      }),
    },
    gaps: arr(root.gaps).map((g) => ({ code: str(obj(g).code) ?? '', description: str(obj(g).description) ?? '' })),
    risks: arr(root.risks).map((g) => ({ code: str(obj(g).code) ?? '', description: str(obj(g).description) ?? '' })),
    actions: {
      open: num(acts.open), overdue: num(acts.overdue), done: num(acts.done),
      items: arr(acts.items).map((a) => ({ number: str(obj(a).number) ?? '', title: str(obj(a).title) ?? '', status: str(obj(a).status) })),
    },
    evidence: arr(root.evidence).map((e) => ({
      reference: str(obj(e).reference) ?? '', kind: str(obj(e).kind), description: str(obj(e).description) ?? '', disclosure: str(obj(e).disclosureStatus),
    })),
    tacticalOptions: arr(root.tacticalOptions).map((t) => ({ kind: str(obj(t).kind) ?? '', description: str(obj(t).description) ?? '' })),
  };
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${DATE_TIME.format(d)} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/**
 * React Query's retry for the targets screens: an UNAVAILABLE answer (the
 * database busy, or a query stopped at its time limit) is transient, so it
 * is tried twice more; anything else is shown at once.
 */
export function retryUnavailable(failures: number, error: Error): boolean {
  return failures < 2 && typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'UNAVAILABLE';
}

/** Whether a YYYY-MM-DD review date is on or before today (UTC). */
export function isDue(date: string | null | undefined, today: string = new Date().toISOString().slice(0, 10)): boolean {
  return !!date && date <= today;
}

// ---------------------------------------------------------------------------
// Grades
// ---------------------------------------------------------------------------

const SOURCE_WORDS: Record<string, string> = { '1': 'reliable', '2': 'untested', '3': 'not reliable' };
const ASSESSMENT_WORDS: Record<string, string> = {
  A: 'known directly', B: 'known indirectly, corroborated', C: 'known indirectly', D: 'not known', E: 'suspected false or malicious',
};

/** "2B P" → "source untested; known indirectly, corroborated; handling P". */
export function gradeWords(code: string): string {
  const m = /^([123])([A-E])\s*([PC])$/.exec(code.trim());
  if (!m) return code;
  return `source ${SOURCE_WORDS[m[1]]}; ${ASSESSMENT_WORDS[m[2]]}; handling ${m[3]}${m[3] === 'C' ? ' (conditions)' : ''}`;
}

/** Confidence 0..1 as a whole percentage. */
export function percent(v: number | null | undefined): string {
  return v == null ? '—' : `${Math.round(v * 100)}%`;
}

const SOURCE_LABEL: Record<string, string> = {
  CHIS: 'CHIS', PUBLIC: 'Public', OFFICER: 'Officer', PARTNER_AGENCY: 'Partner agency', COMMS_DATA: 'Comms data',
  FINANCIAL: 'Financial', OPEN_SOURCE: 'Open source', ANPR: 'ANPR', SURVEILLANCE: 'Surveillance',
};

/** An intelligence source type as officers write it (CHIS, ANPR keep their capitals). */
export function sourceLabel(t: string): string {
  return SOURCE_LABEL[t] ?? humanise(t);
}
