// Home: the operation in hand, and its saved searches to reopen on the chart.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { gql } from './api/client';
import { graphql } from './gql';
import { useSession } from './auth/session';
import { useOperation } from './operation';
import { ClassificationBadge } from './components/Badges';

const SavedSearchesDocument = graphql(`
  query SavedSearches($operationId: ID!) {
    operation(id: $operationId) {
      id
      savedSearches { id name kind updatedAt updatedBy }
    }
  }
`);

interface Screen { to: string; title: string; what: string; roles: string[] }

// The screens, each with the roles that live in it; a user's own come first.
const SCREENS: Screen[] = [
  { to: '/chart', title: 'Link chart', what: 'Expand networks, find paths, common associates, co-location and key players; save and export charts.', roles: ['ANALYST', 'SIO', 'DEPUTY_SIO'] },
  { to: '/targets', title: 'Targets', what: 'Priority ranking, target packages, DI review and the policy file.', roles: ['SIO', 'DEPUTY_SIO', 'ANALYST'] },
  { to: '/actions', title: 'Actions', what: 'HOLMES2 queues: raise, allocate, result, chase, refer and cancel actions.', roles: ['ACTION_MANAGER', 'SIO', 'DEPUTY_SIO', 'INVESTIGATOR'] },
  { to: '/actions/dashboard', title: 'Action dashboard', what: 'States, priorities, timescale compliance and conversion of intelligence.', roles: ['ACTION_MANAGER', 'SIO', 'DEPUTY_SIO'] },
  { to: '/evidence', title: 'Evidence', what: 'Trace exhibits back to their intelligence and items forward; continuity.', roles: ['INVESTIGATOR', 'SIO', 'DEPUTY_SIO'] },
  { to: '/disclosure', title: 'Disclosure', what: 'The MG6C and MG6D schedules, printable and as CSV.', roles: ['SIO', 'DEPUTY_SIO', 'INVESTIGATOR'] },
  { to: '/audit', title: 'Audit trail', what: 'Who read and changed what, and every question asked; CSV export.', roles: ['AUDITOR', 'SIO'] },
  { to: '/audit/mopi', title: 'MOPI review', what: 'Records due for review, and retain or dispose decisions.', roles: ['SIO', 'DEPUTY_SIO', 'AUDITOR'] },
];

export function screensFor(roles: readonly string[]): Screen[] {
  const mine = (s: Screen) => s.roles.some((r) => roles.includes(r));
  return [...SCREENS.filter(mine), ...SCREENS.filter((s) => !mine(s))];
}

export function HomePage() {
  const { me } = useSession();
  const { operation } = useOperation();
  const saved = useQuery({
    queryKey: ['savedSearches', operation?.id],
    enabled: !!operation,
    queryFn: () => gql(SavedSearchesDocument, { operationId: operation!.id }),
  });
  return (
    <section className="page">
      <h1>Welcome, {me?.name}</h1>
      {operation ? (
        <>
          <p>
            Working in <strong>{operation.reference} {operation.name}</strong>{' '}
            <ClassificationBadge value={operation.classification} /> ({operation.status.toLowerCase()}).
            Search above for a person, phone, vehicle or place, or open the <Link to="/chart">link chart</Link>.
          </p>
          <h2>Your screens</h2>
          <ul className="screen-cards">
            {screensFor(me?.roles ?? []).map((sc) => (
              <li key={sc.to}>
                <Link to={sc.to}>{sc.title}</Link>
                <p className="muted">{sc.what}</p>
              </li>
            ))}
          </ul>
          <h2>Saved charts</h2>
          {saved.isPending ? <p aria-busy="true">Loading…</p> : saved.error ? (
            <p role="alert" className="error">{saved.error.message}</p>
          ) : saved.data?.operation?.savedSearches.length ? (
            <ul className="saved-list">
              {saved.data.operation.savedSearches.map((s) => (
                <li key={s.id}>
                  <Link to={`/chart?saved=${encodeURIComponent(s.id)}`}>{s.name}</Link>{' '}
                  <span className="muted">{s.kind.toLowerCase().replace('_', ' ')}, saved by {s.updatedBy}</span>
                </li>
              ))}
            </ul>
          ) : <p className="muted">No saved charts yet.</p>}
        </>
      ) : (
        <p>You are not a member of any operation: an SIO adds members (need to know).</p>
      )}
    </section>
  );
}
