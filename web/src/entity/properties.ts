// What to show of each kind of entity: the full property list for its
// page, and the few key identifiers for a compact card or a search result.
import type { EntityDetailsFragment } from '../gql/graphql';
import { enumLabel, formatDate, formatDateTime } from './format';

export interface Property {
  /** Field name as an analyst reads it. */
  label: string;
  /** The value; a list shows one item per line or as chips. */
  value: string | string[];
  /** Display hint: warning markers render as warning chips. */
  tone?: 'warning' | 'mono';
}

const ENTITY_TYPENAMES = new Set(['Person', 'Organisation', 'Location', 'Vehicle', 'CommsDevice', 'Event']);

/** Whether a node answer is an entity this screen can show (node(id) may return other records, or nothing). */
export function isEntity(n: unknown): n is EntityDetailsFragment {
  return !!n && typeof n === 'object' && ENTITY_TYPENAMES.has((n as { __typename?: string }).__typename ?? '');
}

function add(out: Property[], label: string, value: string | null | undefined | readonly string[], tone?: Property['tone']) {
  if (value == null) return;
  if (Array.isArray(value)) {
    const list = (value as readonly string[]).filter((v) => v.trim() !== '');
    if (list.length) out.push({ label, value: [...list], tone });
    return;
  }
  const s = (value as string).trim();
  if (s) out.push({ label, value: s, tone });
}

/** Every useful property of the entity, in the order an analyst reads them; empty fields are left out. */
export function propertyList(e: EntityDetailsFragment): Property[] {
  const out: Property[] = [];
  switch (e.__typename) {
    case 'Person':
      add(out, 'Family name', e.familyName);
      add(out, 'Given names', e.givenNames);
      add(out, 'Aliases', e.aliases);
      add(out, 'Date of birth', formatDate(e.dateOfBirth));
      add(out, 'PNC ID', e.pncId, 'mono');
      add(out, 'Other identifiers', e.identifiers.map(identifierLabel), 'mono');
      add(out, 'Warning markers', e.warningMarkers.map(enumLabel), 'warning');
      add(out, 'Description', e.personDescription);
      break;
    case 'Organisation':
      add(out, 'Name', e.name);
      add(out, 'Kind', e.orgKind === 'OCG' ? 'Organised crime group (OCG)' : enumLabel(e.orgKind));
      add(out, 'Reference', e.reference, 'mono');
      add(out, 'Description', e.orgDescription);
      break;
    case 'Location':
      add(out, 'Address', e.address);
      add(out, 'Postcode', e.postcode, 'mono');
      add(out, 'Kind', enumLabel(e.locationKind));
      if (e.latitude != null && e.longitude != null) add(out, 'Coordinates', `${e.latitude.toFixed(5)}, ${e.longitude.toFixed(5)}`, 'mono');
      break;
    case 'Vehicle':
      add(out, 'VRM', e.vrm, 'mono');
      add(out, 'Make', e.make);
      add(out, 'Model', e.model);
      add(out, 'Colour', e.colour);
      break;
    case 'CommsDevice':
      add(out, 'Kind', enumLabel(e.commsKind));
      add(out, 'Number', e.number, 'mono');
      add(out, 'IMEI', e.imei, 'mono');
      add(out, 'Email', e.email, 'mono');
      add(out, 'Handle', e.handle, 'mono');
      add(out, 'Line name', e.lineName);
      break;
    case 'Event':
      add(out, 'Kind', enumLabel(e.eventKind));
      add(out, 'Occurred', formatDateTime(e.occurredAt));
      add(out, 'Summary', e.summary);
      add(out, 'Crime number', e.crimeNumber, 'mono');
      add(out, 'Crime classification', e.crimeClassification);
      break;
  }
  return out;
}

/** The few identifiers that pick the entity out, for a card or search result. */
export function keyIdentifiers(e: EntityDetailsFragment): Property[] {
  const all = propertyList(e);
  const keep: Record<EntityDetailsFragment['__typename'], string[]> = {
    Person: ['Date of birth', 'PNC ID', 'Aliases', 'Warning markers'],
    Organisation: ['Kind', 'Reference'],
    Location: ['Kind', 'Address', 'Postcode'],
    Vehicle: ['VRM', 'Make', 'Model', 'Colour'],
    CommsDevice: ['Kind', 'Number', 'IMEI', 'Email', 'Handle', 'Line name'],
    Event: ['Kind', 'Occurred', 'Crime number'],
  };
  const wanted = keep[e.__typename];
  return wanted.map((l) => all.find((p) => p.label === l)).filter((p): p is Property => !!p);
}

/** `PASSPORT:340748302` -> `Passport 340748302`. */
export function identifierLabel(s: string): string {
  const i = s.indexOf(':');
  if (i <= 0) return s;
  return `${enumLabel(s.slice(0, i).toUpperCase())} ${s.slice(i + 1)}`;
}
