// The disclosure screen (/disclosure?kind=MG6C|MG6D): the operation's CPIA
// schedules of unused material as the API generates them now, for those it
// allows (MG6C: members of the operation; MG6D: the SIO, deputy SIO and
// auditors): a table with every column of the schedule, its CSV, the
// printable document, and print styles for the view itself. A refusal
// (FORBIDDEN) is shown as the API words it.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { fetchDocument, gql, saveBlob } from '../api/client';
import { formatDate, formatDateTime } from '../entity/format';
import type { ScheduleKind } from '../gql/graphql';
import { useOperation } from '../operation';
import { DisclosureScheduleDocument } from './queries';
import { byNumber, isForbidden, KINDS, parseKind, SCHEDULE_TEXT, scheduleColumns, scheduleDocPath, scheduleFileName } from './schedule';
import './disclosure.css';

export function DisclosurePage() {
  const { operation } = useOperation();
  const [params] = useSearchParams();
  const kind = parseKind(params.get('kind'));

  useEffect(() => {
    document.title = `${kind} · Disclosure · Keyline`;
  }, [kind]);

  if (!operation) {
    return (
      <div className="dis-page">
        <h1>Disclosure</h1>
        <p className="dis-empty">You are not a member of an operation you are cleared to see, so there is no schedule to show.</p>
      </div>
    );
  }
  return (
    <div className="dis-page">
      <header className="dis-head">
        <p className="dis-crumbs">{operation.reference} · {operation.name}</p>
        <h1>Disclosure schedules</h1>
        <p className="dis-intro">CPIA schedules of the operation's unused material, generated now from the exhibits' disclosure status.</p>
      </header>
      <nav className="dis-tabs" aria-label="Schedules">
        {KINDS.map((k) => (
          <Link key={k} to={`/disclosure?kind=${k}`} aria-current={k === kind ? 'page' : undefined} className={k === kind ? 'active' : undefined}>
            {k} <span>{k === 'MG6C' ? 'non-sensitive' : 'sensitive'}</span>
          </Link>
        ))}
      </nav>
      <Schedule key={kind} operationId={operation.id} reference={operation.reference} kind={kind} />
    </div>
  );
}

function Schedule({ operationId, reference, kind }: { operationId: string; reference: string; kind: ScheduleKind }) {
  const q = useQuery({
    queryKey: ['disclosure', operationId, kind],
    queryFn: () => gql(DisclosureScheduleDocument, { operationId, kind }),
    retry: (n, err) => !isForbidden(err) && n < 2,
  });
  const text = SCHEDULE_TEXT[kind];
  const schedule = q.data?.operation?.disclosureSchedule;

  if (q.isPending) return <section className="dis-sheet" aria-busy="true"><p className="dis-muted">Generating the {kind}…</p></section>;
  if (q.error) {
    return (
      <section className="dis-sheet" aria-labelledby="dis-title">
        <h2 id="dis-title">{text.title}</h2>
        {isForbidden(q.error) ? (
          <div role="alert" className="dis-forbidden">
            <strong>You may not read the {kind}.</strong>
            <p>Keyline says: “{q.error.message}”.</p>
            <p className="dis-muted">Ask the SIO or deputy SIO if you need to know what it holds.</p>
          </div>
        ) : (
          <p role="alert" className="dis-alert">Could not generate the {kind}: {q.error.message}</p>
        )}
      </section>
    );
  }
  if (!schedule) {
    return (
      <section className="dis-sheet">
        <h2>{text.title}</h2>
        <p className="dis-empty">There is no operation here that you may see.</p>
      </section>
    );
  }
  const columns = scheduleColumns(kind);
  const entries = byNumber(schedule.entries);
  return (
    <section className="dis-sheet" aria-labelledby="dis-title">
      <p className="dis-marking">{text.marking}</p>
      <div className="dis-sheet-head">
        <div>
          <h2 id="dis-title">{text.title}</h2>
          <p className="dis-meta">
            {reference} · generated {formatDateTime(schedule.generatedAt)} · {entries.length} {entries.length === 1 ? 'item' : 'items'}
          </p>
          <p className="dis-muted dis-what">{text.what}</p>
        </div>
        <Downloads operationId={operationId} reference={reference} kind={kind} />
      </div>
      {entries.length === 0 ? (
        <p className="dis-empty">No items are scheduled on the {kind}.</p>
      ) : (
        <div className="dis-table-wrap">
          <table className="dis-table">
            <caption className="sr-only">{text.title}, {entries.length} items</caption>
            <thead>
              <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.number}>
                  <td className="dis-num">{e.number}</td>
                  <td className="dis-ref">
                    <Link to={`/evidence?exhibit=${encodeURIComponent(e.exhibit.id)}`} title={`Trace and continuity of exhibit ${e.exhibit.reference}`}>{e.exhibit.reference}</Link>
                  </td>
                  <td>{e.description}</td>
                  <td className="dis-date">{e.exhibit.obtainedOn ? formatDate(e.exhibit.obtainedOn) : ''}</td>
                  {kind === 'MG6D' && <td>{e.reason ?? ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Downloads({ operationId, reference, kind }: { operationId: string; reference: string; kind: ScheduleKind }) {
  const [busy, setBusy] = useState<'csv' | 'html' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const download = async (format: 'csv' | 'html') => {
    setBusy(format);
    setError(null);
    setDone('');
    try {
      const blob = await fetchDocument(scheduleDocPath(operationId, kind, format));
      const name = scheduleFileName(reference, kind, format);
      saveBlob(blob, name);
      setDone(`Downloaded ${name}.`);
    } catch (err) {
      setError(isForbidden(err) ? `You may not download the ${kind}: ${(err as Error).message}` : `Could not download the ${kind}: ${(err as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="dis-actions">
      <div className="dis-buttons">
        <button type="button" className="primary" onClick={() => void download('csv')} disabled={busy !== null}>
          {busy === 'csv' ? 'Downloading…' : 'Download CSV'}
        </button>
        <button type="button" onClick={() => void download('html')} disabled={busy !== null}>
          {busy === 'html' ? 'Downloading…' : 'Download printable document'}
        </button>
        <button type="button" onClick={() => window.print()}>Print this view</button>
      </div>
      <span role="status" className="dis-status">{done}</span>
      {error && <p role="alert" className="dis-alert">{error}</p>}
    </div>
  );
}
