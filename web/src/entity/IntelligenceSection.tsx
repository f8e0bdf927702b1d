// Intelligence items that mention the entity, newest first, each with its
// markings (classification, 3x5x2 grade, handling code and conditions) and
// its text as the API gives it: the sanitised text, and the
// source-revealing text only where the caller's role is entitled to it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { gql } from '../api/client';
import { ItemMarkings } from '../components/Badges';
import { gradeWords } from '../provenance/LinkProvenance';
import { enumLabel, formatDateTime } from './format';
import { EntityIntelligenceDocument } from './queries';
import { usePaging } from '../components/paging';
import { Pager } from './Pager';

const PAGE = 10;

export function IntelligenceSection({ id }: { id: string }) {
  const paging = usePaging();
  const q = useQuery({
    queryKey: ['entity', 'intelligence', id, paging.after],
    queryFn: () => gql(EntityIntelligenceDocument, { id, first: PAGE, after: paging.after ?? null }),
    placeholderData: keepPreviousData,
  });
  const conn = q.data?.node && 'mentionedIn' in q.data.node ? q.data.node.mentionedIn : null;
  const items = conn?.edges ?? [];
  return (
    <section className="entity-section" aria-labelledby="entity-intel-h" id="intelligence">
      <header>
        <h2 id="entity-intel-h">Intelligence</h2>
        {conn && <span className="muted">{conn.totalCount.toLocaleString('en-GB')} {conn.totalCount === 1 ? 'item mentions' : 'items mention'} this entity, newest first</span>}
      </header>
      {q.error ? (
        <p role="alert" className="error">Could not load intelligence: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading intelligence…</p>
      ) : items.length === 0 ? (
        <p className="empty">No intelligence you may see mentions this entity.</p>
      ) : (
        <ol className="intel-list" aria-label="Intelligence items" aria-busy={q.isFetching || undefined}>
          {items.map(({ node: it }) => {
            const role = it.mentions.find((m) => m.entity.id === id)?.role;
            return (
              <li key={it.id} className={`intel-item${it.grading.handling === 'C' ? ' intel-c' : ''}`}>
                <div className="intel-head">
                  <span className="intel-urn mono">{it.urn}</span>
                  <ItemMarkings classification={it.classification} grading={it.grading} />
                  {role && <span className="muted">as {enumLabel(role).toLowerCase()}</span>}
                </div>
                <div className="intel-meta">
                  <span>Received {formatDateTime(it.receivedAt)}</span>
                  {it.reportedAt && <span>Reported {formatDateTime(it.reportedAt)}</span>}
                  <span>Source: {enumLabel(it.sourceType)}</span>
                  <span>Grade {gradeWords(it.grading)}</span>
                  {it.legacyGrading && <span>Original 5x5x5 grade {it.legacyGrading.code}</span>}
                </div>
                {it.grading.handling === 'C' && it.grading.conditions && (
                  <p className="intel-conditions"><strong>Handling conditions:</strong> {it.grading.conditions}</p>
                )}
                <p className="intel-text">{it.sanitisedText}</p>
                {it.sourceText && (
                  <div className="intel-restricted">
                    <span className="label">Source-revealing text (restricted)</span>
                    <p>{it.sourceText}</p>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {conn && (
        <Pager label="Intelligence" paging={paging} size={PAGE} shown={items.length} total={conn.totalCount}
          hasNext={conn.pageInfo.hasNextPage} endCursor={conn.pageInfo.endCursor} busy={q.isFetching} />
      )}
    </section>
  );
}
