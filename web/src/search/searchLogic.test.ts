import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { SearchEntitiesQuery } from '../gql/graphql';
import { cleanQuery, flatOptions, groupResults, moveActive, phoneQuery, placeQuery, searchVariables, splitMatch, useDebounced, vrmQuery } from './searchLogic';

afterEach(() => { cleanup(); vi.useRealTimers(); });

describe('query forms per kind', () => {
  it('turns a UK number typed the national way into E.164, as phones are stored', () => {
    expect(phoneQuery('07700 900101')).toBe('+447700900101');
    expect(phoneQuery('(0151) 496-0000')).toBe('+441514960000');
    expect(phoneQuery('0044 7700 900101')).toBe('+447700900101');
    expect(phoneQuery('+44 7700 900101')).toBe('+447700900101');
    expect(phoneQuery('900101')).toBe('900101');
  });
  it('leaves anything not shaped like a number alone', () => {
    expect(phoneQuery('Dee line')).toBe('Dee line');
    expect(phoneQuery('kellz.l8')).toBe('kellz.l8');
  });
  it('drops the space in a VRM but not in words', () => {
    expect(vrmQuery('CE69 DNT')).toBe('CE69DNT');
    expect(vrmQuery('ce69')).toBe('ce69');
    expect(vrmQuery('silver ford')).toBe('silver ford');
    expect(vrmQuery('12 Maes Glas road')).toBe('12 Maes Glas road');
  });
  it('puts the space back in a full postcode', () => {
    expect(placeQuery('LL138SS')).toBe('LL13 8SS');
    expect(placeQuery('l83rw')).toBe('L8 3RW');
    expect(placeQuery('SW1A1AA')).toBe('SW1A 1AA');
    expect(placeQuery('Maes Glas')).toBe('Maes Glas');
    expect(placeQuery('LL13')).toBe('LL13');
  });
  it('sends nothing under two characters, and each kind its own form', () => {
    expect(searchVariables('op', ' a ')).toBeNull();
    expect(searchVariables('op', '07700  900101')).toEqual({
      operationId: 'op', q: '07700 900101', phone: '+447700900101', vrm: '07700 900101', place: '07700 900101', first: 6,
    });
    expect(cleanQuery('  Jake   Carroll ')).toBe('Jake Carroll');
  });
});

const answer: SearchEntitiesQuery = {
  operation: {
    id: 'op',
    persons: { totalCount: 8, edges: [
      { node: { id: 'per_1', label: 'CARROLL, Jake (1984-10-14)', dateOfBirth: '1984-10-14', pncId: '02/091833B', aliases: ['Tiny'] } },
      { node: { id: 'per_2', label: 'THOMAS, Cai', dateOfBirth: null, pncId: null, aliases: [] } },
    ] },
    organisations: { totalCount: 0, edges: [] },
    commsDevices: { totalCount: 1, edges: [{ node: { id: 'com_1', label: '+447700900101', kind: 'MOBILE', lineName: 'Dee line' } }] },
    vehicles: { totalCount: 1, edges: [{ node: { id: 'veh_1', label: 'CE69DNT Black Mercedes-Benz A-Class', vrm: 'CE69DNT', make: 'Mercedes-Benz', model: 'A-Class', colour: 'Black' } }] },
    locations: { totalCount: 0, edges: [] },
  },
};

describe('groupResults', () => {
  it('groups by kind in a fixed order, drops empty kinds, and counts what is not shown', () => {
    const g = groupResults(answer);
    expect(g.map((x) => [x.title, x.options.length, x.more])).toEqual([
      ['People', 2, 6], ['Phones and comms', 1, 0], ['Vehicles', 1, 0],
    ]);
  });
  it('gives each option a secondary line', () => {
    const [people, phones, vehicles] = groupResults(answer);
    expect(people.options[0].detail).toBe('DOB 14 Oct 1984 · PNC 02/091833B · aka Tiny');
    expect(people.options[1].detail).toBe('');
    expect(phones.options[0].detail).toBe('Mobile · Dee line');
    expect(vehicles.options[0]).toEqual({ id: 'veh_1', label: 'CE69DNT', detail: 'Black · Mercedes-Benz · A-Class' });
  });
  it('is empty with no operation and flattens in display order', () => {
    expect(groupResults({ operation: null })).toEqual([]);
    expect(groupResults(undefined)).toEqual([]);
    expect(flatOptions(groupResults(answer)).map((o) => o.id)).toEqual(['per_1', 'per_2', 'com_1', 'veh_1']);
  });
});

describe('moveActive and splitMatch', () => {
  it('wraps around with the arrow keys', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(1, 3, 'End')).toBe(2);
    expect(moveActive(1, 0, 'ArrowDown')).toBe(-1);
  });
  it('finds the typed text in a label, ignoring case', () => {
    expect(splitMatch('CARROLL, Jake', 'carr')).toEqual(['', 'CARR', 'OLL, Jake']);
    expect(splitMatch('CARROLL, Jake', 'tiny')).toEqual(['CARROLL, Jake', '', '']);
  });
});

describe('useDebounced', () => {
  it('gives the value only once it has been still for the delay', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ v }) => useDebounced(v, 250), { initialProps: { v: 'a' } });
    expect(result.current).toBe('a');
    rerender({ v: 'ab' });
    act(() => { vi.advanceTimersByTime(200); });
    rerender({ v: 'abc' });
    act(() => { vi.advanceTimersByTime(200); });
    expect(result.current).toBe('a');
    act(() => { vi.advanceTimersByTime(60); });
    expect(result.current).toBe('abc');
  });
});
