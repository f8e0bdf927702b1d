// The NIM sections of a level 2 target package, as the API assembles them:
// subject profile, criminal activity, lifestyle, associations (with a small
// chart), the intelligence picture by grade (markings on every item),
// computed gaps and risks, actions, evidence and tactical options. Each
// link and item carries its markings; nothing is shown that the API did not
// return.
import { Fragment, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ItemMarkings, LinkMarkings } from '../components/Badges';
import type { TargetsPackageQuery } from '../gql/graphql';
import { AssociationsChart, type ChartAssociate } from './AssociationsChart';
import { formatDate, formatDateTime, gradeWords, humanise, isDue, percent, sourceLabel, STATUS_LABEL, THREAT_LABEL } from './logic';

type Node = NonNullable<TargetsPackageQuery['node']>;
export type TargetNode = Extract<Node, { __typename: 'Target' }>;
export type Pkg = TargetNode['package'];
type Linked = Pkg['associations'][number];
type LinkLike = Linked['link'];
type EntityLike = { __typename: string; id: string; label: string };

export const SECTIONS = [
  { id: 'profile', title: 'Subject profile' },
  { id: 'activity', title: 'Criminal activity' },
  { id: 'lifestyle', title: 'Lifestyle' },
  { id: 'associations', title: 'Associations' },
  { id: 'intelligence', title: 'Intelligence picture' },
  { id: 'gaps-risks', title: 'Gaps and risks' },
  { id: 'actions', title: 'Actions' },
  { id: 'evidence', title: 'Evidence' },
  { id: 'tactical', title: 'Tactical options' },
] as const;

function Section({ id, title, count, children, extra }: { id: string; title: string; count?: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <section className="pkg-section" id={id} aria-labelledby={`${id}-h`}>
      <header>
        <h2 id={`${id}-h`}>{title}{count != null && <span className="count">{count}</span>}</h2>
        {extra}
      </header>
      {children}
    </section>
  );
}

const entityPath = (id: string) => `/entities/${encodeURIComponent(id)}`;

function EntityLink({ id, label }: { id: string; label: string }) {
  return <Link to={entityPath(id)}>{label}</Link>;
}

function relation(l: LinkLike): string {
  if (l.type === 'ASSOCIATE_OF' && l.kind) return `${humanise(l.kind)} associate`;
  if (l.type === 'MEMBER_OF') return l.role ? `Member (${l.role.toLowerCase()})` : 'Member';
  return [humanise(l.type), l.kind ? l.kind.toLowerCase() : null, l.role ? l.role.toLowerCase() : null].filter(Boolean).join(' · ');
}

function Sources({ link }: { link: LinkLike }) {
  const intel = link.sources.filter((s) => s.__typename === 'IntelligenceItem');
  const exhibits = link.sources.filter((s) => s.__typename === 'Exhibit');
  const title = [...intel.map((s) => ('urn' in s ? s.urn : '')), ...exhibits.map((s) => ('reference' in s ? `exhibit ${s.reference}` : ''))].join(', ');
  return (
    <span className="sources" title={title || undefined}>
      <LinkMarkings sources={link.sources} />
      <span className="muted small source-count">{intel.length} {intel.length === 1 ? 'item' : 'items'}{exhibits.length ? `, ${exhibits.length} exhibit${exhibits.length === 1 ? '' : 's'}` : ''}</span>
    </span>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

// ---------------------------------------------------------------------------

export function SubjectProfile({ target }: { target: TargetNode }) {
  const s = target.package.subject;
  const rows: [string, ReactNode][] = [];
  if (s.__typename === 'Person') {
    rows.push(['Name', `${s.givenNames} ${s.familyName}`]);
    if (s.aliases.length) rows.push(['Aliases', s.aliases.join(', ')]);
    rows.push(['Date of birth', formatDate(s.dateOfBirth)]);
    if (s.pncId) rows.push(['PNC id', <span className="mono">{s.pncId}</span>]);
    if (s.identifiers.length) rows.push(['Identifiers', s.identifiers.join(', ')]);
    if (s.personDescription) rows.push(['Description', s.personDescription]);
  } else if (s.__typename === 'Organisation') {
    rows.push(['Name', s.name], ['Kind', humanise(s.orgKind)]);
    if (s.reference) rows.push(['Reference', s.reference]);
    if (s.orgDescription) rows.push(['Description', s.orgDescription]);
  }
  rows.push(
    ['NIM level', humanise(target.nimLevel)],
    ['Threat areas', target.threatAreas.map((t) => THREAT_LABEL[t] ?? t).join(', ') || '—'],
    ['Status', STATUS_LABEL[target.status]],
    ['Package owner', target.owner ? target.owner.name : '—'],
  );
  return (
    <Section id="profile" title="Subject profile">
      {target.package.warningMarkers.length > 0 && (
        <p className="warning-markers">
          <span className="sr-only">Warning markers: </span>
          {target.package.warningMarkers.map((m) => <span key={m} className="marker">⚠ {humanise(m)}</span>)}
        </p>
      )}
      <dl className="props">
        {rows.map(([k, v]) => (
          <div key={k} className="prop"><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      {target.rationale && (
        <div className="nomination">
          <h3>Why nominated</h3>
          <p>{target.rationale}</p>
        </div>
      )}
      <p className="muted small">Subject record: <EntityLink id={s.id} label={s.label} /></p>
    </Section>
  );
}

export function CriminalActivity({ pkg }: { pkg: Pkg }) {
  const rows = pkg.criminalActivity;
  return (
    <Section id="activity" title="Criminal activity" count={rows.length}>
      {rows.length === 0 ? <Empty>No events recorded for the subject that you may see.</Empty> : (
        <table className="tgt-table">
          <caption className="sr-only">Events the subject was involved in or present at, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Subject's part</th><th scope="col" className="num">Confidence</th><th scope="col">Sources</th></tr></thead>
          <tbody>
            {rows.map(({ entity: e, link }) => (
              <tr key={link.id}>
                <td className="nowrap">{e.__typename === 'Event' ? formatDateTime(e.occurredAt) : formatDateTime(link.firstSeen)}</td>
                <td className="wide">
                  {e.__typename === 'Event' && <span className="kind-tag">{humanise(e.kind)}</span>}{' '}
                  <EntityLink id={e.id} label={e.__typename === 'Event' ? e.summary : e.label} />
                  {e.__typename === 'Event' && e.crimeNumber && <span className="muted small"> · crime {e.crimeNumber}</span>}
                </td>
                <td>{relation(link)}</td>
                <td className="num">{percent(link.confidence)}</td>
                <td><Sources link={link} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function LinkedTable<E extends EntityLike>({ caption, rows, describe }: { caption: string; rows: readonly { entity: E; link: LinkLike }[]; describe?: (e: E) => string | null }) {
  if (rows.length === 0) return <Empty>None recorded that you may see.</Empty>;
  return (
    <table className="tgt-table">
      <caption className="sr-only">{caption}</caption>
      <thead><tr><th scope="col">Entity</th><th scope="col">Link</th><th scope="col">Last seen</th><th scope="col" className="num">Confidence</th><th scope="col">Sources</th></tr></thead>
      <tbody>
        {rows.map(({ entity: e, link }) => (
          <tr key={link.id}>
            <td className="wide"><EntityLink id={e.id} label={e.label} />{describe?.(e) && <span className="muted small"> · {describe(e)}</span>}</td>
            <td>{relation(link)}</td>
            <td className="nowrap">{formatDate(link.lastSeen)}</td>
            <td className="num">{percent(link.confidence)}</td>
            <td><Sources link={link} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Lifestyle({ pkg }: { pkg: Pkg }) {
  const l = pkg.lifestyle;
  const n = l.locations.length + l.communications.length + l.vehicles.length;
  return (
    <Section id="lifestyle" title="Lifestyle" count={n}>
      <h3>Geography <span className="count">{l.locations.length}</span></h3>
      <LinkedTable caption="Residences, frequented places and premises" rows={l.locations}
        describe={(e) => ('locationKind' in e ? [humanise(e.locationKind), e.postcode].filter(Boolean).join(', ') : null)} />
      <h3>Communications <span className="count">{l.communications.length}</span></h3>
      <LinkedTable caption="Phones, handsets, emails and handles used" rows={l.communications}
        describe={(e) => ('commsKind' in e ? humanise(e.commsKind) : null)} />
      <h3>Vehicles <span className="count">{l.vehicles.length}</span></h3>
      <LinkedTable caption="Vehicles driven or kept" rows={l.vehicles}
        describe={(e) => ('vrm' in e ? [e.colour, e.make, e.model].filter(Boolean).join(' ') : null)} />
    </Section>
  );
}

export function Associations({ target }: { target: TargetNode }) {
  const pkg = target.package;
  const rows = pkg.associations;
  const associates = useMemo<ChartAssociate[]>(() => rows.map(({ entity: e, link }) => ({
    id: e.id, label: e.label, kind: e.__typename, relation: link.kind ?? link.role ?? humanise(link.type),
    confidence: link.confidence,
    handlingC: link.sources.some((s) => s.__typename === 'IntelligenceItem' && 'grading' in s && s.grading.handling === 'C'),
  })), [rows]);
  return (
    <Section id="associations" title="Associations" count={rows.length}>
      {rows.length === 0 ? <Empty>No associates or groups recorded that you may see.</Empty> : (
        <div className="assoc">
          <AssociationsChart subject={{ id: pkg.subject.id, label: pkg.subject.label, kind: pkg.subject.__typename }} associates={associates} />
          <table className="tgt-table">
            <caption className="sr-only">Associates and organisation memberships, strongest first</caption>
            <thead><tr><th scope="col">Associate</th><th scope="col">Kind or role</th><th scope="col" className="num">Confidence</th><th scope="col">Sources</th></tr></thead>
            <tbody>
              {rows.map(({ entity: e, link }) => (
                <tr key={link.id}>
                  <td className="wide">
                    <EntityLink id={e.id} label={e.label} />
                    {e.__typename === 'Person' && e.warningMarkers.length > 0 && (
                      <span className="marker-inline" title={`Warning markers: ${e.warningMarkers.map(humanise).join(', ')}`}> ⚠ {e.warningMarkers.map(humanise).join(', ')}</span>
                    )}
                  </td>
                  <td>{relation(link)}</td>
                  <td className="num">{percent(link.confidence)}</td>
                  <td><Sources link={link} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function IntelligencePicture({ pkg }: { pkg: Pkg }) {
  const intel = pkg.intelligence;
  const groups = useMemo(() => {
    const order = intel.byGrade.map((g) => g.key);
    const by = new Map<string, typeof intel.items>();
    for (const it of intel.items) {
      const k = it.grading.code;
      by.set(k, [...(by.get(k) ?? []), it]);
      if (!order.includes(k)) order.push(k);
    }
    return order.filter((k) => by.has(k)).map((k) => ({ grade: k, items: by.get(k)! }));
  }, [intel]);
  const max = Math.max(1, ...intel.byGrade.map((g) => g.count));
  return (
    <Section id="intelligence" title="Intelligence picture" count={intel.total}
      extra={<span className="muted small">{intel.corroborated} corroborated by evidence · newest received {formatDateTime(intel.latestReceivedAt)}</span>}>
      {intel.handlingConditions.length > 0 && (
        <div className="conditions" role="note" aria-labelledby="conditions-h">
          <h3 id="conditions-h">Handling conditions that travel with this package</h3>
          <ul>{intel.handlingConditions.map((c) => <li key={c}>{c}</li>)}</ul>
        </div>
      )}
      {intel.byGrade.length > 0 && (
        <table className="by-grade">
          <caption>Items by 3x5x2 grade, strongest first</caption>
          <thead><tr><th scope="col">Grade</th><th scope="col">Meaning</th><th scope="col" className="num">Items</th><th scope="col"><span className="sr-only">Share</span></th></tr></thead>
          <tbody>
            {intel.byGrade.map((g) => (
              <tr key={g.key}>
                <th scope="row"><a href={`#grade-${g.key.replace(/\s/g, '')}`} className="mono">{g.key}</a></th>
                <td className="muted small">{gradeWords(g.key)}</td>
                <td className="num">{g.count}</td>
                <td className="grade-bar">
                  <svg viewBox={`0 0 ${max} 8`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y="0" width={g.count} height="8" className={g.key.endsWith('C') ? 'bar-c' : 'bar-p'} />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {intel.items.length === 0 ? <Empty>No intelligence about the subject that you may see.</Empty> : (
        <table className="tgt-table intel-table">
          <caption className="sr-only">Intelligence items about the subject, grouped by grade, newest first within each grade</caption>
          <thead>
            <tr><th scope="col">URN</th><th scope="col">Markings</th><th scope="col">Received</th><th scope="col">Source</th><th scope="col">Report</th><th scope="col">MOPI review</th></tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.grade} id={`grade-${g.grade.replace(/\s/g, '')}`}>
              <tr className="group-row"><th scope="rowgroup" colSpan={6}>Grade <span className="mono">{g.grade}</span> · {g.items.length} {g.items.length === 1 ? 'item' : 'items'}</th></tr>
              {g.items.map((it) => (
                <tr key={it.id} className={it.grading.handling === 'C' ? 'handling-c-row' : undefined} data-classification={it.classification}>
                  <td className="mono nowrap">{it.urn}</td>
                  <td>
                    <ItemMarkings classification={it.classification} grading={it.grading} />
                    {it.legacyGrading && <span className="muted small legacy" title="Original 5x5x5 grade, preserved as recorded"> 5x5x5 {it.legacyGrading.code}</span>}
                  </td>
                  <td className="nowrap">{formatDate(it.receivedAt)}</td>
                  <td>{sourceLabel(it.sourceType)}</td>
                  <td className="wide">
                    {it.sanitisedText}
                    {it.grading.handling === 'C' && it.grading.conditions && <p className="item-conditions"><strong>Conditions:</strong> {it.grading.conditions}</p>}
                    {it.sourceText && (
                      <details className="source-text">
                        <summary>Source-revealing text (SIO and deputy SIO only)</summary>
                        <p>{it.sourceText}</p>
                      </details>
                    )}
                  </td>
                  <td className="nowrap">{it.reviewDate ? <>{formatDate(it.reviewDate)}{isDue(it.reviewDate) && <><br /><span className="due-tag">review due</span></>}</> : '—'}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </Section>
  );
}

function Findings({ items, kind }: { items: Pkg['gaps']; kind: 'gap' | 'risk' }) {
  if (items.length === 0) return <Empty>{kind === 'gap' ? 'No intelligence gaps found.' : 'No risks found.'}</Empty>;
  return (
    <ul className={`findings findings-${kind}`}>
      {items.map((f) => (
        <li key={f.code}>
          <strong>{humanise(f.code)}</strong> <span className="mono muted small">{f.code}</span>
          <p>{f.description}</p>
          {f.entities.length > 0 && (
            <p className="small">About: {f.entities.map((e, i) => <Fragment key={e.id}>{i > 0 && ', '}<EntityLink id={e.id} label={e.label} /></Fragment>)}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function GapsAndRisks({ pkg }: { pkg: Pkg }) {
  return (
    <Section id="gaps-risks" title="Gaps and risks" count={pkg.gaps.length + pkg.risks.length}>
      <div className="two-col">
        <div>
          <h3>Risks <span className="count">{pkg.risks.length}</span></h3>
          <Findings items={pkg.risks} kind="risk" />
        </div>
        <div>
          <h3>Intelligence gaps <span className="count">{pkg.gaps.length}</span></h3>
          <Findings items={pkg.gaps} kind="gap" />
        </div>
      </div>
    </Section>
  );
}

export function Actions({ pkg }: { pkg: Pkg }) {
  const a = pkg.actions;
  return (
    <Section id="actions" title="Actions" count={a.items.length}
      extra={<span className="small"><span>{a.open} open</span> · <span className={a.overdue ? 'error' : undefined}>{a.overdue} overdue</span> · <span>{a.done} done</span></span>}>
      {a.items.length === 0 ? <Empty>No actions about the subject.</Empty> : (
        <table className="tgt-table">
          <caption className="sr-only">Actions about the subject, by number</caption>
          <thead><tr><th scope="col">No.</th><th scope="col">Action</th><th scope="col">Priority</th><th scope="col">Status</th><th scope="col">Due</th><th scope="col">Allocated to</th></tr></thead>
          <tbody>
            {a.items.map((x) => (
              <tr key={x.id}>
                <td className="mono">{x.number}</td>
                <td className="wide">{x.title}</td>
                <td>{humanise(x.priority)}</td>
                <td>{humanise(x.status)}</td>
                <td className="nowrap">{formatDate(x.dueDate)}{x.overdue && <><br /><span className="due-tag">overdue</span></>}</td>
                <td>{x.allocatedTo?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function Evidence({ pkg }: { pkg: Pkg }) {
  return (
    <Section id="evidence" title="Evidence" count={pkg.evidence.length}>
      {pkg.evidence.length === 0 ? <Empty>No exhibits obtained by these actions.</Empty> : (
        <table className="tgt-table">
          <caption className="sr-only">Exhibits obtained by the actions about the subject</caption>
          <thead><tr><th scope="col">Reference</th><th scope="col">Kind</th><th scope="col">Description</th><th scope="col">Obtained</th><th scope="col">Disclosure</th></tr></thead>
          <tbody>
            {pkg.evidence.map((x) => (
              <tr key={x.id}>
                <td className="mono">{x.reference}</td>
                <td>{humanise(x.kind)}</td>
                <td className="wide">{x.description}</td>
                <td className="nowrap">{formatDate(x.obtainedOn)}</td>
                <td>
                  {humanise(x.disclosureStatus)}
                  {x.sensitivityReason && <p className="small muted">MG6D reason: {x.sensitivityReason}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function TacticalOptions({ pkg }: { pkg: Pkg }) {
  const kinds = ['PREVENTION', 'DISRUPTION', 'ENFORCEMENT'] as const;
  return (
    <Section id="tactical" title="Tactical options" count={pkg.tacticalOptions.length}>
      {pkg.tacticalOptions.length === 0 ? <Empty>No tactical options recorded yet (the analyst records them).</Empty> : (
        <div className="three-col">
          {kinds.map((k) => {
            const opts = pkg.tacticalOptions.filter((o) => o.kind === k);
            return (
              <div key={k}>
                <h3>{humanise(k)} <span className="count">{opts.length}</span></h3>
                {opts.length === 0 ? <p className="muted small">None.</p> : (
                  <ul className="options">
                    {opts.map((o, i) => (
                      <li key={i}>{o.description}<span className="muted small"> — {o.recordedBy}, {formatDate(o.recordedAt)}</span></li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
    </Section>
  );
}
