// Pure logic of the entity search: what to send to each kind's search,
// and how to turn the answer into grouped, keyboard-navigable options.
import { useEffect, useState } from 'react';
import type { SearchEntitiesQuery } from '../gql/graphql';
import { enumLabel, formatDate } from '../entity/format';

export const MIN_QUERY = 2;
export const DEBOUNCE_MS = 250;
export const PER_KIND = 6;

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = DEBOUNCE_MS): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The trimmed query with runs of spaces collapsed. */
export function cleanQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/**
 * The query as a phone number is stored (E.164): a UK number typed the
 * national way (07700 900101) becomes +447700900101, 0044... becomes +44...,
 * spaces, dashes and brackets go. Anything not shaped like a number is
 * left as typed.
 */
export function phoneQuery(q: string): string {
  const c = cleanQuery(q);
  if (!/^\+?[\d\s().-]+$/.test(c) || !/\d/.test(c)) return c;
  let digits = c.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = '+' + digits.slice(2);
  else if (/^0\d/.test(digits)) digits = '+44' + digits.slice(1);
  return digits;
}

/** The query as a VRM is stored (no spaces), when it looks like one (letters and digits, at least one digit). */
export function vrmQuery(q: string): string {
  const c = cleanQuery(q);
  if (/^[A-Za-z0-9 ]+$/.test(c) && /\d/.test(c) && /[A-Za-z]/.test(c) && c.replace(/ /g, '').length <= 8) {
    return c.replace(/ /g, '');
  }
  return c;
}

/** A full UK postcode typed without its space (LL138SS) gets it back (LL13 8SS), as postcodes are stored. */
export function placeQuery(q: string): string {
  const c = cleanQuery(q);
  const compact = c.replace(/ /g, '').toUpperCase();
  if (/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) {
    return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  }
  return c;
}

/** The variables of one search, or null when the query is too short to send. */
export function searchVariables(operationId: string, q: string) {
  const c = cleanQuery(q);
  if (c.length < MIN_QUERY) return null;
  return { operationId, q: c, phone: phoneQuery(c), vrm: vrmQuery(c), place: placeQuery(c), first: PER_KIND };
}

export interface SearchOption {
  id: string;
  label: string;
  /** Secondary line, e.g. DOB and PNC id for a person. */
  detail: string;
}

export interface SearchGroup {
  kind: 'persons' | 'commsDevices' | 'vehicles' | 'locations' | 'organisations';
  title: string;
  options: SearchOption[];
  /** Matches beyond those shown. */
  more: number;
}

const TITLES: Record<SearchGroup['kind'], string> = {
  persons: 'People',
  commsDevices: 'Phones and comms',
  vehicles: 'Vehicles',
  locations: 'Places',
  organisations: 'Organisations',
};

const ORDER: SearchGroup['kind'][] = ['persons', 'organisations', 'commsDevices', 'vehicles', 'locations'];

function join(parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(' · ');
}

/** The answer as non-empty groups, in a fixed order (people first), each option with its secondary line. */
export function groupResults(data: SearchEntitiesQuery | undefined): SearchGroup[] {
  const op = data?.operation;
  if (!op) return [];
  const groups: Record<SearchGroup['kind'], { options: SearchOption[]; total: number }> = {
    persons: {
      total: op.persons.totalCount,
      options: op.persons.edges.map(({ node: n }) => ({
        id: n.id,
        label: n.label,
        detail: join([
          n.dateOfBirth && `DOB ${formatDate(n.dateOfBirth)}`,
          n.pncId && `PNC ${n.pncId}`,
          n.aliases.length > 0 && `aka ${n.aliases.join(', ')}`,
        ]),
      })),
    },
    organisations: {
      total: op.organisations.totalCount,
      options: op.organisations.edges.map(({ node: n }) => ({
        id: n.id, label: n.label, detail: join([enumLabel(n.kind), n.reference]),
      })),
    },
    commsDevices: {
      total: op.commsDevices.totalCount,
      options: op.commsDevices.edges.map(({ node: n }) => ({
        id: n.id, label: n.label, detail: join([enumLabel(n.kind), n.lineName]),
      })),
    },
    vehicles: {
      total: op.vehicles.totalCount,
      options: op.vehicles.edges.map(({ node: n }) => ({
        id: n.id, label: n.vrm, detail: join([n.colour, n.make, n.model]),
      })),
    },
    locations: {
      total: op.locations.totalCount,
      options: op.locations.edges.map(({ node: n }) => ({
        id: n.id, label: n.label, detail: join([enumLabel(n.kind), n.address]),
      })),
    },
  };
  return ORDER
    .filter((k) => groups[k].options.length > 0)
    .map((k) => ({ kind: k, title: TITLES[k], options: groups[k].options, more: Math.max(0, groups[k].total - groups[k].options.length) }));
}

/** The options of all groups in display order (for arrow keys). */
export function flatOptions(groups: SearchGroup[]): SearchOption[] {
  return groups.flatMap((g) => g.options);
}

/** The next active index for an arrow key, wrapping; -1 when there is nothing. */
export function moveActive(current: number, length: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End'): number {
  if (length === 0) return -1;
  switch (key) {
    case 'ArrowDown': return current < 0 || current >= length - 1 ? 0 : current + 1;
    case 'ArrowUp': return current <= 0 ? length - 1 : current - 1;
    case 'Home': return 0;
    case 'End': return length - 1;
  }
}

/** The label split around the first case-insensitive match of the query, for highlighting. */
export function splitMatch(label: string, q: string): [string, string, string] {
  const c = cleanQuery(q);
  if (!c) return [label, '', ''];
  const i = label.toLowerCase().indexOf(c.toLowerCase());
  if (i < 0) return [label, '', ''];
  return [label.slice(0, i), label.slice(i, i + c.length), label.slice(i + c.length)];
}
