// Names for the ids the audit trail holds: officers by identity subject,
// operations by id. Both come from lists the reader may see.
import { useQuery } from '@tanstack/react-query';
import { gql } from '../api/client';
import type { AuditOfficersQuery, AuditOperationsQuery } from '../gql/graphql';
import { AuditOfficersDocument, AuditOperationsDocument } from './queries';

export type OfficerRow = AuditOfficersQuery['officers']['edges'][number]['node'];
export type OperationRow = AuditOperationsQuery['operations']['edges'][number]['node'];

/** All officers (paged through, at most 1,000). */
async function allOfficers(): Promise<OfficerRow[]> {
  const out: OfficerRow[] = [];
  let after: string | undefined;
  for (let i = 0; i < 10; i++) {
    const { officers } = await gql(AuditOfficersDocument, { first: 100, after });
    out.push(...officers.edges.map((e) => e.node));
    if (!officers.pageInfo.hasNextPage || !officers.pageInfo.endCursor) break;
    after = officers.pageInfo.endCursor;
  }
  return out;
}

export function useOfficers() {
  return useQuery({ queryKey: ['audit', 'officers'], queryFn: allOfficers, staleTime: 5 * 60_000 });
}

export function useOperations() {
  return useQuery({
    queryKey: ['audit', 'operations'],
    queryFn: async () => (await gql(AuditOperationsDocument)).operations.edges.map((e) => e.node),
    staleTime: 5 * 60_000,
  });
}

/** Officers who sign in (have an identity subject), by name. */
export function signingOfficers(officers: readonly OfficerRow[] | undefined): OfficerRow[] {
  return (officers ?? []).filter((o) => !!o.subject).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function officerBySubject(officers: readonly OfficerRow[] | undefined): Map<string, OfficerRow> {
  const m = new Map<string, OfficerRow>();
  for (const o of officers ?? []) if (o.subject) m.set(o.subject, o);
  return m;
}

export function operationById(ops: readonly OperationRow[] | undefined): Map<string, OperationRow> {
  return new Map((ops ?? []).map((o) => [o.id, o]));
}
