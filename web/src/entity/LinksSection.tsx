// The entity's links: a filterable (LinkFilter: types, minimum confidence,
// seen after/before), paged table; each row opens the link's provenance.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { gql } from '../api/client';
import { LinkMarkings } from '../components/Badges';
import type { LinkFilter, LinkType } from '../gql/graphql';
import { count, dayBound, entityPath, enumLabel, formatConfidence, formatDay, kindLabel, linkTypeLabel } from './format';
import { EntityLinksDocument } from './queries';
import { usePaging } from '../components/paging';
import { Pager } from './Pager';

export const LINK_TYPES: LinkType[] = [
  'ASSOCIATE_OF', 'MEMBER_OF', 'USES', 'CONTACTED', 'RESIDES_AT', 'FREQUENTS', 'DRIVES',
  'REGISTERED_KEEPER', 'PRESENT_AT', 'INVOLVED_IN', 'OPERATES_FROM',
];
const PAGE = 25;

export interface LinkFilterForm {
  types: LinkType[];
  minConfidence: string;
  seenAfter: string;
  seenBefore: string;
}

export const EMPTY_FILTER: LinkFilterForm = { types: [], minConfidence: '', seenAfter: '', seenBefore: '' };

/** The form as the API's LinkFilter (null when nothing is set); confidence is typed in percent. */
export function toLinkFilter(f: LinkFilterForm): LinkFilter | null {
  const out: LinkFilter = {};
  if (f.types.length) out.types = [...f.types];
  const pct = f.minConfidence.trim() === '' ? NaN : Number(f.minConfidence);
  if (!Number.isNaN(pct) && pct > 0) out.minConfidence = Math.min(100, pct) / 100;
  const after = dayBound(f.seenAfter, false);
  if (after) out.seenAfter = after;
  const before = dayBound(f.seenBefore, true);
  if (before) out.seenBefore = before;
  return Object.keys(out).length ? out : null;
}

export function LinksSection({ id, onProvenance, selected }: { id: string; onProvenance: (linkId: string, opener: HTMLElement) => void; selected: string | null }) {
  const [form, setForm] = useState<LinkFilterForm>(EMPTY_FILTER);
  const paging = usePaging();
  const filter = toLinkFilter(form);
  const q = useQuery({
    queryKey: ['entity', 'links', id, filter, paging.after],
    queryFn: () => gql(EntityLinksDocument, { id, filter, first: PAGE, after: paging.after ?? null }),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<LinkFilterForm>) => { setForm((f) => ({ ...f, ...patch })); paging.reset(); };
  const conn = q.data?.node && 'links' in q.data.node ? q.data.node.links : null;
  const rows = conn?.edges ?? [];

  return (
    <section className="entity-section" aria-labelledby="entity-links-h" id="links">
      <header>
        <h2 id="entity-links-h">Links</h2>
        {conn && <span className="muted">{conn.totalCount.toLocaleString('en-GB')} {filter ? 'matching' : 'in all'}</span>}
      </header>
      <form className="filters" aria-label="Link filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Link types</legend>
          <div className="type-toggles">
            {LINK_TYPES.map((t) => (
              <label key={t}>
                <input
                  type="checkbox"
                  checked={form.types.includes(t)}
                  onChange={(e) => update({ types: e.target.checked ? [...form.types, t] : form.types.filter((x) => x !== t) })}
                />
                {linkTypeLabel(t)}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Min confidence (%)
          <input type="number" min={0} max={100} step={5} value={form.minConfidence} onChange={(e) => update({ minConfidence: e.target.value })} />
        </label>
        <label>
          Seen on or after
          <input type="date" value={form.seenAfter} onChange={(e) => update({ seenAfter: e.target.value })} />
        </label>
        <label>
          Seen on or before
          <input type="date" value={form.seenBefore} onChange={(e) => update({ seenBefore: e.target.value })} />
        </label>
        <div className="filters-actions">
          <button type="button" onClick={() => update(EMPTY_FILTER)} disabled={!filter}>Clear filters</button>
        </div>
      </form>
      {q.error ? (
        <p role="alert" className="error">Could not load links: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading links…</p>
      ) : rows.length === 0 ? (
        <p className="empty">{filter ? 'No links match these filters.' : 'No links you may see.'}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Links" aria-busy={q.isFetching || undefined}>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Linked entity</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
                <th scope="col">Confidence</th>
                <th scope="col">Marking</th>
                <th scope="col" className="num">Sources</th>
                <th scope="col"><span className="sr-only">Provenance</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ node: l }) => {
                const outgoing = l.from.id === id;
                const detail = [l.kind, l.role && enumLabel(l.role), l.count != null && count(l.count, 'contact')].filter(Boolean).join(' · ');
                return (
                  <tr key={l.id} className={selected === l.id ? 'selected' : undefined}>
                    <td className="nowrap">
                      <span title={outgoing ? 'From this entity' : 'To this entity'}>
                        {outgoing ? '' : '← '}{linkTypeLabel(l.type)}{outgoing ? ' →' : ''}
                      </span>
                      {detail && <span className="sub">{detail}</span>}
                    </td>
                    <td className="wide">
                      <Link to={entityPath(l.other.id)}>{l.other.label}</Link>
                      <span className="sub">{kindLabel(l.other.__typename)}</span>
                    </td>
                    <td className="nowrap">{formatDay(l.firstSeen) || <span className="muted">—</span>}</td>
                    <td className="nowrap">{formatDay(l.lastSeen) || <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      <span className="confidence">
                        <span className="confidence-bar" aria-hidden="true"><span style={{ width: formatConfidence(l.confidence) }} /></span>
                        {formatConfidence(l.confidence)}
                      </span>
                    </td>
                    <td><LinkMarkings sources={l.sources} /></td>
                    <td className="num">{l.sources.length}</td>
                    <td>
                      <button
                        type="button"
                        title={`Provenance of this ${linkTypeLabel(l.type)} link`}
                        aria-pressed={selected === l.id}
                        onClick={(e) => onProvenance(l.id, e.currentTarget)}
                      >
                        Provenance
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <Pager label="Links" paging={paging} size={PAGE} shown={rows.length} total={conn.totalCount}
          hasNext={conn.pageInfo.hasNextPage} endCursor={conn.pageInfo.endCursor} busy={q.isFetching} />
      )}
    </section>
  );
}
