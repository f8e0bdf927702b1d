// A compact card for one entity, for the link chart's side panel (about
// 360px wide): its label and kind, the identifiers that pick it out, how
// many links and mentions the caller may see, and a way to its page.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { gql } from '../api/client';
import { EntityHeaderDocument } from './queries';
import { isEntity, keyIdentifiers } from './properties';
import { count, entityPath, kindLabel } from './format';
import { PropertyValue } from './PropertyValue';
import './entity.css';

export function EntityCard({ id, onClose }: { id: string; onClose?: () => void }) {
  const q = useQuery({
    queryKey: ['entity', 'header', id],
    queryFn: () => gql(EntityHeaderDocument, { id }),
  });
  const node = q.data?.node;
  const entity = isEntity(node) ? node : null;
  return (
    <section className="entity-card" aria-label="Entity" aria-busy={q.isPending || undefined}>
      <div className="entity-card-head">
        <span className="entity-kind">{entity ? kindLabel(entity.__typename) : 'Entity'}</span>
        {onClose && (
          <button type="button" className="icon-button" aria-label="Close entity card" title="Close" onClick={onClose}>×</button>
        )}
      </div>
      {q.isPending ? (
        <p className="muted">Loading…</p>
      ) : q.error && !(isNotFound(q.error)) ? (
        <p role="alert" className="error">Could not load this entity: {q.error.message}</p>
      ) : !entity ? (
        <>
          <h2 className="entity-card-title">Not found</h2>
          <p className="muted">No entity with this id, or none you may see.</p>
        </>
      ) : (
        <>
          <h2 className="entity-card-title">{entity.label}</h2>
          <dl className="props props-compact">
            {keyIdentifiers(entity).map((p) => (
              <div key={p.label} className="prop">
                <dt>{p.label}</dt>
                <dd><PropertyValue property={p} /></dd>
              </div>
            ))}
          </dl>
          <p className="entity-card-counts">
            <span>{count('linkTotal' in entity ? entity.linkTotal.totalCount : 0, 'link')}</span>
            <span aria-hidden="true"> · </span>
            <span>{count('mentionTotal' in entity ? entity.mentionTotal.totalCount : 0, 'mention')}</span>
          </p>
          <p className="entity-card-actions">
            <Link to={entityPath(entity.id)}>Open page</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** The API's NOT_FOUND (and a hidden record's FORBIDDEN) read exactly like a missing id. */
export function isNotFound(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'NOT_FOUND' || code === 'FORBIDDEN';
}
