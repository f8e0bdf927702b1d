// One audit event in full: who, when, what and which record, and, unless
// withheld, what was read or changed (before and after), the reason, the
// purpose stated, the question's parameters and the size of its answer.
// A withheld event says plainly that its values are withheld and why;
// nothing about them is inferred.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { classificationLabel } from '../components/Badges';
import type { Classification } from '../gql/graphql';
import type { AuditEventRow } from './csv';
import { fieldChanges, formatInstant, kindName, parameterList } from './detail';
import { actionLabel, recordRoute, searchToParams, EMPTY_SEARCH } from './filters';
import type { OfficerRow, OperationRow } from './lookups';

export function AuditDetail({ event, officer, operation, clearance, onClose, headingId }: {
  event: AuditEventRow;
  officer: OfficerRow | undefined;
  operation: OperationRow | undefined;
  clearance: Classification | undefined;
  onClose: () => void;
  headingId: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [event.id]);
  const route = recordRoute(event.entityId);
  const changes = event.withheld ? null : fieldChanges(event.before, event.after);
  const params = event.withheld ? null : parameterList(event.parameters);
  const byRecord = `/audit?${searchToParams({ ...EMPTY_SEARCH, record: event.entityId })}`;
  const byOfficer = `/audit?${searchToParams({ ...EMPTY_SEARCH, actor: event.actor })}`;
  const byRequest = event.requestId || null;

  return (
    <aside className="audit-detail" aria-labelledby={headingId}>
      <header className="audit-detail-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          <span className={`audit-action audit-action-${event.action.toLowerCase()}`}>{actionLabel(event.action)}</span>{' '}
          {event.entityKind === 'Query' ? 'question' : kindName(event.entityKind).toLowerCase()}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close event details">×</button>
      </header>

      {event.withheld && (
        <div className="audit-withheld-note" role="note">
          <strong>Values withheld.</strong> This event concerns material above your clearance
          {clearance ? ` (${classificationLabel(clearance)})` : ''} or with a handling code you may not receive.
          Who, when, what and which record are shown; what was read or changed, the reason, the purpose,
          the parameters and the result size are withheld. Ask an officer cleared for the record to review it.
        </div>
      )}

      <dl className="audit-props">
        <dt>When (UK)</dt>
        <dd>{formatInstant(event.at)}<div className="muted mono small">{event.at}</div></dd>
        <dt>Officer</dt>
        <dd>
          {officer ? <>{officer.name} <span className="muted">{officer.rank} · {officer.collarNumber}</span></> : event.actor}
          <div className="muted mono small">{event.actor}{event.officerId ? ` · ${event.officerId}` : ''}</div>
        </dd>
        <dt>Action</dt>
        <dd>{actionLabel(event.action)}</dd>
        <dt>Record</dt>
        <dd>
          {event.entityKind === 'Query' ? 'About ' : `${kindName(event.entityKind)} `}
          {route ? <Link to={route} className="mono">{event.entityId}</Link> : <span className="mono">{event.entityId}</span>}
        </dd>
        <dt>Operation</dt>
        <dd>
          {operation ? `${operation.reference} ${operation.name}` : event.operationId ?? <span className="muted">none</span>}
          {operation && <div className="muted mono small">{operation.id}</div>}
        </dd>
        {event.question && (<><dt>Question</dt><dd className="mono">{event.question}</dd></>)}
        <dt>Request id</dt>
        <dd className="mono">{event.requestId || <span className="muted">none recorded</span>}</dd>
        <dt>Event id</dt>
        <dd className="mono">{event.id}</dd>
        {!event.withheld && (
          <>
            {event.resultSize != null && (<><dt>Result size</dt><dd>{event.resultSize.toLocaleString('en-GB')}</dd></>)}
            <dt>Purpose</dt>
            <dd>{event.purpose ?? <span className="muted">none stated</span>}</dd>
            <dt>Reason</dt>
            <dd>{event.reason ?? <span className="muted">none given</span>}</dd>
          </>
        )}
        {event.withheld && (
          <>
            <dt>Result size</dt><dd className="audit-withheld-value">Withheld</dd>
            <dt>Purpose</dt><dd className="audit-withheld-value">Withheld</dd>
            <dt>Reason</dt><dd className="audit-withheld-value">Withheld</dd>
          </>
        )}
      </dl>

      {!event.withheld && (changes ? (
        <section aria-labelledby={`${headingId}-changes`}>
          <h3 id={`${headingId}-changes`}>{event.action === 'READ' ? 'Values' : 'What changed'}</h3>
          <table className="audit-changes">
            <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row" className="mono">{c.field}</th>
                  <td>{c.before ?? <span className="muted">—</span>}</td>
                  <td>{c.after ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (event.before || event.after) ? (
        <section aria-labelledby={`${headingId}-changes`}>
          <h3 id={`${headingId}-changes`}>What changed</h3>
          <p><strong>Before:</strong> <span className="mono">{event.before ?? '—'}</span></p>
          <p><strong>After:</strong> <span className="mono">{event.after ?? '—'}</span></p>
        </section>
      ) : event.action === 'READ' ? (
        <p className="muted">A read: the record was returned to the officer. Reads record which record, not its content.</p>
      ) : null)}

      {!event.withheld && event.parameters && (
        <section aria-labelledby={`${headingId}-params`}>
          <h3 id={`${headingId}-params`}>Parameters</h3>
          {params ? (
            <table className="audit-params">
              <thead><tr><th scope="col">Parameter</th><th scope="col">Value</th></tr></thead>
              <tbody>
                {params.map((p) => (
                  <tr key={p.name}><th scope="row" className="mono">{p.name}</th><td className="mono">{p.value}</td></tr>
                ))}
              </tbody>
            </table>
          ) : <pre className="audit-json">{event.parameters}</pre>}
        </section>
      )}

      {event.withheld && (
        <section aria-labelledby={`${headingId}-values`}>
          <h3 id={`${headingId}-values`}>What was read or changed</h3>
          <p className="audit-withheld-value">Withheld: above your clearance or handling.</p>
        </section>
      )}

      <nav className="audit-detail-links" aria-label="Related events">
        <Link to={byRecord}>All events about this record</Link>
        <Link to={byOfficer}>All events by {officer?.name ?? event.actor}</Link>
        {byRequest && <span className="muted small">Request {byRequest} (for the server log)</span>}
      </nav>
    </aside>
  );
}
