import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { EntityCard } from './EntityCard';
import { renderWith, stubGraphQL } from './testUtils';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const person = {
  __typename: 'Person', id: 'per_1', label: 'CARROLL, Jake (1984-10-14)', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'x',
  operation: { id: 'op_1', reference: 'OP-KESTREL-2026' },
  givenNames: 'Jake', familyName: 'Carroll', aliases: ['Tiny'], dateOfBirth: '1984-10-14', pncId: '02/091833B',
  identifiers: [], warningMarkers: ['DRUGS', 'FIREARMS'], personDescription: 'Associate.',
  linkTotal: { totalCount: 4 }, mentionTotal: { totalCount: 1 },
};

describe('EntityCard', () => {
  it('shows label, kind, key identifiers, counts and a link to the page', async () => {
    const calls = stubGraphQL(() => ({ data: { node: person } }));
    const onClose = vi.fn();
    renderWith(<EntityCard id="per_1" onClose={onClose} />);
    const card = screen.getByRole('region', { name: 'Entity' });
    await within(card).findByRole('heading', { name: 'CARROLL, Jake (1984-10-14)' });
    expect(calls[0].operationName).toBe('EntityHeader');
    expect(card.textContent).toContain('Person');
    expect(card.textContent).toContain('14 Oct 1984');
    expect(card.textContent).toContain('02/091833B');
    expect(card.textContent).toContain('Tiny');
    expect(card.textContent).toContain('Firearms');
    expect(card.textContent).toContain('4 links');
    expect(card.textContent).toContain('1 mention');
    expect(card.textContent).not.toContain('1 mentions');
    expect(within(card).getByRole('link', { name: 'Open page' }).getAttribute('href')).toBe('/entities/per_1');
    fireEvent.click(within(card).getByRole('button', { name: 'Close entity card' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows Not found when the API returns null (hidden or missing alike)', async () => {
    stubGraphQL(() => ({ data: { node: null } }));
    renderWith(<EntityCard id="per_hidden" />);
    const card = screen.getByRole('region', { name: 'Entity' });
    await within(card).findByRole('heading', { name: 'Not found' });
    expect(within(card).queryByRole('button')).toBeNull();
    expect(within(card).queryByRole('link')).toBeNull();
  });

  it('treats a node that is not an entity (e.g. a link id) as not found', async () => {
    stubGraphQL(() => ({ data: { node: {} } }));
    renderWith(<EntityCard id="lnk_1" />);
    await screen.findByRole('heading', { name: 'Not found' });
  });
});
