import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderWith, stubGraphQL, type GraphQLCall } from '../entity/testUtils';

vi.mock('../operation', () => ({
  useOperation: () => ({ operation: { id: 'op_1', reference: 'OP-KESTREL-2026', name: 'Operation Kestrel' }, operations: [], choose: () => {} }),
}));
const { SearchBox } = await import('./SearchBox');

const empty = { totalCount: 0, edges: [] };
function answer(vars: Record<string, unknown>) {
  if (vars.q === 'zzz') return { data: { operation: { id: 'op_1', persons: empty, organisations: empty, commsDevices: empty, vehicles: empty, locations: empty } } };
  return {
    data: {
      operation: {
        id: 'op_1',
        persons: { totalCount: 1, edges: [{ node: { id: 'per_1', label: 'CARROLL, Jake (1984-10-14)', dateOfBirth: '1984-10-14', pncId: '02/091833B', aliases: ['Tiny'] } }] },
        organisations: empty,
        commsDevices: { totalCount: 1, edges: [{ node: { id: 'com_1', label: '+447700900101', kind: 'MOBILE', lineName: null } }] },
        vehicles: empty,
        locations: empty,
      },
    },
  };
}

let calls: GraphQLCall[];
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  calls = stubGraphQL((_op, vars) => answer(vars));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); vi.useRealTimers(); });

async function typeAndWait(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
  await act(async () => { vi.advanceTimersByTime(300); });
}

describe('SearchBox', () => {
  it('is a combobox that debounces, searches once, groups results and opens the chosen one with Enter', async () => {
    renderWith(<SearchBox />);
    const input = screen.getByRole('combobox', { name: 'Search entities' });
    fireEvent.change(input, { target: { value: 't' } });
    fireEvent.change(input, { target: { value: 'ti' } });
    fireEvent.change(input, { target: { value: 'tin' } });
    expect(calls).toHaveLength(0);
    await typeAndWait(input, 'tiny');
    const listbox = await screen.findByRole('listbox', { name: 'Search results' });
    expect(calls).toHaveLength(1);
    expect(calls[0].operationName).toBe('SearchEntities');
    expect(calls[0].variables).toMatchObject({ operationId: 'op_1', q: 'tiny', first: 6 });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(within(listbox).getByRole('group', { name: 'People' })).toBeTruthy();
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'CARROLL, Jake (1984-10-14)DOB 14 Oct 1984 · PNC 02/091833B · aka Tiny',
      '+447700900101Mobile',
    ]);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1].id);
    expect(options[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0].id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('location').textContent).toBe('/entities/per_1');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('closes on Escape, and asks for two characters first', async () => {
    renderWith(<SearchBox />);
    const input = screen.getByRole('combobox', { name: 'Search entities' });
    await typeAndWait(input, 'k');
    expect(screen.getByText('Type at least 2 characters.')).toBeTruthy();
    expect(calls).toHaveLength(0);
    await typeAndWait(input, 'kell');
    await screen.findByRole('listbox', { name: 'Search results' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('kell');
  });

  it('says when nothing matches, and sends each kind its own form of the query', async () => {
    renderWith(<SearchBox />);
    const input = screen.getByRole('combobox', { name: 'Search entities' });
    await typeAndWait(input, 'zzz');
    expect(await screen.findByText('No entities match “zzz” in OP-KESTREL-2026.')).toBeTruthy();
    await typeAndWait(input, '07700 900101');
    await screen.findByRole('listbox');
    expect(calls.at(-1)!.variables).toMatchObject({ q: '07700 900101', phone: '+447700900101' });
  });

  it('shows an error', async () => {
    stubGraphQL(() => ({ errors: [{ message: 'rate limited', extensions: { code: 'LIMIT_EXCEEDED' } }], data: null }));
    renderWith(<SearchBox />);
    await typeAndWait(screen.getByRole('combobox', { name: 'Search entities' }), 'kell');
    expect((await screen.findByRole('alert')).textContent).toBe('Search failed: rate limited');
  });
});
