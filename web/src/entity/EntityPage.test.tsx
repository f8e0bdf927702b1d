import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { EntityPage } from './EntityPage';
import { EMPTY_FILTER, toLinkFilter } from './LinksSection';
import { timelineInput } from './TimelineSection';
import { rangeLabel } from '../components/paging';
import { renderWith, stubGraphQL } from './testUtils';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const vehicle = {
  __typename: 'Vehicle', id: 'veh_1', label: 'CE69DNT Black Mercedes-Benz A-Class', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'seed',
  operation: { id: 'op_1', reference: 'OP-KESTREL-2026' }, vrm: 'CE69DNT', make: 'Mercedes-Benz', model: 'A-Class', colour: 'Black',
  linkTotal: { totalCount: 30 }, mentionTotal: { totalCount: 1 },
};
const grading = { source: '1', assessment: 'B', handling: 'C', conditions: 'SOCU only', code: '1B C' };
const links = {
  id: 'veh_1',
  links: {
    totalCount: 30,
    pageInfo: { hasNextPage: true, endCursor: 'c25' },
    edges: [{
      node: {
        id: 'lnk_9', type: 'DRIVES', kind: null, role: null, count: null, firstSeen: '2026-04-12T10:00:00Z', lastSeen: '2026-04-19T10:00:00Z',
        confidence: 0.74, from: { id: 'per_1' }, other: { __typename: 'Person', id: 'per_1', label: 'MAHONEY, Connor' },
        sources: [{ __typename: 'IntelligenceItem', id: 'int_1', classification: 'SECRET', grading: { code: '1B C', handling: 'C', conditions: 'SOCU only' } }],
      },
    }],
  },
};
const intel = {
  id: 'veh_1',
  mentionedIn: {
    totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null },
    edges: [{ node: {
      id: 'int_1', urn: 'INT/2026/000042', receivedAt: '2026-04-17T12:26:00Z', reportedAt: null, sourceType: 'CHIS', classification: 'SECRET',
      grading, legacyGrading: null, sanitisedText: 'The Range Rover is used by MAHONEY.', sourceText: null,
      mentions: [{ role: 'VEHICLE_USED', entity: { id: 'veh_1' } }],
    } }],
  },
};

function api(op: string, vars: Record<string, unknown>) {
  switch (op) {
    case 'EntityHeader': return { data: { node: vars.id === 'veh_1' ? vehicle : null } };
    case 'EntityLinks': return { data: { node: links } };
    case 'EntityIntelligence': return { data: { node: intel } };
    case 'EntityTimeline': return { data: { timeline: [{ at: '2026-04-19T10:00:00Z', entry: 'EVENT', link: null, event: { id: 'evt_1', label: 'x', kind: 'ANPR_HIT', summary: 'ANPR read on the A55', crimeNumber: null } }] } };
    case 'ProvenanceLink': return { data: { node: null } };
  }
  return { errors: [{ message: `unexpected ${op}` }] };
}

describe('EntityPage', () => {
  it('shows the entity, its sections, and opens provenance and the chart', async () => {
    const calls = stubGraphQL(api);
    renderWith(<EntityPage />, { path: '/entities/veh_1', route: '/entities/:id' });
    const h1 = await screen.findByRole('heading', { level: 1 });
    expect(h1.textContent).toBe('VehicleCE69DNT Black Mercedes-Benz A-Class');
    for (const name of ['Details', 'Links', 'Intelligence', 'Timeline']) {
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    }
    const table = await screen.findByRole('table', { name: 'Links' });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByRole('link', { name: 'MAHONEY, Connor' }).getAttribute('href')).toBe('/entities/per_1');
    expect(row.textContent).toContain('74%');
    expect(row.textContent).toContain('SECRET');
    expect(screen.getByText('1–1 of 30')).toBeTruthy();
    expect(await screen.findByText('The Range Rover is used by MAHONEY.')).toBeTruthy();
    expect(screen.getByText('SOCU only', { exact: false })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'ANPR read on the A55' })).toBeTruthy();

    // Filters reach the API as a LinkFilter.
    fireEvent.click(screen.getByRole('checkbox', { name: 'drives' }));
    await screen.findByRole('table', { name: 'Links' });
    expect(calls.filter((c) => c.operationName === 'EntityLinks').at(-1)!.variables.filter).toEqual({ types: ['DRIVES'] });

    // Next page asks for the page after the cursor.
    const next = screen.getByRole('button', { name: 'Next ›' }) as HTMLButtonElement;
    await vi.waitFor(() => expect(next.disabled).toBe(false));
    fireEvent.click(next);
    await vi.waitFor(() => expect(calls.filter((c) => c.operationName === 'EntityLinks').at(-1)!.variables.after).toBe('c25'));

    fireEvent.click(within(screen.getByRole('table', { name: 'Links' })).getByRole('button', { name: 'Provenance' }));
    expect(await screen.findByRole('region', { name: 'Link provenance' })).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'ProvenanceLink' && c.variables.id === 'lnk_9')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Add to chart' }));
    expect(screen.getByTestId('location').textContent).toBe('/chart?add=veh_1');
  });

  it('says Not found for an id the API does not answer', async () => {
    stubGraphQL(api);
    renderWith(<EntityPage />, { path: '/entities/per_hidden', route: '/entities/:id' });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Not found');
    expect(screen.queryByRole('heading', { name: 'Links' })).toBeNull();
  });
});

describe('page helpers', () => {
  it('builds the LinkFilter from the form', () => {
    expect(toLinkFilter(EMPTY_FILTER)).toBeNull();
    expect(toLinkFilter({ types: ['USES'], minConfidence: '60', seenAfter: '2026-01-01', seenBefore: '2026-02-01' })).toEqual({
      types: ['USES'], minConfidence: 0.6, seenAfter: '2026-01-01T00:00:00Z', seenBefore: '2026-02-01T23:59:59Z',
    });
    expect(toLinkFilter({ ...EMPTY_FILTER, minConfidence: '0' })).toBeNull();
    expect(toLinkFilter({ ...EMPTY_FILTER, minConfidence: '150' })).toEqual({ minConfidence: 1 });
  });
  it('builds the timeline question', () => {
    expect(timelineInput('per_1', '2026-03-01', '', false)).toEqual({
      entityIds: ['per_1'], from: '2026-03-01T00:00:00Z', to: null, includeContacts: false, limit: 200,
    });
  });
  it('labels the range shown', () => {
    expect(rangeLabel(0, 25, 25, 57)).toBe('1–25 of 57');
    expect(rangeLabel(2, 25, 7, 57)).toBe('51–57 of 57');
    expect(rangeLabel(0, 25, 0, 0)).toBe('0 of 0');
  });
});
