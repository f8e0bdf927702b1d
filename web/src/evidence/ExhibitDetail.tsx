// One exhibit: its details, the chain back to the intelligence that led
// to it (drawn, and listed), and its continuity.
import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { useSession } from '../auth/session';
import { enumLabel, formatDate, formatDateTime } from '../entity/format';
import { ContinuitySection } from './ContinuitySection';
import { recordHref } from './links';
import { EvidenceExhibitDocument } from './queries';
import { buildTraceGraph, kindCounts, origins, recordRef, summarise } from './trace';
import { TraceDiagram } from './TraceDiagram';
import { BackChains, StepsTable, TraceNotes, type TraceNode } from './TraceViews';
import { disclosureLabel } from './format';

const RECORDERS = ['INVESTIGATOR', 'ACTION_MANAGER', 'SIO', 'DEPUTY_SIO'];

export function ExhibitDetail({ id }: { id: string }) {
  const { me } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['evidence', 'exhibit', id],
    queryFn: () => gql(EvidenceExhibitDocument, { id }),
  });
  const node = q.data?.node;
  const exhibit = node && node.__typename === 'Exhibit' ? node : null;
  const graph = useMemo(() => (exhibit ? buildTraceGraph<TraceNode>(exhibit.traceBack) : null), [exhibit]);

  useEffect(() => {
    if (exhibit) document.title = `Exhibit ${exhibit.reference} · Evidence · Keyline`;
  }, [exhibit]);

  if (q.isPending) return <div className="ev-detail-pane" aria-busy="true"><p className="muted">Loading the exhibit…</p></div>;
  if (q.error) {
    return (
      <div className="ev-detail-pane">
        <h2>Exhibit</h2>
        <p role="alert" className="ev-alert">Could not load the exhibit: {q.error.message}</p>
      </div>
    );
  }
  if (!exhibit || !graph) {
    return (
      <div className="ev-detail-pane">
        <h2>Exhibit not found</h2>
        <p>There is no exhibit here that you may see.</p>
      </div>
    );
  }
  const starts = origins(graph).filter((n) => n.id !== exhibit.id);
  const intel = starts.filter((n) => n.__typename === 'IntelligenceItem');
  const canRecord = !!me?.roles.some((r) => RECORDERS.includes(r));
  return (
    <div className="ev-detail-pane">
      <header className="ev-detail-head">
        <div>
          <p className="ev-eyebrow">Exhibit</p>
          <h2>{exhibit.reference} <span className="ev-h-kind">{enumLabel(exhibit.kind)}</span></h2>
          <p className="ev-lede">{exhibit.description}</p>
        </div>
        <span className={`ev-disclosure ev-disclosure-${exhibit.disclosureStatus.toLowerCase()}`}>{disclosureLabel(exhibit.disclosureStatus)}</span>
      </header>
      <dl className="ev-facts">
        <div><dt>Obtained</dt><dd>{exhibit.obtainedOn ? formatDate(exhibit.obtainedOn) : <span className="muted">not recorded</span>}</dd></div>
        <div><dt>Obtained by</dt><dd>{exhibit.obtainedBy ? <>{exhibit.obtainedBy.number} {exhibit.obtainedBy.title}{exhibit.obtainedBy.allocatedTo ? <span className="muted"> · {exhibit.obtainedBy.allocatedTo.name}</span> : null}</> : <span className="muted">no action you may see</span>}</dd></div>
        <div><dt>Disclosure</dt><dd>{disclosureLabel(exhibit.disclosureStatus)}{exhibit.sensitivityReason ? <>: {exhibit.sensitivityReason}</> : null}</dd></div>
        <div><dt>MOPI review</dt><dd>{exhibit.reviewDate ? formatDate(exhibit.reviewDate) : <span className="muted">none</span>}{exhibit.disposed ? ' · disposal decided' : ''}</dd></div>
        <div><dt>Last change</dt><dd>{formatDateTime(exhibit.updatedAt)} by {exhibit.updatedBy} <span className="muted">(version {exhibit.version})</span></dd></div>
      </dl>

      <section className="ev-panel" aria-labelledby="ev-trace-h">
        <header className="ev-panel-head">
          <h3 id="ev-trace-h">Trace back to the intelligence</h3>
          <span className="muted">
            {intel.length > 0
              ? `Led to by ${intel.map((n) => recordRef(n)).join(', ')}`
              : starts.length > 0 ? `Started from ${starts.map((n) => recordRef(n)).join(', ')}: no intelligence you may see` : 'Nothing behind it you may see'}
            {' · '}{summarise(kindCounts(graph, exhibit.id))} on the chain
          </span>
        </header>
        <TraceNotes truncated={graph.truncated} />
        {graph.edges.length > 0 && (
          <TraceDiagram
            graph={graph}
            rootId={exhibit.id}
            label="The chain, earliest on the left. Select an intelligence item or exhibit to open its trace; the same chain is listed below."
            onOpen={(n) => { const h = recordHref(params, n); if (h) navigate(h); }}
          />
        )}
        <h4 className="ev-sub">The chain, from the intelligence to the exhibit</h4>
        <BackChains graph={graph} rootId={exhibit.id} />
        <StepsTable graph={graph} caption={`Steps of the trace behind exhibit ${exhibit.reference}`} />
      </section>

      <ContinuitySection
        exhibitId={exhibit.id}
        reference={exhibit.reference}
        version={exhibit.version}
        events={exhibit.continuity}
        canRecord={canRecord}
        onReload={() => void q.refetch()}
        reloading={q.isFetching}
      />
    </div>
  );
}
