// The audit trail (/audit), for the auditor / professional standards and
// the SIO: who read, changed, searched, analysed or exported what, when
// and why. The search is in the URL; the server filters and pages (newest
// first), so the trail is never loaded whole. An event opens in a detail
// panel; an event about material above the reader's clearance or
// handling shows who, when, what and which record, and says its values
// are withheld. The search's events export as CSV, built here page by page
// up to a stated cap.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, gql, saveBlob } from '../api/client';
import { useSession } from '../auth/session';
import { AuditDetail } from './AuditDetail';
import { AuditFilters } from './AuditFilters';
import { AuditNav } from './AuditNav';
import { auditCsvRows, buildCsv, collectEvents, EXPORT_CAP, exportFilename, type AuditEventRow } from './csv';
import { formatInstant, kindName } from './detail';
import {
  actionLabel, EMPTY_SEARCH, isEmptySearch, QUESTION_ACTIONS, recordRoute, searchFromParams, searchKey, searchToParams, toFilter,
  type AuditSearch,
} from './filters';
import { officerBySubject, operationById, signingOfficers, useOfficers, useOperations } from './lookups';
import { AuditTrailDocument } from './queries';
import './audit.css';

const PAGE_SIZES = [25, 50, 100];

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => searchFromParams(params), [params]);
  const key = searchKey(search);
  const sizeParam = Number(params.get('size'));
  const size = PAGE_SIZES.includes(sizeParam) ? sizeParam : 25;
  useEffect(() => { document.title = 'Audit trail · Keyline'; }, []);

  const apply = useCallback((s: AuditSearch, pageSize = size) => {
    const p = searchToParams(s);
    if (pageSize !== 25) p.set('size', String(pageSize));
    setParams(p);
  }, [setParams, size]);

  return (
    <div className="audit-page">
      <AuditNav />
      <header className="audit-head">
        <h1>Audit trail</h1>
        <p className="muted">
          Every change, every read of intelligence or a target package, and every search, analysis and export, newest first.
          Times are UK time.
        </p>
      </header>
      <TrailScreen key={`${key}|${size}`} search={search} size={size} apply={apply} />
    </div>
  );
}

function TrailScreen({ search, size, apply }: { search: AuditSearch; size: number; apply: (s: AuditSearch, size?: number) => void }) {
  const { me } = useSession();
  const officers = useOfficers();
  const operations = useOperations();
  const bySubject = useMemo(() => officerBySubject(officers.data), [officers.data]);
  const byOp = useMemo(() => operationById(operations.data), [operations.data]);
  const signing = useMemo(() => signingOfficers(officers.data), [officers.data]);

  const { filter, errors } = useMemo(() => toFilter(search), [search]);
  const valid = Object.keys(errors).length === 0;
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const page = cursors.length - 1;

  const q = useQuery({
    queryKey: ['audit', 'trail', filter, size, after],
    queryFn: () => gql(AuditTrailDocument, { filter, first: size, after }),
    enabled: valid,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const trail = q.data?.auditTrail;
  const events = trail?.edges.map((e) => e.node) ?? [];

  const [selected, setSelected] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const selectedEvent = events.find((e) => e.id === selected) ?? null;
  const detailHeadingId = useId();
  const close = () => { setSelected(null); opener.current?.focus(); };

  const tableHeading = useId();
  const total = trail?.totalCount ?? 0;
  const start = page * size + 1;
  const range = events.length ? `${start.toLocaleString('en-GB')}–${(start + events.length - 1).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}` : `0 of ${total.toLocaleString('en-GB')}`;

  const forbidden = q.error instanceof ApiError && q.error.code === 'FORBIDDEN';

  return (
    <>
      <AuditFilters applied={search} officers={signing} operations={operations.data ?? []} onApply={(s) => apply(s)} />
      {forbidden ? (
        <p role="alert" className="audit-alert">
          You may not read the audit trail: {q.error!.message}. Auditors read it across operations; the SIO and deputy SIO read it for their own operations.
        </p>
      ) : q.error ? (
        <p role="alert" className="audit-alert">Could not load the audit trail: {q.error.message} <button type="button" onClick={() => void q.refetch()}>Try again</button></p>
      ) : null}
      {!forbidden && (
        <div className={`audit-results${selectedEvent ? ' with-detail' : ''}`}>
          <section className="audit-table-wrap" aria-labelledby={tableHeading} aria-busy={q.isFetching}>
            <div className="audit-toolbar">
              <h2 id={tableHeading}>
                Events <span className="count">{trail ? `${total.toLocaleString('en-GB')} ${isEmptySearch(search) ? 'in the trail' : 'match'}` : ''}</span>
              </h2>
              <div className="audit-toolbar-right">
                <label className="audit-inline">
                  Per page{' '}
                  <select value={size} onChange={(e) => apply(search, Number(e.target.value))}>
                    {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                </label>
                <button type="button" onClick={() => { setCursors([undefined]); void q.refetch(); }} disabled={q.isFetching}>Refresh</button>
                <ExportCsv filter={filter} total={total} disabled={!trail || total === 0} names={{
                  officerName: (s) => bySubject.get(s)?.name,
                  operationRef: (id) => byOp.get(id)?.reference,
                }} />
              </div>
            </div>
            {q.isPending && valid && <p className="muted" aria-live="polite">Loading the audit trail…</p>}
            {trail && events.length === 0 && (
              <p className="audit-empty">No events match this search.{!isEmptySearch(search) && <> <button type="button" className="audit-linkish" onClick={() => apply(EMPTY_SEARCH)}>Clear the search</button></>}</p>
            )}
            {events.length > 0 && (
              <table className="audit-table">
                <caption className="sr-only">Audit events, newest first, {range}</caption>
                <thead>
                  <tr>
                    <th scope="col">Time (UK) · request</th>
                    <th scope="col">Officer</th>
                    <th scope="col">Action</th>
                    <th scope="col">Record</th>
                    <th scope="col" className="col-op">Operation</th>
                    <th scope="col">Question</th>
                    <th scope="col"><span className="sr-only">Details</span></th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <EventRow
                      key={e.id} event={e} selected={e.id === selected}
                      officerName={bySubject.get(e.actor)?.name}
                      operationRef={e.operationId ? byOp.get(e.operationId)?.reference : undefined}
                      detailId={detailHeadingId}
                      onOpen={(btn) => { opener.current = btn; setSelected((cur) => (cur === e.id ? null : e.id)); }}
                      onActor={() => apply({ ...search, actor: e.actor })}
                    />
                  ))}
                </tbody>
              </table>
            )}
            {trail && (trail.pageInfo.hasNextPage || page > 0) && (
              <nav className="audit-pager" aria-label="Audit trail pages">
                <span aria-live="polite">{range}</span>
                <button type="button" disabled={page === 0 || q.isFetching} onClick={() => { setSelected(null); setCursors((c) => c.slice(0, -1)); }}>‹ Newer</button>
                <button
                  type="button" disabled={!trail.pageInfo.hasNextPage || q.isFetching}
                  onClick={() => { const c = trail.pageInfo.endCursor; if (c) { setSelected(null); setCursors((s) => [...s, c]); } }}
                >Older ›</button>
              </nav>
            )}
          </section>
          {selectedEvent && (
            <AuditDetail
              event={selectedEvent}
              officer={bySubject.get(selectedEvent.actor)}
              operation={selectedEvent.operationId ? byOp.get(selectedEvent.operationId) : undefined}
              clearance={me?.clearance}
              onClose={close}
              headingId={detailHeadingId}
            />
          )}
        </div>
      )}
    </>
  );
}

function EventRow({ event: e, selected, officerName, operationRef, detailId, onOpen, onActor }: {
  event: AuditEventRow; selected: boolean; officerName: string | undefined; operationRef: string | undefined;
  detailId: string; onOpen: (btn: HTMLButtonElement) => void; onActor: () => void;
}) {
  const route = recordRoute(e.entityId);
  const isQuestion = QUESTION_ACTIONS.includes(e.action);
  const when = formatInstant(e.at);
  return (
    <tr className={`${selected ? 'audit-row-selected' : ''}${e.withheld ? ' audit-row-withheld' : ''}`}>
      <td className="nowrap">
        {when}
        {e.requestId && <div className="muted mono small" title="Request id">{e.requestId}</div>}
      </td>
      <td>
        <button type="button" className="audit-linkish nowrap" onClick={onActor} title={`Only events by ${officerName ?? e.actor} (${e.actor})`}>
          {officerName ?? e.actor}
        </button>
      </td>
      <td><span className={`audit-action audit-action-${e.action.toLowerCase()}`}>{actionLabel(e.action)}</span></td>
      <td>
        <div className="small">{e.entityKind === 'Query' ? 'About' : kindName(e.entityKind)}</div>
        {route
          ? <Link to={route} className="mono small audit-id" title={e.entityId}>{e.entityId}</Link>
          : <span className="mono small audit-id" title={e.entityId}>{e.entityId}</span>}
      </td>
      <td className="small nowrap col-op">{operationRef ?? (e.operationId ? <span className="mono">{e.operationId}</span> : <span className="muted">—</span>)}</td>
      <td>
        {isQuestion && e.question && <span className="mono small">{e.question}</span>}
        {isQuestion && !e.withheld && e.resultSize != null && <span className="muted small"> · {e.resultSize.toLocaleString('en-GB')} in answer</span>}
        {e.withheld && <span className="audit-withheld-tag" title="Values withheld: above your clearance or handling">Withheld</span>}
        {!e.withheld && e.purpose && <div className="small muted">Purpose: {e.purpose}</div>}
      </td>
      <td>
        <button
          type="button" aria-expanded={selected} aria-controls={selected ? detailId : undefined}
          aria-label={`Details of ${actionLabel(e.action)} by ${officerName ?? e.actor} at ${when}`}
          onClick={(ev) => onOpen(ev.currentTarget)}
        >Details</button>
      </td>
    </tr>
  );
}

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; count: number; total: number; capped: boolean; filename: string }
  | { phase: 'failed'; message: string };

function ExportCsv({ filter, total, disabled, names }: {
  filter: ReturnType<typeof toFilter>['filter']; total: number; disabled: boolean;
  names: Parameters<typeof auditCsvRows>[1];
}) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ phase: 'running', done: 0, total });
    try {
      const r = await collectEvents(async (after, first) => {
        const { auditTrail } = await gql(AuditTrailDocument, { filter, first, after });
        return { events: auditTrail.edges.map((e) => e.node), hasNext: auditTrail.pageInfo.hasNextPage, endCursor: auditTrail.pageInfo.endCursor, total: auditTrail.totalCount };
      }, { cap: EXPORT_CAP, signal: ctl.signal, onProgress: (done, t) => setState({ phase: 'running', done, total: t }) });
      const filename = exportFilename(new Date());
      // A byte-order mark so that spreadsheets read the file as UTF-8.
      saveBlob(new Blob(['\uFEFF', buildCsv(auditCsvRows(r.events, names))], { type: 'text/csv;charset=utf-8' }), filename);
      setState({ phase: 'done', count: r.events.length, total: r.total, capped: r.capped, filename });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') setState({ phase: 'idle' });
      else setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      abort.current = null;
    }
  };

  return (
    <div className="audit-export">
      {state.phase === 'running' ? (
        <button type="button" onClick={() => abort.current?.abort()}>Cancel export</button>
      ) : (
        <button type="button" className="primary" onClick={() => void run()} disabled={disabled}>Export CSV</button>
      )}
      <div className="audit-export-status">
        {state.phase === 'idle' && total > EXPORT_CAP && (
          <span className="small muted">Exports the newest {EXPORT_CAP.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')}; narrow the search for the rest.</span>
        )}
        {state.phase === 'idle' && total <= EXPORT_CAP && total > 0 && (
          <span className="small muted">All {total.toLocaleString('en-GB')} (at most {EXPORT_CAP.toLocaleString('en-GB')})</span>
        )}
        <span role="status" className="small">
          {state.phase === 'running' && `Exporting ${state.done.toLocaleString('en-GB')} of ${Math.min(state.total, EXPORT_CAP).toLocaleString('en-GB')}…`}
          {state.phase === 'done' && (state.capped
            ? `Saved the newest ${state.count.toLocaleString('en-GB')} of ${state.total.toLocaleString('en-GB')} events to ${state.filename} (the export stops at ${EXPORT_CAP.toLocaleString('en-GB')}; narrow the search for the rest).`
            : `Saved ${state.count.toLocaleString('en-GB')} events to ${state.filename}.`)}
        </span>
        {state.phase === 'failed' && <span role="alert" className="error small">Export failed: {state.message}</span>}
      </div>
    </div>
  );
}
