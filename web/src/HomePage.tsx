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
