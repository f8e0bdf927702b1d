// The evidence screen (/evidence): how the operation's intelligence became
// evidence. Exhibits, each traced back through the actions to the graded
// intelligence that led to it, with its continuity; intelligence items
// traced forward to what they produced; the undeveloped and uncorroborated
// intelligence; and the conversion figures. State lives in the query:
// ?view=exhibits|undeveloped|uncorroborated, &exhibit=ID or &item=ID.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { useOperation } from '../operation';
import { ExhibitDetail } from './ExhibitDetail';
import { ExhibitList } from './ExhibitList';
import { IntelligenceList } from './IntelligenceList';
import { ItemTrace } from './ItemTrace';
import { evidenceHref, parseView, type EvidenceView } from './links';
import { EvidenceConversionDocument } from './queries';
import { formatRate } from './trace';
import './evidence.css';

const TABS: { view: EvidenceView; label: string }[] = [
  { view: 'exhibits', label: 'Exhibits' },
  { view: 'undeveloped', label: 'Undeveloped intelligence' },
  { view: 'uncorroborated', label: 'Uncorroborated intelligence' },
];

export function EvidencePage() {
  const { operation } = useOperation();
  const [params] = useSearchParams();
  const view = parseView(params.get('view'));
  const exhibit = params.get('exhibit');
  const item = params.get('item');

  useEffect(() => {
    if (!exhibit && !item) document.title = 'Evidence · Keyline';
  }, [exhibit, item]);

  if (!operation) {
    return (
      <div className="ev-page">
        <h1>Evidence</h1>
        <p className="ev-empty">You are not a member of an operation you are cleared to see, so there is no evidence to show.</p>
      </div>
    );
  }
  return (
    <div className="ev-page">
      <header className="ev-page-head">
        <div>
          <p className="ev-crumbs">{operation.reference} · {operation.name}</p>
          <h1>Evidence</h1>
          <p className="muted ev-small">From graded intelligence, through actions, to exhibits and their continuity. Items you may not see are not shown.</p>
        </div>
        <Conversion operationId={operation.id} />
      </header>
      <nav className="ev-tabs" aria-label="Evidence views">
        {TABS.map((t) => (
          <Link key={t.view} to={evidenceHref(params, { view: t.view })} aria-current={t.view === view ? 'page' : undefined} className={t.view === view ? 'active' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="ev-layout">
        {view === 'exhibits'
          ? <ExhibitList operationId={operation.id} selected={exhibit} />
          : <IntelligenceList key={view} operationId={operation.id} kind={view} selected={item} />}
        <div className="ev-main">
          {item ? <ItemTrace key={item} id={item} />
            : exhibit ? <ExhibitDetail key={exhibit} id={exhibit} />
            : <Prompt view={view} />}
        </div>
      </div>
    </div>
  );
}

function Prompt({ view }: { view: EvidenceView }) {
  return (
    <div className="ev-detail-pane ev-prompt">
      <h2>{view === 'exhibits' ? 'Choose an exhibit' : 'Choose an intelligence item'}</h2>
      <p className="muted">
        {view === 'exhibits'
          ? 'Pick an exhibit from the list to see the chain back through the actions to the graded intelligence that led to it, and its continuity.'
          : 'Pick an item from the list to see forward what it led to: actions raised from it, their follow-ups, exhibits obtained and intelligence produced.'}
      </p>
    </div>
  );
}

function Conversion({ operationId }: { operationId: string }) {
  const q = useQuery({
    queryKey: ['evidence', 'conversion', operationId],
    queryFn: () => gql(EvidenceConversionDocument, { operationId }),
  });
  const c = q.data?.operation?.intelligenceConversion;
  if (q.error) return <p role="alert" className="ev-alert">Could not load the conversion figures: {q.error.message}</p>;
  if (!c) return <div className="ev-figures" aria-busy="true" />;
  return (
    <section className="ev-figures" aria-labelledby="ev-conv-h">
      <h2 id="ev-conv-h" className="sr-only">Intelligence conversion</h2>
      <dl>
        <div><dt>Intelligence items</dt><dd>{c.items.toLocaleString('en-GB')}</dd></div>
        <div><dt>Developed</dt><dd>{c.developed.toLocaleString('en-GB')} <span>{formatRate(c.developmentRate)} with an action</span></dd></div>
        <div><dt>Evidenced</dt><dd>{c.evidenced.toLocaleString('en-GB')} <span>{formatRate(c.conversionRate)} led to an exhibit</span></dd></div>
      </dl>
    </section>
  );
}
