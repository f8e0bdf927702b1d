// The DI's side of a package: record a review (move the target through
// the workflow with a rationale, written to the policy file), set the
// organisational position of the priority assessment, and read the history
// of reviews with each package exactly as it was reviewed.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ClassificationBadge, ItemMarkings } from '../components/Badges';
import type { AssessmentConfidence, Classification, Role, TargetStatus } from '../gql/graphql';
import {
  fieldKey, formatDate, formatDateTime, formatScore, humanise, isVersionConflict, mayAssess, maySetOrganisationalPosition,
  parseSnapshot, STATUS_LABEL, transitionsFrom, type Snapshot,
} from './logic';
import { ApiError, gql } from '../api/client';
import type { TargetNode } from './PackageSections';
import { BandPill, PriorityBreakdown } from './PriorityBreakdown';
import { TargetsAssessDocument, TargetsReviewDocument } from './queries';

export const CONFLICT_MESSAGE = 'Changed by someone else; reload';

interface FormErrors {
  general: string | null;
  conflict: boolean;
  fields: Record<string, string>;
}
const NO_ERRORS: FormErrors = { general: null, conflict: false, fields: {} };

function errorsOf(e: unknown): FormErrors {
  if (e instanceof ApiError) {
    if (isVersionConflict(e.code, e.field)) return { general: null, conflict: true, fields: {} };
    const k = fieldKey(e.field);
    if (k) return { general: null, conflict: false, fields: { [k]: e.message } };
    return { general: e.message, conflict: false, fields: {} };
  }
  return { general: e instanceof Error ? e.message : String(e), conflict: false, fields: {} };
}

function ErrorSummary({ errors, onReload }: { errors: FormErrors; onReload: () => void }) {
  if (errors.conflict) {
    return (
      <div role="alert" className="form-alert">
        <strong>{CONFLICT_MESSAGE}.</strong> Your text is kept: reload the package, check what changed, then submit again.
        <div><button type="button" onClick={onReload}>Reload the package</button></div>
      </div>
    );
  }
  const n = Object.keys(errors.fields).length;
  if (!errors.general && n === 0) return null;
  return (
    <div role="alert" className="form-alert">
      {errors.general ?? `Check the ${n === 1 ? 'field' : 'fields'} marked below.`}
    </div>
  );
}

function FieldMessage({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="field-error">{message}</p> : null;
}

// ---------------------------------------------------------------------------
// Review
// ---------------------------------------------------------------------------

export function ReviewForm({ target, roles, onDone, onReload }: {
  target: TargetNode; roles: readonly Role[]; onDone: (decisionId: string | null) => void; onReload: () => void;
}) {
  const moves = transitionsFrom(target.status, roles);
  const [to, setTo] = useState<TargetStatus | ''>('');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  if (moves.length === 0) {
    return (
      <div className="review-form">
        <p className="muted">No review move is open to you from <strong>{STATUS_LABEL[target.status]}</strong>.</p>
      </div>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!to) fields.status = 'Choose the decision.';
    if (!rationale.trim()) fields.rationale = 'Every review records its rationale in the policy file.';
    if (Object.keys(fields).length) { setErrors({ ...NO_ERRORS, fields }); return; }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const res = await gql(TargetsReviewDocument, { id: target.id, expectedVersion: target.version, input: { status: to as TargetStatus, rationale } });
      const latest = res.reviewTarget.reviews[0];
      setRationale('');
      setTo('');
      onDone(latest?.decision?.id ?? null);
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="review-form" onSubmit={submit} noValidate aria-describedby="review-hint">
      <p id="review-hint" className="muted small">Currently <strong>{STATUS_LABEL[target.status]}</strong> (version {target.version}). The decision and your rationale are written to the operation's policy file with the package as it stands now.</p>
      <ErrorSummary errors={errors} onReload={onReload} />
      <fieldset aria-describedby={errors.fields.status ? 'review-status-err' : undefined} aria-invalid={!!errors.fields.status || undefined}>
        <legend>Decision</legend>
        {moves.map((m) => (
          <label key={m.to} className="radio">
            <input type="radio" name="review-to" value={m.to} checked={to === m.to} onChange={() => setTo(m.to)} />
            {m.verb} <span className="muted small">→ {STATUS_LABEL[m.to]}</span>
          </label>
        ))}
        <FieldMessage id="review-status-err" message={errors.fields.status} />
      </fieldset>
      <label htmlFor="review-rationale" className="field-label">Rationale <span className="muted small">(information, threat and risk, powers and options considered)</span></label>
      <textarea id="review-rationale" rows={5} value={rationale} onChange={(e) => setRationale(e.target.value)}
        aria-invalid={!!errors.fields.rationale || undefined} aria-describedby={errors.fields.rationale ? 'review-rationale-err' : undefined} />
      <FieldMessage id="review-rationale-err" message={errors.fields.rationale} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Recording…' : 'Record decision'}</button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------
// Assessment (organisational position)
// ---------------------------------------------------------------------------

const HARM_FIELDS = [
  ['physical', 'Physical harm'],
  ['psychological', 'Psychological harm'],
  ['financial', 'Financial harm'],
  ['community', 'Community harm'],
  ['victimVulnerability', 'Victim vulnerability'],
  ['geographicScope', 'Geographic scope'],
  ['likelihood', 'Likelihood'],
] as const;
const POSITION_FIELDS = [
  ['capacity', 'Capacity'],
  ['capability', 'Capability'],
  ['opportunity', 'Opportunity'],
] as const;
type ScaleField = (typeof HARM_FIELDS)[number][0] | (typeof POSITION_FIELDS)[number][0];
const SCALE = [0, 1, 2, 3, 4];

function Scale({ name, label, value, onChange, error, disabled }: { name: string; label: string; value: number; onChange: (v: number) => void; error?: string; disabled?: boolean }) {
  const id = `assess-${name}`;
  return (
    <div className="scale-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} disabled={disabled}
        aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-err` : undefined}>
        {SCALE.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      <FieldMessage id={`${id}-err`} message={error} />
    </div>
  );
}

export function AssessmentForm({ target, roles, onDone, onReload }: { target: TargetNode; roles: readonly Role[]; onDone: () => void; onReload: () => void }) {
  const a = target.assessment;
  const di = maySetOrganisationalPosition(roles);
  const [values, setValues] = useState<Record<ScaleField, number>>(() => ({
    physical: a?.physical ?? 0, psychological: a?.psychological ?? 0, financial: a?.financial ?? 0, community: a?.community ?? 0,
    victimVulnerability: a?.victimVulnerability ?? 0, geographicScope: a?.geographicScope ?? 0, likelihood: a?.likelihood ?? 0,
    capacity: a?.capacity ?? 0, capability: a?.capability ?? 0, opportunity: a?.opportunity ?? 0,
  }));
  const [confidence, setConfidence] = useState<AssessmentConfidence>(a?.confidence ?? 'MEDIUM');
  const [rationale, setRationale] = useState(a?.rationale ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (!mayAssess(roles)) return null;
  // Harm and likelihood are the analyst's; the DI records them only while none are recorded.
  const harmEditable = !a;
  const set = (k: ScaleField) => (v: number) => setValues((s) => ({ ...s, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rationale.trim()) { setErrors({ ...NO_ERRORS, fields: { rationale: 'Say why: the rationale is required.' } }); return; }
    setBusy(true);
    setErrors(NO_ERRORS);
    setSaved(null);
    try {
      const res = await gql(TargetsAssessDocument, { id: target.id, expectedVersion: target.version, input: { ...values, confidence, rationale } });
      const p = res.assessTarget.priority;
      setSaved(p ? `Scored ${formatScore(p.score)} (${humanise(p.band)}).` : 'Recorded.');
      onDone();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="assess-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} onReload={onReload} />
      {saved && <p role="status" className="form-ok">{saved}</p>}
      <fieldset>
        <legend>Harm and likelihood <span className="muted small">(0 none … 4 severe){harmEditable ? '' : ' — recorded by the analyst'}</span></legend>
        <div className="scale-grid">
          {HARM_FIELDS.map(([k, label]) => (
            <Scale key={k} name={k} label={label} value={values[k]} onChange={set(k)} error={errors.fields[k]} disabled={!harmEditable} />
          ))}
          <div className="scale-field">
            <label htmlFor="assess-confidence">Confidence</label>
            <select id="assess-confidence" value={confidence} onChange={(e) => setConfidence(e.target.value as AssessmentConfidence)} disabled={!harmEditable}>
              <option value="LOW">Low</option><option value="MEDIUM">Medium</option><option value="HIGH">High</option>
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Organisational position <span className="muted small">(0 none … 4 very high){di ? '' : ' — recorded by the DI'}</span></legend>
        <div className="scale-grid">
          {POSITION_FIELDS.map(([k, label]) => (
            <Scale key={k} name={k} label={label} value={values[k]} onChange={set(k)} error={errors.fields[k]} disabled={!di} />
          ))}
        </div>
      </fieldset>
      <label htmlFor="assess-rationale" className="field-label">Assessment rationale</label>
      <textarea id="assess-rationale" rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)}
        aria-invalid={!!errors.fields.rationale || undefined} aria-describedby={errors.fields.rationale ? 'assess-rationale-err' : undefined} />
      <FieldMessage id="assess-rationale-err" message={errors.fields.rationale} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Scoring…' : a ? 'Record and rescore' : 'Record assessment and score'}</button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------

type Review = TargetNode['reviews'][number];

export function ReviewHistory({ target }: { target: TargetNode }) {
  const [open, setOpen] = useState<number | null>(null);
  if (target.reviews.length === 0) return <p className="empty">Not reviewed yet.</p>;
  return (
    <ol className="review-history">
      {target.reviews.map((r, i) => (
        <li key={`${r.reviewedAt}-${i}`} id={r.decision ? `review-${r.decision.id}` : undefined}>
          <div className="review-head">
            <span className="review-move">{STATUS_LABEL[r.from]} → <strong>{STATUS_LABEL[r.to]}</strong></span>
            {r.band && <BandPill band={r.band} score={r.score} />}
          </div>
          <p className="muted small">{formatDateTime(r.reviewedAt)} · {r.decision?.author ? r.decision.author.name : r.reviewedBy}</p>
          {r.decision ? (
            <>
              <p className="review-rationale">{r.decision.rationale}</p>
              <p className="small"><Link to={`/targets?view=policy#${r.decision.id}`}>In the policy file</Link></p>
            </>
          ) : <p className="muted small">The policy-file decision is not available to you.</p>}
          {r.snapshot == null ? (
            <p className="withheld">Package as reviewed: <strong>withheld</strong>. It holds material you may not see, so none of it is shown.</p>
          ) : (
            <button type="button" aria-haspopup="dialog" onClick={() => setOpen(i)}>View the package as reviewed</button>
          )}
          {open === i && r.snapshot != null && (
            <SnapshotDialog onClose={() => setOpen(null)} title={`Package as reviewed, ${formatDateTime(r.reviewedAt)}`}>
              <SnapshotView id={`snapshot-${i}`} review={r} json={r.snapshot} />
            </SnapshotDialog>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A modal dialog (the platform's own: focus kept inside, Escape closes, focus returns to the opener). */
function SnapshotDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => { if (d?.open) d.close(); };
  }, []);
  return (
    <dialog ref={ref} className="snapshot-dialog" aria-labelledby="snapshot-dialog-h" onClose={onClose} onCancel={onClose}>
      <header>
        <h3 id="snapshot-dialog-h">{title}</h3>
        <button type="button" onClick={onClose}>Close</button>
      </header>
      <p className="muted small">Immutable: the package exactly as the reviewer saw it, whatever has changed since. This read is recorded in the audit trail.</p>
      {children}
    </dialog>
  );
}

function SnapSection({ title, children }: { title: string; children: ReactNode }) {
  return <section className="snap-section"><h4>{title}</h4>{children}</section>;
}

function LinkedList({ rows }: { rows: Snapshot['associations'] }) {
  if (rows.length === 0) return <p className="muted small">None.</p>;
  return <ul className="snap-list">{rows.map((r, i) => <li key={i}>{r.label}{r.relation && <span className="muted"> · {r.relation}</span>}</li>)}</ul>;
}

export function SnapshotView({ id, review, json }: { id: string; review: Review; json: string }) {
  const s = parseSnapshot(json);
  return (
    <div id={id} className="snapshot" role="region" aria-label={`Package as reviewed on ${formatDateTime(review.reviewedAt)}`}>
      {!s ? <p className="error">This snapshot could not be read; the stored text is below.</p> : (
        <>
          <p className="snap-title">
            <strong>{s.subject}</strong> as reviewed {formatDateTime(review.reviewedAt)}
            {s.assembledAt && <span className="muted"> · assembled {formatDateTime(s.assembledAt)}</span>}
            {s.status && <span className="muted"> · status then {STATUS_LABEL[s.status as TargetStatus] ?? s.status}</span>}
          </p>
          {s.warningMarkers.length > 0 && <p className="warning-markers">{s.warningMarkers.map((m) => <span key={m} className="marker">⚠ {humanise(m)}</span>)}</p>}
          <SnapSection title="Priority">
            {s.priority ? <PriorityBreakdown priority={{ ...s.priority }} idPrefix={`${id}-prio`} compact /> : <p className="muted small">Not assessed at the time.</p>}
          </SnapSection>
          <div className="snap-grid">
            <SnapSection title={`Criminal activity (${s.criminalActivity.length})`}><LinkedList rows={s.criminalActivity} /></SnapSection>
            <SnapSection title={`Associations (${s.associations.length})`}><LinkedList rows={s.associations} /></SnapSection>
            <SnapSection title={`Lifestyle (${s.lifestyle.locations.length + s.lifestyle.communications.length + s.lifestyle.vehicles.length})`}>
              <LinkedList rows={[...s.lifestyle.locations, ...s.lifestyle.communications, ...s.lifestyle.vehicles]} />
            </SnapSection>
            <SnapSection title="Gaps and risks">
              {s.risks.length + s.gaps.length === 0 ? <p className="muted small">None.</p> : (
                <ul className="snap-list">
                  {s.risks.map((f) => <li key={`r-${f.code}`}><strong>Risk:</strong> {f.description}</li>)}
                  {s.gaps.map((f) => <li key={`g-${f.code}`}><strong>Gap:</strong> {f.description}</li>)}
                </ul>
              )}
            </SnapSection>
            <SnapSection title={`Actions (${s.actions.items.length})`}>
              <p className="small">{s.actions.open ?? 0} open · {s.actions.overdue ?? 0} overdue · {s.actions.done ?? 0} done</p>
              <ul className="snap-list">{s.actions.items.map((a) => <li key={a.number}><span className="mono">{a.number}</span> {a.title}{a.status && <span className="muted"> · {humanise(a.status)}</span>}</li>)}</ul>
            </SnapSection>
            <SnapSection title={`Evidence (${s.evidence.length}) and tactical options (${s.tacticalOptions.length})`}>
              <ul className="snap-list">
                {s.evidence.map((x) => <li key={x.reference}><span className="mono">{x.reference}</span> {x.description}</li>)}
                {s.tacticalOptions.map((t, i) => <li key={`t${i}`}><strong>{humanise(t.kind)}:</strong> {t.description}</li>)}
              </ul>
            </SnapSection>
          </div>
          <SnapSection title={`Intelligence (${s.intelligence.total ?? s.intelligence.items.length})`}>
            {s.intelligence.byGrade.length > 0 && <p className="small">By grade: {s.intelligence.byGrade.map((g) => `${g.key} × ${g.count}`).join(' · ')}{s.intelligence.corroborated != null && ` · ${s.intelligence.corroborated} corroborated`}</p>}
            {s.intelligence.handlingConditions.length > 0 && (
              <div className="conditions"><strong>Handling conditions:</strong><ul>{s.intelligence.handlingConditions.map((c) => <li key={c}>{c}</li>)}</ul></div>
            )}
            <table className="tgt-table">
              <caption className="sr-only">Intelligence items in the package as reviewed</caption>
              <thead><tr><th scope="col">URN</th><th scope="col">Markings</th><th scope="col">Received</th><th scope="col">Report</th></tr></thead>
              <tbody>
                {s.intelligence.items.map((it) => (
                  <tr key={it.urn}>
                    <td className="mono nowrap">{it.urn}</td>
                    <td>
                      {it.classification && it.grade && it.handling
                        ? <ItemMarkings classification={it.classification as Classification} grading={{ code: it.grade, handling: it.handling, conditions: it.conditions }} />
                        : it.classification ? <ClassificationBadge value={it.classification as Classification} /> : '—'}
                      {it.legacyGrade && <span className="muted small"> 5x5x5 {it.legacyGrade}</span>}
                    </td>
                    <td className="nowrap">{formatDate(it.receivedAt)}</td>
                    <td>{it.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </SnapSection>
        </>
      )}
      <details className="raw-json">
        <summary>The snapshot as stored (JSON)</summary>
        <pre>{prettyJSON(json)}</pre>
      </details>
    </div>
  );
}

function prettyJSON(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
}
