// The operation's exhibits, searched and paged on the server, as a list to
// pick one from.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { enumLabel, formatDate } from '../entity/format';
import { Pager } from '../entity/Pager';
import { usePaging } from '../components/paging';
import { evidenceHref } from './links';
import { disclosureLabel } from './format';
import { EvidenceExhibitsDocument } from './queries';

const PAGE = 15;

export function ExhibitList({ operationId, selected }: { operationId: string; selected: string | null }) {
  const [params] = useSearchParams();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const paging = usePaging();
  const { reset } = paging;
  useEffect(() => {
    const t = setTimeout(() => setSearch(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  // A new search starts from its first page.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => reset(), [search]);
  const q = useQuery({
    queryKey: ['evidence', 'exhibits', operationId, search, paging.after],
    queryFn: () => gql(EvidenceExhibitsDocument, {
      operationId, filter: search ? { search } : null, first: PAGE, after: paging.after ?? null,
    }),
    placeholderData: keepPreviousData,
  });
  const conn = q.data?.operation?.exhibits;
  const rows = conn?.edges ?? [];
  return (
    <section className="ev-list-pane" aria-labelledby="ev-exhibits-h">
      <h2 id="ev-exhibits-h" className="ev-list-title">Exhibits {conn && <span className="ev-count">{conn.totalCount.toLocaleString('en-GB')}</span>}</h2>
      <form role="search" className="ev-search" onSubmit={(e) => { e.preventDefault(); setSearch(text.trim()); }}>
        <label htmlFor="ev-exhibit-search">Find an exhibit</label>
        <input id="ev-exhibit-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Reference, kind or description" />
      </form>
      {q.error ? (
        <p role="alert" className="ev-alert">Could not load the exhibits: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading exhibits…</p>
      ) : rows.length === 0 ? (
        <p className="ev-empty">{search ? `No exhibit you may see matches “${search}”.` : 'No exhibits you may see in this operation.'}</p>
      ) : (
        <ul className="ev-pick-list" aria-label="Exhibits" aria-busy={q.isFetching || undefined}>
          {rows.map(({ node: x }) => (
            <li key={x.id}>
              <Link
                to={evidenceHref(params, { exhibit: x.id })}
                className={x.id === selected ? 'ev-pick selected' : 'ev-pick'}
                aria-current={x.id === selected ? 'true' : undefined}
              >
                <span className="ev-pick-top">
                  <strong className="ev-pick-ref">{x.reference}</strong>
                  <span className="ev-pick-kind">{enumLabel(x.kind)}</span>
                  {x.obtainedOn && <span className="ev-pick-date">{formatDate(x.obtainedOn)}</span>}
                </span>
                <span className="ev-pick-text">{x.description}</span>
                <span className={`ev-disclosure ev-disclosure-${x.disclosureStatus.toLowerCase()}`}>{disclosureLabel(x.disclosureStatus)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {conn && (
        <Pager label="Exhibits" paging={paging} size={PAGE} shown={rows.length} total={conn.totalCount}
          hasNext={conn.pageInfo.hasNextPage} endCursor={conn.pageInfo.endCursor} busy={q.isFetching} />
      )}
    </section>
  );
}
