import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { LinkProvenance, gradeWords, sourceSummary } from './LinkProvenance';
import { renderWith, stubGraphQL } from '../entity/testUtils';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const link = {
  __typename: 'Link',
  id: 'lnk_1',
  type: 'MEMBER_OF',
  kind: null,
  role: 'PERIPHERAL',
  count: null,
  firstSeen: '2026-01-25T19:00:00Z',
  lastSeen: '2026-07-17T16:59:00Z',
  confidence: 0.56,
  updatedAt: '2026-02-17T17:59:00Z',
  updatedBy: 'dev|analyst',
  from: { __typename: 'Person', id: 'per_1', label: 'CARROLL, Jake (1984-10-14)' },
  to: { __typename: 'Organisation', id: 'org_1', label: 'Kell Street Crew' },
  sources: [
    {
      __typename: 'IntelligenceItem', id: 'int_1', urn: 'INT/2026/000007', classification: 'OFFICIAL_SENSITIVE',
      sourceType: 'OFFICER', receivedAt: '2026-02-17T17:59:00Z', reportedAt: null,
      grading: { source: '2', assessment: 'B', handling: 'P', conditions: null, code: '2B P' },
      legacyGrading: null, sanitisedText: 'Jake CARROLL is believed to be working for Kell Street Crew.', sourceText: null,
    },
    {
      __typename: 'IntelligenceItem', id: 'int_2', urn: 'INT/2026/000099', classification: 'SECRET',
      sourceType: 'CHIS', receivedAt: '2026-03-01T09:00:00Z', reportedAt: '2026-02-28T20:00:00Z',
      grading: { source: '1', assessment: 'A', handling: 'C', conditions: 'Not to be shared outside the SOCU', code: '1A C' },
      legacyGrading: { code: 'B2 3' }, sanitisedText: 'Sanitised account.', sourceText: 'Source said it directly.',
    },
    {
      __typename: 'Exhibit', id: 'exh_1', reference: 'JS/3', exhibitKind: 'DIGITAL_DOWNLOAD',
      description: 'Download of handset', obtainedOn: '2026-03-02', disclosureStatus: 'UNUSED_NON_SENSITIVE',
    },
  ],
};

describe('LinkProvenance', () => {
  it('shows the link, its ends, its strictest marking and every visible source', async () => {
    const calls = stubGraphQL(() => ({ data: { node: link } }));
    const onClose = vi.fn();
    renderWith(<LinkProvenance id="lnk_1" onClose={onClose} />);
    const region = screen.getByRole('region', { name: 'Link provenance' });
    await within(region).findByText('INT/2026/000007');
    expect(calls[0].operationName).toBe('ProvenanceLink');
    expect(calls[0].variables).toEqual({ id: 'lnk_1' });
    expect(within(region).getByRole('heading', { name: 'Link provenance' })).toBeTruthy();
    expect(within(region).getByRole('link', { name: 'CARROLL, Jake (1984-10-14)' }).getAttribute('href')).toBe('/entities/per_1');
    expect(within(region).getByRole('link', { name: 'Kell Street Crew' }).getAttribute('href')).toBe('/entities/org_1');
    expect(region.textContent).toContain('member of');
    expect(region.textContent).toContain('Peripheral');
    expect(region.textContent).toContain('56%');
    expect(region.textContent).toContain('25 Jan 2026 19:00');
    // July is BST: shown in UK time.
    expect(region.textContent).toContain('17 Jul 2026 17:59');
    // Strictest marking over the visible sources: SECRET and C.
    const marking = within(region).getByText('Marking').nextElementSibling as HTMLElement;
    expect(marking.textContent).toContain('SECRET');
    expect(marking.textContent).toContain('C (conditions)');
    // Each source with its markings.
    expect(region.textContent).toContain('2B P: untested source; known indirectly, corroborated');
    expect(region.textContent).toContain('Not to be shared outside the SOCU');
    expect(region.textContent).toContain('(5x5x5 B2 3)');
    expect(region.textContent).toContain('Source said it directly.');
    expect(region.textContent).toContain('Exhibit JS/3');
    expect(region.textContent).toContain('Download of handset');
    expect(region.textContent).toContain('2 intelligence items, 1 exhibit');
    expect(region.textContent).toContain('Only the sources you may see are listed');
    fireEvent.click(within(region).getByRole('button', { name: 'Close link provenance' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says Not found for null, exactly as for a missing id, and has no close button without onClose', async () => {
    stubGraphQL(() => ({ data: { node: null } }));
    renderWith(<LinkProvenance id="lnk_hidden" />);
    const region = screen.getByRole('region', { name: 'Link provenance' });
    await within(region).findByText('Not found');
    expect(within(region).queryByRole('button')).toBeNull();
  });

  it('says Not found for the API NOT_FOUND error too', async () => {
    stubGraphQL(() => ({ errors: [{ message: 'no such link', extensions: { code: 'NOT_FOUND' } }], data: null }));
    renderWith(<LinkProvenance id="lnk_x" />);
    await screen.findByText('Not found');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows other errors as an alert', async () => {
    stubGraphQL(() => ({ errors: [{ message: 'database down', extensions: { code: 'UNAVAILABLE' } }], data: null }));
    renderWith(<LinkProvenance id="lnk_x" />);
    expect((await screen.findByRole('alert')).textContent).toContain('database down');
  });
});

describe('sourceSummary and gradeWords', () => {
  it('counts sources by kind', () => {
    expect(sourceSummary(1, 0)).toBe('1 intelligence item');
    expect(sourceSummary(0, 2)).toBe('2 exhibits');
    expect(sourceSummary(0, 0)).toBe('none visible');
  });
  it('spells out a 3x5x2 grade, and leaves an unknown one as given', () => {
    expect(gradeWords({ code: '3E C', source: '3', assessment: 'E' })).toBe('3E C: not reliable source; suspected false');
    expect(gradeWords({ code: '9Z P', source: '9', assessment: 'Z' })).toBe('9Z P');
  });
});
