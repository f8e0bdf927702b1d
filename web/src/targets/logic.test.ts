import { describe, expect, it } from 'vitest';
import {
  bandRank, breakdown, compareByPriority, fieldKey, formatScore, gradeWords, isDue, isVersionConflict, maySetOrganisationalPosition,
  movement, parseSnapshot, retryUnavailable, reviewReasons, scoreRange, transitionsFrom,
} from './logic';
import { shortLabel } from './AssociationsChart';

describe('bands', () => {
  it('orders HIGH, MEDIUM, LOW, unknown, then unassessed', () => {
    expect(['LOW', null, 'HIGH', 'ODD', 'MEDIUM'].sort((a, b) => bandRank(a) - bandRank(b))).toEqual(['HIGH', 'MEDIUM', 'LOW', 'ODD', null]);
    expect(bandRank('high')).toBe(bandRank('HIGH'));
  });

  it('sorts by band, then score, then label', () => {
    const rows = [
      { label: 'B', band: 'MEDIUM', score: 50 },
      { label: 'A', band: null, score: null },
      { label: 'C', band: 'HIGH', score: 71 },
      { label: 'D', band: 'MEDIUM', score: 65 },
      { label: 'A', band: 'MEDIUM', score: 50 },
    ];
    expect(rows.sort(compareByPriority).map((r) => r.label)).toEqual(['C', 'D', 'A', 'B', 'A']);
  });
});

describe('movement', () => {
  it('says up, down, no change and not reviewed', () => {
    expect(movement(4.24)).toMatchObject({ direction: 'up', text: '▲ +4.2', description: 'Up 4.2 points since the last review' });
    expect(movement(-1)).toMatchObject({ direction: 'down', text: '▼ −1.0' });
    expect(movement(0.04)).toMatchObject({ direction: 'same', text: 'No change' });
    expect(movement(-0.04).direction).toBe('same');
    expect(movement(null)).toMatchObject({ direction: 'none', text: '—' });
    expect(movement(undefined).direction).toBe('none');
  });

  it('formats scores to one decimal place', () => {
    expect(formatScore(58)).toBe('58.0');
    expect(formatScore(null)).toBe('—');
  });
});

describe('priority breakdown', () => {
  const factors = [
    { name: 'harm', value: 0.775, weight: 35, contribution: 27.1, explanation: 'harm 3.1 of 4' },
    { name: 'likelihood', value: 0.75, weight: 20, contribution: 15, explanation: 'likelihood 3 of 4' },
    { name: 'organisationalPosition', value: 0.667, weight: 15, contribution: 10, explanation: 'op' },
    { name: 'intelligence', value: 0.12, weight: 15, contribution: 1.8, explanation: 'intel' },
    { name: 'network', value: 0.27, weight: 15, contribution: 4.1, explanation: 'net' },
  ];

  it('gives each factor its points out of its share of 100, and checks they add up', () => {
    const b = breakdown(factors, 58);
    expect(b.rows.map((r) => [r.label, r.points, r.max, r.percent])).toEqual([
      ['Harm', 27.1, 35, 78],
      ['Likelihood', 15, 20, 75],
      ['Organisational position', 10, 15, 67],
      ['Intelligence', 1.8, 15, 12],
      ['Network position', 4.1, 15, 27],
    ]);
    expect(b.total).toBe(58);
    expect(b.addsUp).toBe(true);
  });

  it('normalises relative weights and flags a score that does not add up', () => {
    const b = breakdown([{ name: 'a', value: 1, weight: 1, contribution: 50, explanation: '' }, { name: 'b', value: 0, weight: 1, contribution: 0, explanation: '' }], 55);
    expect(b.rows.map((r) => r.max)).toEqual([50, 50]);
    expect(b.addsUp).toBe(false);
  });

  it('clamps values and bars', () => {
    const b = breakdown([{ name: 'x', value: 1.4, weight: 10, contribution: 120, explanation: '' }], 120);
    expect(b.rows[0].percent).toBe(100);
    expect(b.rows[0].barPoints).toBe(100);
  });

  it('reads the confidence range from the inputs JSON', () => {
    expect(scoreRange('{"inputs":{},"range":{"confidence":"MEDIUM","low":48,"high":68}}')).toEqual({ low: 48, high: 68, confidence: 'MEDIUM' });
    expect(scoreRange('{"inputs":{}}')).toBeNull();
    expect(scoreRange('not json')).toBeNull();
    expect(scoreRange(null)).toBeNull();
  });
});

describe('review workflow', () => {
  const moves = (from: Parameters<typeof transitionsFrom>[0], ...roles: Parameters<typeof transitionsFrom>[1]) => transitionsFrom(from, roles).map((t) => t.to);

  it('offers the DI the moves review.go allows', () => {
    expect(moves('SUBMITTED', 'SIO')).toEqual(['ADOPTED', 'REJECTED', 'PARKED']);
    expect(moves('PARKED', 'SIO')).toEqual(['DRAFT', 'SUBMITTED', 'ADOPTED', 'REJECTED']);
    expect(moves('ADOPTED', 'DEPUTY_SIO')).toEqual(['UNDER_INVESTIGATION']);
    expect(moves('UNDER_INVESTIGATION', 'SIO')).toEqual(['DISRUPTED', 'CLOSED']);
    expect(moves('DISRUPTED', 'SIO')).toEqual(['UNDER_INVESTIGATION', 'CLOSED']);
    expect(moves('REJECTED', 'SIO')).toEqual(['DRAFT', 'CLOSED']);
    expect(moves('DRAFT', 'SIO')).toEqual(['SUBMITTED']);
    expect(moves('CLOSED', 'SIO')).toEqual([]);
  });

  it('offers an analyst only submitting and reworking, and others nothing', () => {
    expect(moves('DRAFT', 'ANALYST')).toEqual(['SUBMITTED']);
    expect(moves('SUBMITTED', 'ANALYST')).toEqual([]);
    expect(moves('PARKED', 'ANALYST')).toEqual(['DRAFT', 'SUBMITTED']);
    expect(moves('SUBMITTED', 'INVESTIGATOR', 'AUDITOR', 'ACTION_MANAGER')).toEqual([]);
  });

  it('leaves the organisational position to the SIO and deputy SIO', () => {
    expect(maySetOrganisationalPosition(['SIO'])).toBe(true);
    expect(maySetOrganisationalPosition(['DEPUTY_SIO'])).toBe(true);
    expect(maySetOrganisationalPosition(['ANALYST'])).toBe(false);
  });

  it('says why a target needs review', () => {
    expect(reviewReasons('SUBMITTED', 0)).toEqual(['Awaiting DI review']);
    expect(reviewReasons('PARKED', 2)).toEqual(['Parked for later review', '2 intelligence items due MOPI review']);
    expect(reviewReasons('ADOPTED', 1)).toEqual(['1 intelligence item due MOPI review']);
    expect(reviewReasons('ADOPTED', 0)).toEqual([]);
  });
});

describe('errors', () => {
  it('maps the API field to the form field', () => {
    expect(fieldKey('input.rationale')).toBe('rationale');
    expect(fieldKey('input.physical')).toBe('physical');
    expect(fieldKey('id')).toBe('id');
    expect(fieldKey(null)).toBeNull();
  });

  it('tells a version conflict from a refused move', () => {
    expect(isVersionConflict('CONFLICT', null)).toBe(true);
    expect(isVersionConflict('CONFLICT', 'input.status')).toBe(false);
    expect(isVersionConflict('BAD_USER_INPUT', null)).toBe(false);
  });
});

describe('snapshots', () => {
  const snapshot = JSON.stringify({
    assembledAt: '2026-12-07T21:00:00Z',
    target: { status: 'SUBMITTED', threatAreas: ['MONEY_LAUNDERING'] },
    subject: { id: 'per_1', label: 'MAHONEY, Shannon (1989-09-14)' },
    warningMarkers: [],
    criminalActivity: [],
    lifestyle: { locations: [{ entity: { id: 'loc_1', label: '1 High St' }, link: { type: 'RESIDES_AT' } }], communications: [], vehicles: [] },
    associations: [{ entity: { id: 'per_2', label: 'MAHONEY, Connor' }, link: { type: 'ASSOCIATE_OF', kind: 'family' } }],
    intelligence: {
      total: 1, corroborated: 0, byGrade: [{ key: '2B C', count: 1 }], handlingConditions: ['Not outside SOCU'],
      items: [{ urn: 'INT/1', classification: 'OFFICIAL_SENSITIVE', gradeSource: '2', gradeAssessment: 'B', gradeHandling: 'C', gradeConditions: 'Not outside SOCU', sanitisedText: 'Text', receivedAt: '2026-01-01T00:00:00Z', legacySource: 'B', legacyInformation: '2', legacyHandling: '3' }],
    },
    gaps: [{ code: 'NO_CURRENT_ADDRESS', description: 'No address' }],
    risks: [],
    actions: { open: 1, overdue: 0, done: 0, items: [{ number: 'A1', title: 'Do it', status: 'RAISED' }] },
    evidence: [],
    tacticalOptions: [{ kind: 'DISRUPTION', description: 'POCA' }],
    priority: { score: 41.5, band: 'MEDIUM', modelVersion: 'm/1', factors: [{ name: 'harm', value: 0.5, weight: 35, contribution: 17.5, explanation: 'e' }] },
  });

  it('reads every section as frozen', () => {
    const s = parseSnapshot(snapshot)!;
    expect(s.subject).toBe('MAHONEY, Shannon (1989-09-14)');
    expect(s.status).toBe('SUBMITTED');
    expect(s.priority).toMatchObject({ score: 41.5, band: 'MEDIUM' });
    expect(s.associations).toEqual([{ label: 'MAHONEY, Connor', relation: 'Associate of · Family' }]);
    expect(s.lifestyle.locations[0].relation).toBe('Resides at');
    expect(s.intelligence.items[0]).toMatchObject({ urn: 'INT/1', grade: '2B C', handling: 'C', conditions: 'Not outside SOCU', legacyGrade: 'B2 3' });
    expect(s.gaps[0].code).toBe('NO_CURRENT_ADDRESS');
    expect(s.actions.items[0].number).toBe('A1');
    expect(s.tacticalOptions[0].kind).toBe('DISRUPTION');
  });

  it('reads nothing into a missing section and refuses what is not an object', () => {
    const s = parseSnapshot('{"subject":{"label":"X"}}')!;
    expect(s.priority).toBeNull();
    expect(s.intelligence.items).toEqual([]);
    expect(s.intelligence.total).toBeNull();
    expect(parseSnapshot('[1]')).toBeNull();
    expect(parseSnapshot('{oops')).toBeNull();
  });
});

describe('formatting', () => {
  it('puts grades into words', () => {
    expect(gradeWords('2B P')).toBe('source untested; known indirectly, corroborated; handling P');
    expect(gradeWords('1A C')).toBe('source reliable; known directly; handling C (conditions)');
    expect(gradeWords('odd')).toBe('odd');
  });

  it('knows when a review date is due', () => {
    expect(isDue('2026-01-01', '2026-01-01')).toBe(true);
    expect(isDue('2026-01-02', '2026-01-01')).toBe(false);
    expect(isDue(null)).toBe(false);
  });

  it('shortens chart labels', () => {
    expect(shortLabel('MAHONEY, Connor (1984-06-17)')).toBe('MAHONEY, Connor');
    expect(shortLabel('Kell Street Crew')).toBe('Kell Street Crew');
  });
});

describe('retry', () => {
  it('retries only what the API calls unavailable, twice', () => {
    expect(retryUnavailable(0, Object.assign(new Error('x'), { code: 'UNAVAILABLE' }))).toBe(true);
    expect(retryUnavailable(1, Object.assign(new Error('x'), { code: 'UNAVAILABLE' }))).toBe(true);
    expect(retryUnavailable(2, Object.assign(new Error('x'), { code: 'UNAVAILABLE' }))).toBe(false);
    expect(retryUnavailable(0, Object.assign(new Error('x'), { code: 'FORBIDDEN' }))).toBe(false);
    expect(retryUnavailable(0, new Error('x'))).toBe(false);
  });
});

describe('printable report', () => {
  it('takes the style text out of the report and leaves the rest as it was', async () => {
    const { separateStyles } = await import('./reportTab');
    const r = separateStyles('<html><head><title>T</title><style>\n h2 { border: 2px solid } </style></head><body><h2>P</h2><STYLE media="print">p{}</STYLE ></body></html>');
    expect(r.css).toBe('\n h2 { border: 2px solid } \np{}');
    expect(r.html).toBe('<html><head><title>T</title></head><body><h2>P</h2></body></html>');
  });
});
