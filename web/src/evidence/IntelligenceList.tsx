// Undeveloped (no action raised) or uncorroborated (no exhibit supports
// it) intelligence, paged on the server, newest first; each item opens its
// forward trace.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { ItemMarkings } from '../components/Badges';
import { enumLabel, formatDateTime } from '../entity/format';
import { Pager } from '../entity/Pager';
import { usePaging } from '../components/paging';
import { evidenceHref } from './links';
import { excerpt } from './format';
import { EvidenceIntelligenceListDocument } from './queries';

const PAGE = 12;

export const LIST_TEXT = {
  undeveloped: { title: 'Undeveloped intelligence', what: 'No action has been raised from these items.', empty: 'Every intelligence item you may see has an action raised from it.' },
  uncorroborated: { title: 'Uncorroborated intelligence', what: 'No exhibit supports these items: nothing downstream of them was evidenced.', empty: 'Every intelligence item you may see is supported by an exhibit.' },
} as const;

export function IntelligenceList({ operationId, kind, selected }: { operationId: string; kind: 'undeveloped' | 'uncorroborated'; selected: string | null }) {
  const [params] = useSearchParams();
  const paging = usePaging();
  const q = useQuery({
    queryKey: ['evidence', kind, operationId, paging.after],
    queryFn: () => gql(EvidenceIntelligenceListDocument, { operationId, undeveloped: kind === 'undeveloped', first: PAGE, after: paging.after ?? null }),
    placeholderData: keepPreviousData,
  });
  const op = q.data?.operation;
  const conn = kind === 'undeveloped' ? op?.undevelopedIntelligence : op?.uncorroboratedIntelligence;
  const rows = conn?.edges ?? [];
  const text = LIST_TEXT[kind];
  return (
    <section className="ev-list-pane" aria-labelledby="ev-intel-h">
      <h2 id="ev-intel-h" className="ev-list-title">{text.title} {conn && <span className="ev-count">{conn.totalCount.toLocaleString('en-GB')}</span>}</h2>
      <p className="muted ev-small">{text.what} Newest first. Select one to see forward what it led to.</p>
      {q.error ? (
        <p role="alert" className="ev-alert">Could not load the list: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="ev-empty">{text.empty}</p>
      ) : (
        <ul className="ev-pick-list" aria-label={text.title} aria-busy={q.isFetching || undefined}>
          {rows.map(({ node: it }) => (
            <li key={it.id}>
              <Link
                to={evidenceHref(params, { item: it.id })}
                className={it.id === selected ? 'ev-pick selected' : 'ev-pick'}
                aria-current={it.id === selected ? 'true' : undefined}
              >
                <span className="ev-pick-top">
                  <strong className="ev-pick-ref">{it.urn}</strong>
                  <span className="ev-pick-date">{formatDateTime(it.receivedAt)}</span>
                </span>
                <span className="ev-pick-marks"><ItemMarkings classification={it.classification} grading={it.grading} /> <span className="ev-pick-kind">{enumLabel(it.sourceType)}</span></span>
                <span className="ev-pick-text">{excerpt(it.sanitisedText, 150)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {conn && (
        <Pager label={text.title} paging={paging} size={PAGE} shown={rows.length} total={conn.totalCount}
          hasNext={conn.pageInfo.hasNextPage} endCursor={conn.pageInfo.endCursor} busy={q.isFetching} />
      )}
    </section>
  );
}
