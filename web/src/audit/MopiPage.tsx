// The MOPI review queue (/audit/mopi): intelligence items and exhibits of
// an operation due for review on or before a date (the API returns at most
// 200, earliest first), sorted and paged here, each with its decisions so
// far. The SIO or deputy SIO records retain (with the next review date) or
// dispose, with the reason; everyone else sees the queue read only. A
// decision sent against a record someone else changed meanwhile is
// refused (CONFLICT): the form says so and keeps what was typed.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { useSession } from '../auth/session';
import { ClassificationBadge, HandlingBadge } from '../components/Badges';
import { formatDate } from '../entity/format';
import { useOperation } from '../operation';
import { AuditNav } from './AuditNav';
import { formatInstant } from './detail';
import { EMPTY_SEARCH, isDay, nextDay, searchToParams, ukToday } from './filters';
import { officerBySubject, useOfficers, useOperations } from './lookups';
import { MopiReviewsDueDocument } from './queries';
import {
  describeFailure, draftInput, EMPTY_DRAFT, mayDecide, pageOf, recordKindLabel, recordReference, recordRetention, sortDue,
  validateDraft, type DraftErrors, type RetentionDraft, type ReviewDueRow, type Sort, type SortKey,
} from './retention';
import './audit.css';

const PAGE = 25;

export function MopiPage() {
  const { me } = useSession();
  const { operation: current } = useOperation();
  const operations = useOperations();
  const [params, setParams] = useSearchParams();
  useEffect(() => { document.title = 'MOPI review · Keyline'; }, []);

  const ops = operations.data ?? [];
  const wanted = params.get('operation');
  const opId = (wanted && ops.some((o) => o.id === wanted) ? wanted : null)
    ?? (current && ops.some((o) => o.id === current.id) ? current.id : null)
    ?? ops[0]?.id ?? null;
  const dueParam = params.get('dueBy') ?? '';
  const dueBy = isDay(dueParam) ? dueParam : ukToday();
  const canDecide = mayDecide(me?.roles ?? []);
  const id = useId();

  const setParam = (k: string, v: string | null) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    setParams(p);
  };

  return (
    <div className="audit-page">
      <AuditNav />
      <header className="audit-head">
        <h1>MOPI review queue</h1>
        <p className="muted">
          Intelligence and exhibits whose review date has come: retain each for a policing purpose until its next review, or dispose of it.
        </p>
      </header>
      {!canDecide && (
        <p className="audit-readonly" role="note">
          <strong>Read only.</strong> MOPI decisions are recorded by the SIO or deputy SIO; your role
          ({(me?.roles ?? []).map((r) => r.toLowerCase().replace(/_/g, ' ')).join(', ') || 'none'}) may see the queue but not decide.
        </p>
      )}
      <form className="audit-filters mopi-filters" onSubmit={(e) => e.preventDefault()} aria-label="Review queue">
        <div className="audit-field">
          <label htmlFor={`${id}-op`}>Operation</label>
          <select id={`${id}-op`} value={opId ?? ''} onChange={(e) => setParam('operation', e.target.value)} disabled={ops.length === 0}>
            {ops.length === 0 && <option value="">{operations.isPending ? 'Loading…' : 'No operations'}</option>}
            {ops.map((o) => <option key={o.id} value={o.id}>{o.reference} {o.name}</option>)}
          </select>
        </div>
        <div className="audit-field">
          <label htmlFor={`${id}-due`}>Due on or before</label>
          <input id={`${id}-due`} type="date" value={dueBy} onChange={(e) => setParam('dueBy', e.target.value && e.target.value !== ukToday() ? e.target.value : null)} />
        </div>
        {dueParam && <button type="button" onClick={() => setParam('dueBy', null)}>Due today</button>}
      </form>
      {operations.error && <p role="alert" className="audit-alert">Could not load operations: {operations.error.message}</p>}
      {opId && <Queue key={`${opId}|${dueBy}`} operationId={opId} dueBy={dueBy} canDecide={canDecide} />}
    </div>
  );
}

function Queue({ operationId, dueBy, canDecide }: { operationId: string; dueBy: string; canDecide: boolean }) {
  const q = useQuery({
    queryKey: ['mopi', 'due', operationId, dueBy],
    queryFn: () => gql(MopiReviewsDueDocument, { operationId, dueBy }),
    staleTime: 0,
  });
  const officers = useOfficers();
  const bySubject = useMemo(() => officerBySubject(officers.data), [officers.data]);
  const [sort, setSort] = useState<Sort>({ key: 'reviewDate', dir: 'asc' });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  // Drafts survive a reload of the queue (kept by record id).
  const [drafts, setDrafts] = useState<Record<string, RetentionDraft>>({});
  const [done, setDone] = useState<string | null>(null);
  const heading = useId();
  const panelId = useId();
  const opener = useRef<HTMLButtonElement | null>(null);

  const rows = q.data?.operation?.reviewsDue ?? [];
  const sorted = useMemo(() => sortDue(rows, sort), [rows, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const shown = pageOf(sorted, Math.min(page, pages - 1), PAGE);
  const overdue = rows.filter((r) => r.overdue).length;
  const openRow = rows.find((r) => r.record.id === open) ?? null;

  const sortBy = (key: SortKey) => {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
    setPage(0);
  };
  const th = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort" onClick={() => sortBy(key)}>
        {label}<span aria-hidden="true">{sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );

  if (q.isPending) return <p className="muted" aria-live="polite">Loading the review queue…</p>;
  if (q.error) return <p role="alert" className="audit-alert">Could not load the review queue: {q.error.message} <button type="button" onClick={() => void q.refetch()}>Try again</button></p>;
  if (!q.data?.operation) return <p role="alert" className="audit-alert">This operation is not available to you.</p>;

  return (
    <div className={`audit-results${openRow || open ? ' with-detail' : ''}`}>
      <section className="audit-table-wrap" aria-labelledby={heading} aria-busy={q.isFetching}>
        <div className="audit-toolbar">
          <h2 id={heading}>
            Due by {formatDate(dueBy)} <span className="count">{rows.length} {rows.length === 1 ? 'record' : 'records'}{overdue ? `, ${overdue} overdue` : ''}</span>
          </h2>
          <div className="audit-toolbar-right">
            <button type="button" onClick={() => void q.refetch()} disabled={q.isFetching}>Refresh</button>
          </div>
        </div>
        {done && <p role="status" className="audit-done">{done}</p>}
        {rows.length >= 200 && (
          <p className="audit-note">The queue shows the first 200 due (earliest first); decide these, or choose an earlier date, to see the rest.</p>
        )}
        {rows.length === 0 ? (
          <p className="audit-empty">Nothing is due for review on or before {formatDate(dueBy)}.</p>
        ) : (
          <table className="audit-table mopi-table">
            <caption className="sr-only">Records due for MOPI review, sorted by {sort.key}</caption>
            <thead>
              <tr>
                {th('reviewDate', 'Review date')}
                {th('reference', 'Record')}
                <th scope="col">Summary</th>
                {th('classification', 'Marking')}
                <th scope="col">Last decision</th>
                <th scope="col"><span className="sr-only">Decision</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const last = r.record.__typename === 'IntelligenceItem' || r.record.__typename === 'Exhibit' ? r.record.retention.at(-1) : undefined;
                const ref = recordReference(r.record);
                return (
                  <tr key={r.record.id} className={open === r.record.id ? 'audit-row-selected' : ''}>
                    <td className="nowrap">
                      {formatDate(r.reviewDate)}
                      {r.overdue && <div><span className="audit-overdue">Overdue</span></div>}
                    </td>
                    <td className="mopi-record">
                      <div className="small muted">{recordKindLabel(r.record)}</div>
                      <div className="nowrap">{ref}</div>
                      <Link className="mono small audit-id" to={`/audit?${searchToParams({ ...EMPTY_SEARCH, record: r.record.id })}`} title={`${r.record.id}: its audit trail`}>{r.record.id}</Link>
                    </td>
                    <td className="mopi-summary">{summary(r)}</td>
                    <td>
                      {r.record.__typename === 'IntelligenceItem' ? (
                        <span className="markings">
                          <ClassificationBadge value={r.record.classification} />
                          <HandlingBadge code={r.record.grading.handling} conditions={r.record.grading.conditions} />
                        </span>
                      ) : <span className="muted small">—</span>}
                    </td>
                    <td className="small">
                      {last ? <>{last.decision === 'RETAIN' ? 'Retained' : 'Disposed'} {formatInstant(last.decidedAt).slice(0, 11)}<div className="muted">{bySubject.get(last.decidedBy)?.name ?? last.decidedBy}</div></> : <span className="muted">None yet</span>}
                    </td>
                    <td>
                      <button
                        type="button" className={canDecide ? 'primary' : ''} aria-expanded={open === r.record.id}
                        aria-controls={open === r.record.id ? panelId : undefined}
                        aria-label={`${canDecide ? 'Review' : 'View'} ${recordKindLabel(r.record).toLowerCase()} ${ref}`}
                        onClick={(e) => { opener.current = e.currentTarget; setDone(null); setOpen((c) => (c === r.record.id ? null : r.record.id)); }}
                      >{canDecide ? 'Review' : 'View'}</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {pages > 1 && (
          <nav className="audit-pager" aria-label="Review queue pages">
            <span aria-live="polite">{`${(page * PAGE + 1)}–${page * PAGE + shown.length} of ${sorted.length}`}</span>
            <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>‹ Previous</button>
            <button type="button" disabled={page >= pages - 1} onClick={() => setPage((p) => p + 1)}>Next ›</button>
          </nav>
        )}
      </section>
      {open && (
        <DecisionPanel
          key={open}
          id={panelId}
          recordId={open}
          row={openRow}
          canDecide={canDecide}
          draft={drafts[open] ?? EMPTY_DRAFT}
          setDraft={(d) => setDrafts((all) => ({ ...all, [open]: d }))}
          reload={() => q.refetch()}
          reloading={q.isFetching}
          officerName={(s) => bySubject.get(s)?.name ?? s}
          onClose={() => { setOpen(null); opener.current?.focus(); }}
          onDone={(message) => {
            setDrafts((all) => { const rest = { ...all }; delete rest[open]; return rest; });
            setOpen(null);
            setDone(message);
            void q.refetch();
          }}
        />
      )}
    </div>
  );
}

function summary(r: ReviewDueRow): string {
  if (r.record.__typename === 'IntelligenceItem') return r.record.sanitisedText;
  if (r.record.__typename === 'Exhibit') return `${r.record.kind}: ${r.record.description}`;
  return '';
}

function DecisionPanel({ id, recordId, row, canDecide, draft, setDraft, reload, reloading, officerName, onClose, onDone }: {
  id: string; recordId: string; row: ReviewDueRow | null; canDecide: boolean;
  draft: RetentionDraft; setDraft: (d: RetentionDraft) => void;
  reload: () => Promise<unknown>; reloading: boolean;
  officerName: (subject: string) => string;
  onClose: () => void; onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<{ kind: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const fid = useId();
  useEffect(() => { heading.current?.focus(); }, []);

  const today = ukToday();
  const record = row?.record;
  const version = record && (record.__typename === 'IntelligenceItem' || record.__typename === 'Exhibit') ? record.version : null;
  const history = record && (record.__typename === 'IntelligenceItem' || record.__typename === 'Exhibit') ? record.retention : [];
  const ref = record ? recordReference(record) : recordId;

  const set = <K extends keyof RetentionDraft>(k: K, v: RetentionDraft[K]) => {
    setDraft({ ...draft, [k]: v });
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setReloaded(false);
    const v = validateDraft(draft, today);
    setErrors(v);
    if (Object.keys(v).length) {
      setFormError({ kind: 'input', text: 'Check the decision: ' + Object.values(v).join(' ') });
      return;
    }
    if (version == null) return;
    setBusy(true);
    try {
      await recordRetention({ id: recordId, expectedVersion: version, input: draftInput(draft) });
      void queryClient.invalidateQueries({ queryKey: ['entity'] });
      onDone(draft.decision === 'RETAIN'
        ? `${ref} retained; next review ${formatDate(draft.nextReviewDate)}.`
        : `${ref} marked for disposal.`);
    } catch (err) {
      const f = describeFailure(err);
      setErrors(f.fields);
      setFormError(f.form ? { kind: f.kind, text: f.form } : { kind: 'input', text: 'Check the decision: ' + Object.values(f.fields).join(' ') });
    } finally {
      setBusy(false);
    }
  };

  const doReload = async () => {
    await reload();
    setFormError(null);
    setReloaded(true);
  };

  const err = (k: keyof DraftErrors) => errors[k] ? <span id={`${fid}-${k}-err`} className="audit-field-error">{errors[k]}</span> : null;
  const described = (k: keyof DraftErrors) => (errors[k] ? `${fid}-${k}-err` : undefined);

  return (
    <aside className="audit-detail" id={id} aria-labelledby={`${fid}-h`}>
      <header className="audit-detail-head">
        <h2 id={`${fid}-h`} ref={heading} tabIndex={-1}>{canDecide ? 'Review' : 'Record'} {ref}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the review">×</button>
      </header>
      {!row ? (
        <p role="alert" className="audit-alert">
          This record is no longer due on or before the chosen date: someone may have decided it already. Refresh the queue to see it as it is now.
        </p>
      ) : (
        <>
          <dl className="audit-props">
            <dt>Kind</dt><dd>{recordKindLabel(row.record)}</dd>
            <dt>Review date</dt><dd>{formatDate(row.reviewDate)}{row.overdue && <> <span className="audit-overdue">Overdue</span></>}</dd>
            {row.record.__typename === 'IntelligenceItem' && (<>
              <dt>Marking</dt>
              <dd className="markings">
                <ClassificationBadge value={row.record.classification} />
                <HandlingBadge code={row.record.grading.handling} conditions={row.record.grading.conditions} />
                <span className="small muted">{row.record.grading.code}</span>
              </dd>
              <dt>Received</dt><dd>{formatInstant(row.record.receivedAt)}</dd>
            </>)}
            {row.record.__typename === 'Exhibit' && (<>
              <dt>Obtained</dt><dd>{row.record.obtainedOn ? formatDate(row.record.obtainedOn) : <span className="muted">—</span>}</dd>
            </>)}
            <dt>Summary</dt><dd>{summary(row)}</dd>
            <dt>Version</dt><dd>{version}</dd>
          </dl>
          <section aria-labelledby={`${fid}-hist`}>
            <h3 id={`${fid}-hist`}>Decisions so far</h3>
            {history.length === 0 ? <p className="muted">None: this is its first review.</p> : (
              <ol className="mopi-history">
                {history.map((h, i) => (
                  <li key={i}>
                    <strong>{h.decision === 'RETAIN' ? 'Retain' : 'Dispose'}</strong> · {formatInstant(h.decidedAt)} · {officerName(h.decidedBy)}
                    {h.nextReviewDate && <> · next review {formatDate(h.nextReviewDate)}</>}
                    <div>{h.rationale}</div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
      {canDecide ? (
        <form className="mopi-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${fid}-decide`}>
          <h3 id={`${fid}-decide`}>Decision</h3>
          <fieldset className={errors.decision ? "invalid" : undefined} aria-describedby={described("decision")}>
            <legend>Retain or dispose</legend>
            <label className="audit-check">
              <input type="radio" name={`${fid}-decision`} value="RETAIN" checked={draft.decision === 'RETAIN'} onChange={() => set('decision', 'RETAIN')} />
              Retain for a policing purpose until the next review
            </label>
            <label className="audit-check">
              <input type="radio" name={`${fid}-decision`} value="DISPOSE" checked={draft.decision === 'DISPOSE'} onChange={() => set('decision', 'DISPOSE')} />
              Dispose: no longer needed for a policing purpose
            </label>
            {err('decision')}
          </fieldset>
          <div className="audit-field">
            <label htmlFor={`${fid}-rationale`}>Reason</label>
            <textarea
              id={`${fid}-rationale`} rows={4} value={draft.rationale} onChange={(e) => set('rationale', e.target.value)}
              aria-invalid={errors.rationale ? true : undefined} aria-describedby={[`${fid}-rationale-hint`, described('rationale')].filter(Boolean).join(' ')}
            />
            <span id={`${fid}-rationale-hint`} className="small muted">The policing purpose it is kept for, or why that no longer applies.</span>
            {err('rationale')}
          </div>
          {draft.decision !== 'DISPOSE' && (
            <div className="audit-field">
              <label htmlFor={`${fid}-next`}>Next review date{draft.decision === 'RETAIN' ? '' : ' (to retain)'}</label>
              <input
                id={`${fid}-next`} type="date" min={nextDay(today)} value={draft.nextReviewDate}
                onChange={(e) => set('nextReviewDate', e.target.value)}
                aria-invalid={errors.nextReviewDate ? true : undefined} aria-describedby={described('nextReviewDate')}
              />
              {err('nextReviewDate')}
            </div>
          )}
          {formError && (
            <div role="alert" className={`audit-alert${formError.kind === 'conflict' ? ' conflict' : ''}`}>
              {formError.text}
              {formError.kind === 'conflict' && (
                <div><button type="button" onClick={() => void doReload()} disabled={reloading}>Reload the record</button></div>
              )}
            </div>
          )}
          {reloaded && row && <p role="status" className="audit-done">Reloaded: version {version}. Check the record, then record your decision again.</p>}
          <div className="audit-filter-buttons">
            <button type="submit" className="primary" disabled={busy || !row}>{busy ? 'Recording…' : 'Record decision'}</button>
            <button type="button" onClick={onClose}>Cancel</button>
          </div>
        </form>
      ) : (
        <p className="audit-readonly small">Only the SIO or deputy SIO may record a decision on this record.</p>
      )}
    </aside>
  );
}

