import { describe, expect, it } from 'vitest';
import type { EntityDetailsFragment } from '../gql/graphql';
import { identifierLabel, isEntity, keyIdentifiers, propertyList } from './properties';

const base = { id: 'x', label: 'L', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', operation: { id: 'op', reference: 'OP' } };

describe('propertyList', () => {
  it('lists a person\'s names, aliases, DOB, PNC, identifiers and markers, leaving empty fields out', () => {
    const p: EntityDetailsFragment = {
      ...base, __typename: 'Person', givenNames: 'Daniel', familyName: 'Shaw', aliases: ['Danny', 'D'],
      dateOfBirth: '1994-02-11', pncId: '98/123456X', identifiers: ['PASSPORT:123', 'NI:AB123456C'],
      warningMarkers: ['FIREARMS', 'SELF_HARM'], personDescription: null,
    };
    expect(propertyList(p)).toEqual([
      { label: 'Family name', value: 'Shaw', tone: undefined },
      { label: 'Given names', value: 'Daniel', tone: undefined },
      { label: 'Aliases', value: ['Danny', 'D'], tone: undefined },
      { label: 'Date of birth', value: '11 Feb 1994', tone: undefined },
      { label: 'PNC ID', value: '98/123456X', tone: 'mono' },
      { label: 'Other identifiers', value: ['Passport 123', 'NI AB123456C'], tone: 'mono' },
      { label: 'Warning markers', value: ['Firearms', 'Self harm'], tone: 'warning' },
    ]);
  });
  it('lists a phone by its own fields only', () => {
    const c: EntityDetailsFragment = {
      ...base, __typename: 'CommsDevice', commsKind: 'MOBILE', number: '+447700900101', imei: null, email: null, handle: null, lineName: 'Dee line',
    };
    expect(propertyList(c).map((p) => [p.label, p.value])).toEqual([
      ['Kind', 'Mobile'], ['Number', '+447700900101'], ['Line name', 'Dee line'],
    ]);
  });
  it('gives a location coordinates and an OCG its full kind', () => {
    const l: EntityDetailsFragment = { ...base, __typename: 'Location', address: '12 Maes Glas, Wrexham', postcode: 'LL13 8SS', latitude: 53.039, longitude: -2.968, locationKind: 'TRAP_HOUSE' };
    expect(propertyList(l).map((p) => p.value)).toEqual(['12 Maes Glas, Wrexham', 'LL13 8SS', 'Trap house', '53.03900, -2.96800']);
    const o: EntityDetailsFragment = { ...base, __typename: 'Organisation', name: 'Kell Street Crew', orgKind: 'OCG', reference: 'OCGM-1', orgDescription: 'Group.' };
    expect(propertyList(o).find((p) => p.label === 'Kind')?.value).toBe('Organised crime group (OCG)');
  });
  it('shows an event\'s time in UK time and its crime details', () => {
    const e: EntityDetailsFragment = { ...base, __typename: 'Event', eventKind: 'ANPR_HIT', occurredAt: '2026-10-21T05:50:00Z', summary: 'Hit', crimeNumber: 'MP/26/1', crimeClassification: null };
    expect(propertyList(e).map((p) => [p.label, p.value])).toEqual([
      ['Kind', 'ANPR hit'], ['Occurred', '21 Oct 2026 06:50'], ['Summary', 'Hit'], ['Crime number', 'MP/26/1'],
    ]);
  });
});

describe('keyIdentifiers', () => {
  it('keeps what picks a vehicle out, in order', () => {
    const v: EntityDetailsFragment = { ...base, __typename: 'Vehicle', vrm: 'CE69DNT', make: 'Mercedes-Benz', model: null, colour: 'Black' };
    expect(keyIdentifiers(v).map((p) => p.label)).toEqual(['VRM', 'Make', 'Colour']);
  });
});

describe('isEntity / identifierLabel', () => {
  it('accepts only entity types', () => {
    expect(isEntity({ __typename: 'Person' })).toBe(true);
    expect(isEntity({ __typename: 'Link' })).toBe(false);
    expect(isEntity({})).toBe(false);
    expect(isEntity(null)).toBe(false);
  });
  it('splits KIND:value identifiers', () => {
    expect(identifierLabel('DRIVING_LICENCE:SHAW9')).toBe('Driving licence SHAW9');
    expect(identifierLabel('plain')).toBe('plain');
  });
});
