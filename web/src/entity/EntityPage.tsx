// An entity's page (/entities/:id): what it is, its properties, its links
// (with provenance), the intelligence mentioning it and its timeline. An id
// the API does not answer (missing, or hidden by need to know) shows "Not
// found", the same in both cases.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { gql } from '../api/client';
import { LinkProvenance } from '../provenance/LinkProvenance';
import { isNotFound } from './EntityCard';
import { count, kindLabel } from './format';
import { IntelligenceSection } from './IntelligenceSection';
import { LinksSection } from './LinksSection';
import { PropertyValue } from './PropertyValue';
import { isEntity, propertyList } from './properties';
import { EntityHeaderDocument } from './queries';
import { TimelineSection } from './TimelineSection';
import { formatDateTime } from './format';
import './entity.css';

export function EntityPage() {
  const { id = '' } = useParams();
  return <EntityScreen key={id} id={id} />;
}

function EntityScreen({ id }: { id: string }) {
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['entity', 'header', id],
    queryFn: () => gql(EntityHeaderDocument, { id }),
  });
  const node = q.data?.node;
  const entity = isEntity(node) ? node : null;
  const [provenance, setProvenance] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (entity) document.title = `${entity.label} · Keyline`;
  }, [entity]);

  const openProvenance = useCallback((linkId: string, from: HTMLElement) => {
    opener.current = from;
    setProvenance((cur) => (cur === linkId ? null : linkId));
  }, []);
  const closeProvenance = useCallback(() => {
    setProvenance(null);
    opener.current?.focus();
  }, []);

  if (q.isPending) {
    return <section className="entity-page" aria-busy="true"><p className="muted">Loading…</p></section>;
  }
  if (q.error && !isNotFound(q.error)) {
    return (
      <section className="entity-page">
        <h1>Entity</h1>
        <p role="alert" className="error">Could not load this entity: {q.error.message}</p>
      </section>
    );
  }
  if (!entity) {
    return (
      <section className="entity-page not-found">
        <h1>Not found</h1>
        <p>There is nothing here. <Link to="/">Go home</Link>.</p>
      </section>
    );
  }

  const linkTotal = 'linkTotal' in entity ? entity.linkTotal.totalCount : 0;
  const mentionTotal = 'mentionTotal' in entity ? entity.mentionTotal.totalCount : 0;
  const kind = kindLabel(entity.__typename);
  return (
    <div className="entity-page">
      <p className="entity-crumbs">
        <Link to="/">{entity.operation.reference}</Link> › {kind}
      </p>
      <div className="entity-header">
        <div>
          <h1>
            <span className="entity-kind-inline">{kind}</span>
            {entity.label}
          </h1>
          <p className="entity-header-meta mono">{entity.id}</p>
        </div>
        <div className="entity-header-actions">
          <button type="button" className="primary" onClick={() => navigate(`/chart?add=${encodeURIComponent(entity.id)}`)}>
            Add to chart
          </button>
        </div>
      </div>
      <div className="entity-layout">
        <aside className="entity-section entity-summary" aria-labelledby="entity-details-h">
          <h2 id="entity-details-h">Details</h2>
          <dl className="props">
            {propertyList(entity).map((p) => (
              <div key={p.label} className="prop">
                <dt>{p.label}</dt>
                <dd><PropertyValue property={p} /></dd>
              </div>
            ))}
          </dl>
          <div className="entity-stats">
            <a href="#links"><strong>{linkTotal.toLocaleString('en-GB')}</strong><span>{count(linkTotal, 'link').replace(/^[\d,]+ /, '')}</span></a>
            <a href="#intelligence"><strong>{mentionTotal.toLocaleString('en-GB')}</strong><span>{mentionTotal === 1 ? 'mention' : 'mentions'}</span></a>
          </div>
          <p className="entity-updated">Updated {formatDateTime(entity.updatedAt)} by {entity.updatedBy}</p>
        </aside>
        <div className="entity-main">
          <LinksSection id={entity.id} onProvenance={openProvenance} selected={provenance} />
          <IntelligenceSection id={entity.id} />
          <TimelineSection id={entity.id} onProvenance={openProvenance} />
        </div>
      </div>
      {provenance && (
        <div className="entity-drawer">
          <LinkProvenance id={provenance} onClose={closeProvenance} />
        </div>
      )}
    </div>
  );
}
