// A link's provenance: what the link says (type, ends, kind/role/count,
// first and last seen, confidence) and every source the caller may see,
// each with its markings. Sources the caller may not see are not listed
// and nothing about them is inferred; the link's marking is the strictest
// over the visible ones. Fits the link chart's side panel (~360px).
import { useEffect, useId, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { gql } from '../api/client';
import { ItemMarkings, LinkMarkings } from '../components/Badges';
import type { ProvenanceLinkQuery } from '../gql/graphql';
import { enumLabel, entityPath, formatConfidence, formatDate, formatDateTime, kindLabel, linkTypeLabel } from '../entity/format';
import { isNotFound } from '../entity/EntityCard';
import { ProvenanceLinkDocument } from './queries';
import '../entity/entity.css';
import './provenance.css';

type LinkNode = Extract<NonNullable<ProvenanceLinkQuery['node']>, { __typename: 'Link' }>;
type SourceNode = LinkNode['sources'][number];

export function LinkProvenance({ id, onClose }: { id: string; onClose?: () => void }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const q = useQuery({
    queryKey: ['provenance', id],
    queryFn: () => gql(ProvenanceLinkDocument, { id }),
  });
  const link = q.data?.node?.__typename === 'Link' ? (q.data.node as LinkNode) : null;

  // Opening the panel (or another link in it) takes the reader to its heading.
  const closable = !!onClose;
  useEffect(() => {
    if (closable) headingRef.current?.focus({ preventScroll: true });
  }, [id, closable]);

  return (
    <section
      className="provenance"
      aria-label="Link provenance"
      aria-busy={q.isPending || undefined}
      onKeyDown={(e) => { if (e.key === 'Escape' && onClose) { e.stopPropagation(); onClose(); } }}
    >
      <div className="provenance-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>Link provenance</h2>
        {onClose && (
          <button type="button" className="icon-button" aria-label="Close link provenance" title="Close" onClick={onClose}>×</button>
        )}
      </div>
      {q.isPending ? (
        <p className="muted">Loading…</p>
      ) : q.error && !isNotFound(q.error) ? (
        <p role="alert" className="error">Could not load this link: {q.error.message}</p>
      ) : !link ? (
        <>
          <p className="provenance-notfound"><strong>Not found</strong></p>
          <p className="muted">No link with this id, or none you may see.</p>
        </>
      ) : (
        <LinkDetails link={link} />
      )}
    </section>
  );
}

function EntityRef({ e }: { e: { __typename: string; id: string; label: string } }) {
  return (
    <span className="provenance-end">
      <span className="entity-kind">{kindLabel(e.__typename)}</span>
      <Link to={entityPath(e.id)}>{e.label}</Link>
    </span>
  );
}

function LinkDetails({ link }: { link: LinkNode }) {
  const intel = link.sources.filter((s) => s.__typename === 'IntelligenceItem').length;
  const exhibits = link.sources.length - intel;
  const facts: [string, string][] = [];
  if (link.kind) facts.push(['Kind', link.kind]);
  if (link.role) facts.push(['Role', enumLabel(link.role)]);
  if (link.count != null) facts.push(['Contacts', link.count.toLocaleString('en-GB')]);
  facts.push(['First seen', formatDateTime(link.firstSeen) || 'not recorded']);
  facts.push(['Last seen', formatDateTime(link.lastSeen) || 'not recorded']);
  facts.push(['Confidence', formatConfidence(link.confidence)]);
  return (
    <>
      <div className="provenance-ends">
        <EntityRef e={link.from} />
        <span className="provenance-type" aria-label={`${linkTypeLabel(link.type)}, to`}>
          <span aria-hidden="true">↓ </span>{linkTypeLabel(link.type)}<span aria-hidden="true"> ↓</span>
        </span>
        <EntityRef e={link.to} />
      </div>
      <dl className="props props-compact">
        {facts.map(([k, v]) => (
          <div className="prop" key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
        <div className="prop">
          <dt>Marking</dt>
          <dd><LinkMarkings sources={link.sources} /></dd>
        </div>
      </dl>
      <h3 className="provenance-sources-title">
        Sources <span className="muted">({sourceSummary(intel, exhibits)})</span>
      </h3>
      <p className="provenance-note" role="note">
        Only the sources you may see are listed; the link's marking is the strictest of these.
        First and last seen, confidence and count are the link's own, over all its sources.
      </p>
      {link.sources.length === 0 ? (
        <p className="muted">No source you may see.</p>
      ) : (
        <ol className="provenance-sources">
          {link.sources.map((s, i) => <SourceItem key={'id' in s ? s.id : i} source={s} />)}
        </ol>
      )}
    </>
  );
}

export function sourceSummary(intel: number, exhibits: number): string {
  const parts: string[] = [];
  if (intel) parts.push(`${intel} intelligence ${intel === 1 ? 'item' : 'items'}`);
  if (exhibits) parts.push(`${exhibits} ${exhibits === 1 ? 'exhibit' : 'exhibits'}`);
  return parts.length ? parts.join(', ') : 'none visible';
}

function SourceItem({ source: s }: { source: SourceNode }) {
  if (s.__typename === 'IntelligenceItem') {
    return (
      <li className="source source-intel">
        <div className="source-head">
          <span className="source-ref mono">{s.urn}</span>
          <ItemMarkings classification={s.classification} grading={s.grading} />
        </div>
        <dl className="source-meta">
          <div><dt>Source</dt><dd>{enumLabel(s.sourceType)}</dd></div>
          <div><dt>Grade</dt><dd>{gradeWords(s.grading)}{s.legacyGrading ? ` (5x5x5 ${s.legacyGrading.code})` : ''}</dd></div>
          <div><dt>Received</dt><dd>{formatDateTime(s.receivedAt)}</dd></div>
          {s.reportedAt && <div><dt>Reported</dt><dd>{formatDateTime(s.reportedAt)}</dd></div>}
          {s.grading.handling === 'C' && s.grading.conditions && (
            <div className="source-conditions"><dt>Conditions</dt><dd>{s.grading.conditions}</dd></div>
          )}
        </dl>
        <p className="source-text">{s.sanitisedText}</p>
        {s.sourceText && (
          <div className="source-restricted">
            <p className="source-restricted-label">Source-revealing text (restricted)</p>
            <p className="source-text">{s.sourceText}</p>
          </div>
        )}
      </li>
    );
  }
  if (s.__typename === 'Exhibit') {
    return (
      <li className="source source-exhibit">
        <div className="source-head">
          <span className="source-ref mono">Exhibit {s.reference}</span>
          <span className="badge badge-none">{enumLabel(s.exhibitKind)}</span>
        </div>
        <dl className="source-meta">
          {s.obtainedOn && <div><dt>Obtained</dt><dd>{formatDate(s.obtainedOn)}</dd></div>}
          <div><dt>Disclosure</dt><dd>{enumLabel(s.disclosureStatus)}</dd></div>
        </dl>
        <p className="source-text">{s.description}</p>
      </li>
    );
  }
  return null;
}

const SOURCE_WORDS: Record<string, string> = { '1': 'reliable', '2': 'untested', '3': 'not reliable' };
const ASSESSMENT_WORDS: Record<string, string> = {
  A: 'known directly', B: 'known indirectly, corroborated', C: 'known indirectly', D: 'not known', E: 'suspected false',
};

/** `2B P` with its meaning: `2B P: untested source; known indirectly, corroborated`. */
export function gradeWords(g: { code: string; source: string; assessment: string }): string {
  const s = SOURCE_WORDS[g.source];
  const a = ASSESSMENT_WORDS[g.assessment];
  return s && a ? `${g.code}: ${s} source; ${a}` : g.code;
}
