// One intelligence item: its markings and text, and forward what it led
// to (actions raised from it, their follow-ups, exhibits obtained and
// intelligence produced), drawn and listed.
import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { ItemMarkings } from '../components/Badges';
import { enumLabel, formatDate, formatDateTime } from '../entity/format';
import { gradeWords } from '../provenance/LinkProvenance';
import { recordHref } from './links';
import { EvidenceItemDocument } from './queries';
import { buildTraceGraph, kindCounts, summarise } from './trace';
import { TraceDiagram } from './TraceDiagram';
import { ForwardTree, StepsTable, TraceNotes, type TraceNode } from './TraceViews';

export function ItemTrace({ id }: { id: string }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['evidence', 'item', id],
    queryFn: () => gql(EvidenceItemDocument, { id }),
  });
  const node = q.data?.node;
  const item = node && node.__typename === 'IntelligenceItem' ? node : null;
  const graph = useMemo(() => (item ? buildTraceGraph<TraceNode>(item.traceForward) : null), [item]);

  useEffect(() => {
    if (item) document.title = `${item.urn} · Evidence · Keyline`;
  }, [item]);

  if (q.isPending) return <div className="ev-detail-pane" aria-busy="true"><p className="muted">Loading the intelligence item…</p></div>;
  if (q.error) {
    return (
      <div className="ev-detail-pane">
        <h2>Intelligence item</h2>
        <p role="alert" className="ev-alert">Could not load the intelligence item: {q.error.message}</p>
      </div>
    );
  }
  if (!item || !graph) {
    return (
      <div className="ev-detail-pane">
        <h2>Intelligence item not found</h2>
        <p>There is no intelligence item here that you may see.</p>
      </div>
    );
  }
  const counts = kindCounts(graph, item.id);
  const led = graph.downstream.get(item.id)?.length ?? 0;
  return (
    <div className="ev-detail-pane">
      <header className="ev-detail-head">
        <div>
          <p className="ev-eyebrow">Intelligence item</p>
          <h2>{item.urn}</h2>
        </div>
        <ItemMarkings classification={item.classification} grading={item.grading} />
      </header>
      <dl className="ev-facts">
        <div><dt>Grade</dt><dd>{gradeWords(item.grading)}{item.legacyGrading ? <span className="muted"> (graded {item.legacyGrading.code} under 5x5x5)</span> : null}</dd></div>
        {item.grading.conditions && <div><dt>Handling conditions</dt><dd>{item.grading.conditions}</dd></div>}
        <div><dt>Source</dt><dd>{enumLabel(item.sourceType)}</dd></div>
        <div><dt>Received</dt><dd>{formatDateTime(item.receivedAt)}{item.reportedAt ? <span className="muted"> · about {formatDateTime(item.reportedAt)}</span> : null}</dd></div>
        <div><dt>MOPI review</dt><dd>{item.reviewDate ? formatDate(item.reviewDate) : <span className="muted">none</span>}{item.disposed ? ' · disposal decided' : ''}</dd></div>
      </dl>
      <blockquote className="ev-quote">{item.sanitisedText}</blockquote>
      {item.sourceText && (
        <div className="ev-source-text">
          <p className="ev-eyebrow">Source-revealing text (your role is entitled to it)</p>
          <blockquote className="ev-quote">{item.sourceText}</blockquote>
        </div>
      )}

      <section className="ev-panel" aria-labelledby="ev-forward-h">
        <header className="ev-panel-head">
          <h3 id="ev-forward-h">What it led to</h3>
          <span className="muted">{led === 0 ? 'Nothing you may see was raised from it' : `${summarise(counts)} you may see`}</span>
        </header>
        <TraceNotes truncated={graph.truncated} />
        {graph.edges.length > 0 ? (
          <>
            <TraceDiagram
              graph={graph}
              rootId={item.id}
              label="What the item led to, the item on the left. Select an exhibit or intelligence item to open its trace; the same is listed below."
              onOpen={(n) => { const h = recordHref(params, n); if (h) navigate(h); }}
            />
            <h4 className="ev-sub">Forward from {item.urn}</h4>
            <ForwardTree graph={graph} rootId={item.id} />
            <StepsTable graph={graph} caption={`Steps forward from ${item.urn}`} />
          </>
        ) : (
          <p className="ev-empty">No action you may see has been raised from this item.</p>
        )}
      </section>
    </div>
  );
}
