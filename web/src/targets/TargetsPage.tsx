// Targets by priority (/targets): the tasking ranking of assessed targets
// (the operation's or the unit's) by band and score, with movement since
// the last review, owner, status and threat area, filtered on the server;
// the operation's register of every nominated target (assessed or not),
// paged, searched and sorted on the server; and the operation's policy file
// (?view=policy). Targets awaiting the DI's review, parked for later review,
// or with intelligence due its MOPI review are highlighted.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import type { EntityOrderField, SortDirection, TargetStatus, ThreatArea } from '../gql/graphql';
import { useOperation } from '../operation';
import {
  bandLabel, BANDS, retryUnavailable, formatDate, formatDateTime, formatScore, movement, reviewReasons, STATUS_LABEL, STATUSES, THREAT_AREAS, THREAT_LABEL,
} from './logic';
import { BandPill } from './PriorityBreakdown';
import { TargetsOwnersDocument, TargetsPolicyFileDocument, TargetsRankingDocument, TargetsRegisterDocument, TargetsReviewsDueDocument } from './queries';
import './targets.css';

const STATUS_PRESETS: Record<string, { label: string; statuses: TargetStatus[] | null }> = {
  any: { label: 'Any status', statuses: null },
  review: { label: 'Awaiting review (submitted, parked)', statuses: ['SUBMITTED', 'PARKED'] },
  active: { label: 'Active (adopted, under investigation)', statuses: ['ADOPTED', 'UNDER_INVESTIGATION'] },
  ...Object.fromEntries(STATUSES.map((s) => [s, { label: STATUS_LABEL[s], statuses: [s] }])),
};

const RANKING_STEP = 50;
const REGISTER_PAGE = 25;

export function TargetsPage() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'policy' ? 'policy' : 'ranking';
  const { operation } = useOperation();

  useEffect(() => {
    document.title = `${view === 'policy' ? 'Policy file' : 'Targets by priority'} · Keyline`;
  }, [view]);

  const tab = (v: 'ranking' | 'policy', label: string) => (
    <Link to={v === 'policy' ? '/targets?view=policy' : '/targets'} className={view === v ? 'tab active' : 'tab'} aria-current={view === v ? 'page' : undefined}
      onClick={() => { if (v === 'ranking') setParams({}); }}>
      {label}
    </Link>
  );

  return (
    <div className="targets-page">
      <header className="targets-header">
        <div>
          <h1>{view === 'policy' ? 'Policy file' : 'Targets by priority'}</h1>
          <p className="muted small">{operation ? `${operation.reference} · ${operation.name}` : 'No operation chosen'}</p>
        </div>
        <nav className="tabs" aria-label="Targets views">
          {tab('ranking', 'Ranking and register')}
          {tab('policy', 'Policy file')}
        </nav>
      </header>
      {!operation ? (
        <p className="empty">No operation is open to you here: you are not a member of one, or its record is above your clearance. Packages you may see still open from links to them.</p>
      ) : view === 'policy' ? (
        <PolicyFile opId={operation.id} />
      ) : (
        <Ranking opId={operation.id} opReference={operation.reference} />
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------

function useMopiDue(opId: string) {
  const q = useQuery({
    queryKey: ['targets', 'reviewsDue', opId],
    queryFn: () => gql(TargetsReviewsDueDocument, { op: opId }),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const bySubject = new Map<string, number>();
    for (const r of q.data?.operation?.reviewsDue ?? []) {
      if (r.record.__typename !== 'IntelligenceItem' || !('mentions' in r.record)) continue;
      const seen = new Set<string>();
      for (const m of r.record.mentions) {
        if (seen.has(m.entity.id)) continue;
        seen.add(m.entity.id);
        bySubject.set(m.entity.id, (bySubject.get(m.entity.id) ?? 0) + 1);
      }
    }
    return bySubject;
  }, [q.data]);
}

function DueTags({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return <>{reasons.map((r) => <span key={r} className="due-tag">{r}</span>)}</>;
}

function Ranking({ opId, opReference }: { opId: string; opReference: string }) {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'unit' ? 'unit' : 'operation';
  const band = params.get('band') ?? '';
  const statusKey = params.get('status') ?? 'any';
  const threat = (params.get('threat') ?? '') as ThreatArea | '';
  const owner = params.get('owner') ?? '';
  const [first, setFirst] = useState(RANKING_STEP);
  const mopi = useMopiDue(opId);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
    setFirst(RANKING_STEP);
  };

  const filter = {
    operationId: scope === 'operation' ? opId : null,
    statuses: STATUS_PRESETS[statusKey]?.statuses ?? null,
    threatArea: threat || null,
    ownerId: owner || null,
  };
  const q = useQuery({
    queryKey: ['targets', 'list', 'ranking', filter, first],
    queryFn: () => gql(TargetsRankingDocument, { filter, first }),
    placeholderData: keepPreviousData,
    retry: retryUnavailable,
  });
  const owners = useQuery({
    queryKey: ['targets', 'owners', opId],
    queryFn: () => gql(TargetsOwnersDocument, { op: opId }),
    staleTime: 300_000,
  });
  const ranked = q.data?.targetRanking ?? [];
  // The API ranks by score and filters status, threat area and owner; a band
  // is a slice of that order, kept here from what the server returned.
  const shown = band ? ranked.filter((r) => r.band === band) : ranked;
  const counts = BANDS.map((b) => ({ band: b, n: ranked.filter((r) => r.band === b).length }));
  const dueCount = ranked.filter((r) => reviewReasons(r.target.status, mopi.get(r.target.subject.id) ?? 0).length > 0).length;
  const filtered = !!(band || statusKey !== 'any' || threat || owner);

  return (
    <>
      <form className="filters" aria-label="Filter the ranking" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="scope">
          <legend>Scope</legend>
          <div className="seg">
            <label><input type="radio" name="scope" checked={scope === 'operation'} onChange={() => set('scope', '')} /> This operation</label>
            <label><input type="radio" name="scope" checked={scope === 'unit'} onChange={() => set('scope', 'unit')} /> The unit</label>
          </div>
        </fieldset>
        <label>Band
          <select value={band} onChange={(e) => set('band', e.target.value)}>
            <option value="">Any band</option>
            {BANDS.map((b) => <option key={b} value={b}>{bandLabel(b)}</option>)}
          </select>
        </label>
        <label>Status
          <select value={statusKey} onChange={(e) => set('status', e.target.value === 'any' ? '' : e.target.value)}>
            {Object.entries(STATUS_PRESETS).map(([k, p]) => <option key={k} value={k}>{p.label}</option>)}
          </select>
        </label>
        <label>Threat area
          <select value={threat} onChange={(e) => set('threat', e.target.value)}>
            <option value="">Any threat area</option>
            {THREAT_AREAS.map((t) => <option key={t} value={t}>{THREAT_LABEL[t]}</option>)}
          </select>
        </label>
        <label>Owner
          <select value={owner} onChange={(e) => set('owner', e.target.value)}>
            <option value="">Anyone</option>
            {(owners.data?.operation?.members.edges ?? []).map(({ node: o }) => <option key={o.id} value={o.id}>{o.name} ({o.rank})</option>)}
          </select>
        </label>
        {filtered && (
          <div className="filters-actions">
            <button type="button" onClick={() => { setParams(scope === 'unit' ? { scope: 'unit' } : {}, { replace: true }); setFirst(RANKING_STEP); }}>Clear filters</button>
          </div>
        )}
      </form>

      <section className="targets-section" aria-labelledby="ranking-h">
        <header>
          <h2 id="ranking-h">Ranking <span className="count">{shown.length}{ranked.length === first ? '+' : ''}</span></h2>
          <p className="band-summary" aria-label="Targets per band">
            {counts.map((c) => <span key={c.band}><BandPill band={c.band} /> {c.n}</span>)}
            {dueCount > 0 && <span className="due-summary">{dueCount} need review</span>}
          </p>
        </header>
        <p className="muted small">Assessed targets, highest priority first (the tasking order). Ranked {scope === 'unit' ? 'across every operation you may see' : `within ${opReference}`}. Movement is the change in score since the last review.</p>
        {q.error ? (
          <p role="alert" className="error">Could not load the ranking: {q.error.message}</p>
        ) : q.isPending ? (
          <p className="muted" aria-busy="true">Loading the ranking…</p>
        ) : shown.length === 0 ? (
          <p className="empty">{ranked.length === 0 ? 'No assessed target matches. Targets appear here once assessed; the register below lists every nominated target.' : 'No target in this band.'}</p>
        ) : (
          <table className="tgt-table ranking-table" aria-busy={q.isFetching || undefined}>
            <caption className="sr-only">Targets ranked by priority score, highest first; targets needing review are marked</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Rank</th>
                <th scope="col">Target</th>
                <th scope="col">Band</th>
                <th scope="col" className="num">Score</th>
                <th scope="col">Movement</th>
                <th scope="col">Status</th>
                <th scope="col">Threat areas</th>
                <th scope="col">Owner</th>
                {scope === 'unit' && <th scope="col">Operation</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const reasons = reviewReasons(r.target.status, mopi.get(r.target.subject.id) ?? 0);
                const m = movement(r.movement);
                return (
                  <tr key={r.target.id} className={reasons.length ? 'needs-review' : undefined}>
                    <td className="num">{r.rank}</td>
                    <td className="wide">
                      <Link to={`/targets/${encodeURIComponent(r.target.id)}`}>{r.target.subject.label}</Link>
                      <div><DueTags reasons={reasons} /></div>
                    </td>
                    <td><BandPill band={r.band} /></td>
                    <td className="num">{formatScore(r.score)}</td>
                    <td className={`movement movement-${m.direction}`} title={m.description}><span aria-hidden="true">{m.text}</span><span className="sr-only">{m.description}</span></td>
                    <td>{STATUS_LABEL[r.target.status]}</td>
                    <td>{r.target.threatAreas.map((t) => THREAT_LABEL[t]).join(', ')}</td>
                    <td>{r.target.owner?.name ?? '—'}</td>
                    {scope === 'unit' && <td className="mono">{r.target.operation.reference}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {ranked.length === first && !band && (
          <button type="button" onClick={() => setFirst((n) => n + RANKING_STEP)} disabled={q.isFetching}>Show the next {RANKING_STEP}</button>
        )}
      </section>

      <Register opId={opId} opReference={opReference} mopi={mopi} />
    </>
  );
}

// ---------------------------------------------------------------------------
// Register: every nominated target of the operation
// ---------------------------------------------------------------------------

const SORTS: Record<string, { label: string; field: EntityOrderField; direction: SortDirection }> = {
  'updated-desc': { label: 'Recently changed first', field: 'UPDATED_AT', direction: 'DESC' },
  'created-desc': { label: 'Newest nomination first', field: 'CREATED_AT', direction: 'DESC' },
  'created-asc': { label: 'Oldest nomination first', field: 'CREATED_AT', direction: 'ASC' },
  'label-asc': { label: 'Name A–Z', field: 'LABEL', direction: 'ASC' },
  'label-desc': { label: 'Name Z–A', field: 'LABEL', direction: 'DESC' },
};

function Register({ opId, opReference, mopi }: { opId: string; opReference: string; mopi: Map<string, number> }) {
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [sort, setSort] = useState('updated-desc');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const page = cursors.length - 1;
  const s = SORTS[sort];
  const q = useQuery({
    queryKey: ['targets', 'list', 'register', opId, applied, sort, after],
    queryFn: () => gql(TargetsRegisterDocument, {
      op: opId, filter: applied ? { search: applied } : null, orderBy: { field: s.field, direction: s.direction }, first: REGISTER_PAGE, after,
    }),
    placeholderData: keepPreviousData,
    retry: retryUnavailable,
  });
  const conn = q.data?.operation?.targets;
  const rows = conn?.edges ?? [];
  const total = conn?.totalCount ?? 0;

  return (
    <section className="targets-section" aria-labelledby="register-h">
      <header>
        <h2 id="register-h">Register <span className="count">{total}</span></h2>
        <form className="register-tools" role="search" aria-label="Search the register" onSubmit={(e) => { e.preventDefault(); setApplied(search.trim()); setCursors([null]); }}>
          <label htmlFor="register-search" className="sr-only">Search targets by name</label>
          <input id="register-search" type="search" placeholder="Name, alias, identifier" value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit">Search</button>
          <label htmlFor="register-sort" className="small">Sort</label>
          <select id="register-sort" value={sort} onChange={(e) => { setSort(e.target.value); setCursors([null]); }}>
            {Object.entries(SORTS).map(([k, v]) => <option key={k} value={k}>{v.label}</option>)}
          </select>
        </form>
      </header>
      <p className="muted small">Every target nominated in {opReference}, assessed or not.</p>
      {q.error ? (
        <p role="alert" className="error">Could not load the register: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading the register…</p>
      ) : rows.length === 0 ? (
        <p className="empty">{applied ? `No target matches “${applied}”.` : 'No targets nominated yet.'}</p>
      ) : (
        <table className="tgt-table" aria-busy={q.isFetching || undefined}>
          <caption className="sr-only">Nominated targets of {opReference}, {SORTS[sort].label.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">Target</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Movement</th>
              <th scope="col">Threat areas</th><th scope="col">Owner</th><th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node: t }) => {
              const reasons = reviewReasons(t.status, mopi.get(t.subject.id) ?? 0);
              const m = movement(t.movement);
              return (
                <tr key={t.id} className={reasons.length ? 'needs-review' : undefined}>
                  <td className="wide">
                    <Link to={`/targets/${encodeURIComponent(t.id)}`}>{t.subject.label}</Link>
                    <div><DueTags reasons={reasons} /></div>
                  </td>
                  <td>{STATUS_LABEL[t.status]}</td>
                  <td><BandPill band={t.priority?.band} score={t.priority?.score} /></td>
                  <td className={`movement movement-${m.direction}`} title={m.description}><span aria-hidden="true">{m.text}</span><span className="sr-only">{m.description}</span></td>
                  <td>{t.threatAreas.map((a) => THREAT_LABEL[a]).join(', ')}</td>
                  <td>{t.owner?.name ?? '—'}</td>
                  <td className="nowrap">{formatDate(t.updatedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager label="Register" page={page} size={REGISTER_PAGE} shown={rows.length} total={total} hasNext={!!conn?.pageInfo.hasNextPage}
        onPrevious={() => setCursors((c) => c.slice(0, -1))} onNext={() => conn?.pageInfo.endCursor && setCursors((c) => [...c, conn.pageInfo.endCursor!])} busy={q.isFetching} />
    </section>
  );
}

function Pager({ label, page, size, shown, total, hasNext, onPrevious, onNext, busy }: {
  label: string; page: number; size: number; shown: number; total: number; hasNext: boolean; onPrevious: () => void; onNext: () => void; busy: boolean;
}): ReactNode {
  if (page === 0 && !hasNext) return null;
  const start = page * size + 1;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <span aria-live="polite">{shown ? `${start}–${start + shown - 1} of ${total}` : `0 of ${total}`}</span>
      <button type="button" onClick={onPrevious} disabled={page === 0 || busy}>‹ Previous</button>
      <button type="button" onClick={onNext} disabled={!hasNext || busy}>Next ›</button>
    </nav>
  );
}

// ---------------------------------------------------------------------------
// Policy file
// ---------------------------------------------------------------------------

const POLICY_PAGE = 25;

function PolicyFile({ opId }: { opId: string }) {
  const { hash } = useLocation();
  const highlight = hash.replace(/^#/, '');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const q = useQuery({
    queryKey: ['targets', 'policy', opId, after],
    queryFn: () => gql(TargetsPolicyFileDocument, { op: opId, first: POLICY_PAGE, after }),
    placeholderData: keepPreviousData,
    retry: retryUnavailable,
  });
  const conn = q.data?.operation?.decisions;
  const rows = conn?.edges ?? [];

  useEffect(() => {
    if (highlight && rows.some((r) => r.node.id === highlight)) {
      document.getElementById(highlight)?.scrollIntoView({ block: 'center' });
    }
  }, [highlight, rows]);

  return (
    <section className="targets-section" aria-labelledby="policy-h">
      <header>
        <h2 id="policy-h">Decisions <span className="count">{conn?.totalCount ?? ''}</span></h2>
      </header>
      <p className="muted small">Every SIO decision with its rationale, newest first. Decisions are immutable: a correction is a new decision that supersedes the old one. Target reviews are recorded here.</p>
      {q.error ? (
        <p role="alert" className="error">Could not load the policy file: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading the policy file…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No decisions recorded yet.</p>
      ) : (
        <table className="tgt-table policy-table">
          <caption className="sr-only">Policy file decisions, newest first</caption>
          <thead><tr><th scope="col">Made</th><th scope="col">Decision</th><th scope="col">Rationale</th><th scope="col">By</th></tr></thead>
          <tbody>
            {rows.map(({ node: d }) => (
              <tr key={d.id} id={d.id} className={d.id === highlight ? 'highlight' : undefined} aria-current={d.id === highlight ? 'true' : undefined}>
                <td className="nowrap">{formatDateTime(d.madeAt)}</td>
                <td className="wide">
                  {d.decision}
                  {d.lineOfEnquiry && <p className="muted small">Line of enquiry: {d.lineOfEnquiry.title}</p>}
                  {d.supersedes && <p className="muted small">Supersedes: {d.supersedes.decision}</p>}
                </td>
                <td className="wide">{d.rationale}</td>
                <td>{d.author ? d.author.name : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Policy file" page={cursors.length - 1} size={POLICY_PAGE} shown={rows.length} total={conn?.totalCount ?? 0} hasNext={!!conn?.pageInfo.hasNextPage}
        onPrevious={() => setCursors((c) => c.slice(0, -1))} onNext={() => conn?.pageInfo.endCursor && setCursors((c) => [...c, conn.pageInfo.endCursor!])} busy={q.isFetching} />
    </section>
  );
}
