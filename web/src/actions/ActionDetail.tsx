// One action beside the board: what it is, what raised it (with the
// intelligence's markings), who has it, its result, every step of its
// history, and the steps the caller may take next. Every change passes the
// version the screen shows; when someone else changed the action first the
// API answers CONFLICT and the screen says so, keeping what was typed.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, gql } from '../api/client';
import { useSession } from '../auth/session';
import { ItemMarkings } from '../components/Badges';
import type { ActionPriority, ActionsDetailQuery } from '../gql/graphql';
import { errorMessage, mutate } from './api';
import { DueText, PriorityBadge, StatusBadge } from './bits';
import {
  formatDate, formatDateTime, historyStepLabel, isOpen, mayRaise, PRIORITIES, PRIORITY_LABEL,
  STEP_DONE, STEP_LABEL, stepNeeds, stepsOffered, type Step,
} from './lifecycle';
import { ActionsChaseDocument, ActionsDetailDocument, ActionsProgressDocument, ActionsSuggestionsDocument, ActionsUpdateDocument } from './queries';

type Detail = Extract<NonNullable<ActionsDetailQuery['node']>, { number: string; history: unknown }>;

export interface Member { id: string; name: string; rank: string; role: string; skills: readonly string[]; team?: string | null; subject?: string | null }

interface Drafts { reason: string; result: string; note: string; officerId: string }
const EMPTY: Drafts = { reason: '', result: '', note: '', officerId: '' };

export function ActionDetail({ id, members, onClose, onChanged }: {
  id: string; members: readonly Member[]; onClose: () => void; onChanged: () => void;
}) {
  const q = useQuery({ queryKey: ['actions', 'detail', id], queryFn: () => gql(ActionsDetailDocument, { id }) });
  const node = q.data?.node;
  const action = node && 'number' in node ? (node as Detail) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [action?.id]);

  return (
    <aside className="action-detail" aria-labelledby="action-detail-heading">
      <div className="detail-head">
        <h2 id="action-detail-heading" tabIndex={-1} ref={heading}>
          {action ? <><span className="mono">{action.number}</span> {action.title}</> : 'Action'}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close action detail">×</button>
      </div>
      {q.isPending ? (
        <p className="muted" aria-busy="true">Loading…</p>
      ) : q.error ? (
        <p role="alert" className="error">Could not load the action: {errorMessage(q.error)}</p>
      ) : !action ? (
        <p role="alert" className="error">This action was not found, or you may not see it.</p>
      ) : (
        <DetailBody action={action} members={members} reload={() => void q.refetch()} reloading={q.isFetching} onChanged={onChanged} />
      )}
    </aside>
  );
}

function DetailBody({ action, members, reload, reloading, onChanged }: {
  action: Detail; members: readonly Member[]; reload: () => void; reloading: boolean; onChanged: () => void;
}) {
  const { me } = useSession();
  const client = useQueryClient();
  const caller = { roles: me?.roles ?? [], officerId: me?.officer?.id ?? null };
  const steps = stepsOffered(action.status, caller, action.allocatedTo?.id);
  const [step, setStep] = useState<Step | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  // History and bookkeeping name identity subjects; members carry theirs.
  const bySubject = useMemo(() => new Map(members.filter((m) => m.subject).map((m) => [m.subject!, m.name])), [members]);
  const who = (subject: string) => bySubject.get(subject) ?? subject;
  const today = new Date();

  const run = async (s: Step, officerId?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      if (s === 'CHASE') {
        await mutate(ActionsChaseDocument, { id: action.id, expectedVersion: action.version, note: drafts.note.trim() || null });
      } else {
        const need = stepNeeds(s);
        await mutate(ActionsProgressDocument, {
          id: action.id,
          expectedVersion: action.version,
          input: {
            step: s,
            reason: need === 'reason' ? drafts.reason : null,
            result: need === 'result' ? drafts.result : null,
            officerId: need === 'officer' ? (officerId ?? drafts.officerId) || null : null,
          },
        });
      }
      const to = officerId ?? drafts.officerId;
      setDone(s === 'ALLOCATE' ? `${action.number} allocated to ${names.get(to) ?? 'the officer'}.` : `${action.number} ${STEP_DONE[s]}.`);
      setStep(null);
      setDrafts(EMPTY);
      await client.invalidateQueries({ queryKey: ['actions', 'detail', action.id] });
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (f: string) => (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field === f ? error.message : null);
  const generalError = !!error && !(error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field && ['reason', 'result', 'officerId', 'note'].includes(error.field));
  const conflict = error instanceof ApiError && error.code === 'CONFLICT';

  return (
    <div className="detail-body">
      <p className="detail-pills">
        <PriorityBadge value={action.priority} /> <StatusBadge value={action.status} />{' '}
        <DueText dueDate={action.dueDate} status={action.status} overdue={action.overdue} today={today} />
      </p>

      <div aria-live="polite" className="sr-live">{done && <p className="done">{done}</p>}</div>
      {generalError && (
        <div role="alert" className={`banner ${conflict ? 'banner-conflict' : 'banner-error'}`}>
          {conflict ? (
            <>
              <strong>Changed by someone else; reload.</strong> <span className="small">{(error as ApiError).message}</span>{' '}
              <button type="button" onClick={() => { setError(null); reload(); }} disabled={reloading}>Reload</button>
              <span className="small muted"> What you typed is kept.</span>
            </>
          ) : (
            errorMessage(error)
          )}
        </div>
      )}

      {steps.length > 0 && (
        <section className="detail-section action-steps" aria-labelledby="steps-heading">
          <h3 id="steps-heading">Next steps</h3>
          <div className="step-buttons" role="group" aria-label="Steps you may take">
            {steps.map((s) => (
              <button
                key={s}
                type="button"
                className={`${s === step ? 'current' : ''} step-${s.toLowerCase()}`}
                aria-expanded={stepNeeds(s) ? s === step : undefined}
                disabled={busy}
                onClick={() => {
                  setError(null);
                  if (stepNeeds(s)) setStep(step === s ? null : s);
                  else void run(s);
                }}
              >
                {STEP_LABEL[s]}
              </button>
            ))}
          </div>
          {step && stepNeeds(step) === 'officer' && (
            <AllocateForm
              action={action}
              members={members}
              officerId={drafts.officerId}
              setOfficerId={(v) => setDrafts((d) => ({ ...d, officerId: v }))}
              error={fieldError('officerId')}
              busy={busy}
              onAllocate={(oid) => void run('ALLOCATE', oid)}
            />
          )}
          {step && (stepNeeds(step) === 'reason' || stepNeeds(step) === 'result' || stepNeeds(step) === 'note') && (
            <TextStepForm
              step={step}
              value={drafts[stepNeeds(step) as 'reason' | 'result' | 'note']}
              onChange={(v) => setDrafts((d) => ({ ...d, [stepNeeds(step) as string]: v }))}
              error={fieldError(stepNeeds(step) as string)}
              busy={busy}
              onSubmit={() => void run(step)}
              onCancel={() => setStep(null)}
            />
          )}
        </section>
      )}

      <section className="detail-section" aria-labelledby="details-heading">
        <h3 id="details-heading">Details</h3>
        <dl className="props">
          <dt>Allocated to</dt>
          <dd>{action.allocatedTo ? `${action.allocatedTo.name} (${action.allocatedTo.rank})` : <span className="muted">Unallocated</span>}</dd>
          <dt>Due</dt>
          <dd>{action.dueDate ? formatDate(action.dueDate) : '–'}</dd>
          <dt>Skills needed</dt>
          <dd>{action.requiredSkills.length ? <ul className="chips">{action.requiredSkills.map((s) => <li key={s}>{s}</li>)}</ul> : <span className="muted">None recorded</span>}</dd>
          <dt>Chased</dt>
          <dd>{action.chaseCount ? `${action.chaseCount} time${action.chaseCount === 1 ? '' : 's'}, last ${formatDateTime(action.lastChasedAt!)}` : 'Never'}</dd>
          <dt>Raised</dt>
          <dd>{formatDateTime(action.createdAt)}</dd>
          <dt>Version</dt>
          <dd>{action.version} · last changed {formatDateTime(action.updatedAt)} by {who(action.updatedBy)}</dd>
        </dl>
        {action.instructions && (
          <>
            <h4>Instructions</h4>
            <p className="prose">{action.instructions}</p>
          </>
        )}
        {mayRaise(me?.roles ?? []) && isOpen(action.status) && <EditForm action={action} onSaved={() => { void client.invalidateQueries({ queryKey: ['actions', 'detail', action.id] }); onChanged(); }} reload={reload} />}
      </section>

      <section className="detail-section" aria-labelledby="origin-heading">
        <h3 id="origin-heading">Raised from</h3>
        {action.raisedFrom.length === 0 ? <p className="muted">Nothing recorded (or nothing you may see).</p> : (
          <ul className="origins">
            {action.raisedFrom.map((o) => <li key={o.id}><Origin node={o} /></li>)}
          </ul>
        )}
      </section>

      {(action.result || action.referralReason || action.cancellationReason) && (
        <section className="detail-section" aria-labelledby="outcome-heading">
          <h3 id="outcome-heading">Outcome</h3>
          {action.result && (
            <>
              <h4>Result{action.resultedAt && <span className="muted small"> · {formatDateTime(action.resultedAt)}</span>}</h4>
              <p className="prose">{action.result}</p>
            </>
          )}
          {action.referralReason && (<><h4>Referral</h4><p className="prose">{action.referralReason}</p></>)}
          {action.cancellationReason && (<><h4>Cancellation reason</h4><p className="prose">{action.cancellationReason}</p></>)}
        </section>
      )}

      {(action.exhibits.length > 0 || action.followUps.length > 0 || action.intelligenceProduced.length > 0) && (
        <section className="detail-section" aria-labelledby="led-heading">
          <h3 id="led-heading">What it led to</h3>
          <ul className="origins">
            {action.exhibits.map((x) => <li key={x.id}><span className="kind">Exhibit</span> <span className="mono">{x.reference}</span> {x.kind}: {x.description}</li>)}
            {action.followUps.map((f) => <li key={f.id}><span className="kind">Follow-up</span> <span className="mono">{f.number}</span> {f.title} <StatusBadge value={f.status} /></li>)}
            {action.intelligenceProduced.map((i) => <li key={i.id}><span className="kind">Intelligence</span> <span className="mono">{i.urn}</span> <ItemMarkings classification={i.classification} grading={i.grading} /></li>)}
          </ul>
        </section>
      )}

      <section className="detail-section" aria-labelledby="history-heading">
        <h3 id="history-heading">History</h3>
        <table className="history">
          <thead>
            <tr><th scope="col">When</th><th scope="col">Step</th><th scope="col">By</th><th scope="col">Note</th></tr>
          </thead>
          <tbody>
            {[...action.history].reverse().map((h, i) => (
              <tr key={`${h.at}-${i}`}>
                <td className="nowrap small">{formatDateTime(h.at)}</td>
                <td>
                  {historyStepLabel(h.step)}
                  {h.from && h.from !== h.to && <span className="muted small"> ({h.from.toLowerCase().replace('_', ' ')} → {h.to.toLowerCase().replace('_', ' ')})</span>}
                </td>
                <td className="small" title={h.actor}>{who(h.actor)}</td>
                <td className="small">
                  {h.officerId && <>To {names.get(h.officerId) ?? h.officerId}. </>}
                  {h.reason}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Origin({ node }: { node: Detail['raisedFrom'][number] }) {
  switch (node.__typename) {
    case 'IntelligenceItem':
      return (
        <div className="origin">
          <div><span className="kind">Intelligence</span> <span className="mono">{node.urn}</span> <ItemMarkings classification={node.classification} grading={node.grading} /></div>
          {node.grading.conditions && <p className="small conditions">Handling conditions: {node.grading.conditions}</p>}
          <p className="small prose clamp">{node.sanitisedText}</p>
          <p className="small muted">Received {formatDateTime(node.receivedAt)}</p>
        </div>
      );
    case 'LineOfEnquiry':
      return <div className="origin"><span className="kind">Line of enquiry</span> {node.title} <span className="muted small">({node.loeStatus.toLowerCase()})</span></div>;
    case 'Decision':
      return (
        <div className="origin">
          <span className="kind">Decision</span> {node.decision}
          <p className="small muted">{node.author?.name ?? 'Unknown author'}, {formatDateTime(node.madeAt)}</p>
        </div>
      );
    case 'Action':
      return <div className="origin"><span className="kind">Action</span> <span className="mono">{node.number}</span> {node.actionTitle} <StatusBadge value={node.actionStatus} /></div>;
    default:
      return <div className="origin"><span className="mono">{node.id}</span></div>;
  }
}

function AllocateForm({ action, members, officerId, setOfficerId, error, busy, onAllocate }: {
  action: Detail; members: readonly Member[]; officerId: string; setOfficerId: (v: string) => void;
  error: string | null; busy: boolean; onAllocate: (officerId: string) => void;
}) {
  const sug = useQuery({ queryKey: ['actions', 'suggestions', action.id, action.version], queryFn: () => gql(ActionsSuggestionsDocument, { id: action.id }) });
  const list = sug.data?.node && 'allocationSuggestions' in sug.data.node ? sug.data.node.allocationSuggestions : [];
  const pickId = useId();
  return (
    <div className="step-form allocate">
      <h4>Suggested officers</h4>
      <p className="small muted">Ranked by the skills this action needs and each officer&rsquo;s open workload (High 3, Medium 2, Low 1).</p>
      {sug.isPending ? <p className="muted" aria-busy="true">Loading suggestions…</p> : sug.error ? (
        <p role="alert" className="error">Suggestions unavailable: {errorMessage(sug.error)}</p>
      ) : list.length === 0 ? <p className="muted">No suggestions.</p> : (
        <ol className="suggestions">
          {list.map((s) => (
            <li key={s.officer.id}>
              <div className="sug-head">
                <span><strong>{s.officer.name}</strong> <span className="muted small">{s.officer.rank}{s.officer.team ? ` · ${s.officer.team}` : ''}</span></span>
                <span className="sug-fit" title="How well the officer fits: skills matched and workload">Fit {Math.round(s.score * 100)}%</span>
                <button type="button" disabled={busy || s.officer.id === action.allocatedTo?.id} onClick={() => onAllocate(s.officer.id)} aria-label={`Allocate to ${s.officer.name}`}>
                  {s.officer.id === action.allocatedTo?.id ? 'Allocated' : 'Allocate'}
                </button>
              </div>
              <div className="sug-facts small">
                {s.skillsMatched.length > 0 && <span className="skill-ok">Has {s.skillsMatched.join(', ')}</span>}
                {s.skillsMissing.length > 0 && <span className="skill-missing">Lacks {s.skillsMissing.join(', ')}</span>}
                {s.skillsMatched.length === 0 && s.skillsMissing.length === 0 && <span className="muted">No skills required</span>}
                <span>{s.openActions} open action{s.openActions === 1 ? '' : 's'} · workload {s.workload}</span>
              </div>
              {s.reasons.length > 0 && (
                <details className="sug-why small">
                  <summary>Why</summary>
                  <ul>{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); onAllocate(officerId); }}>
        <label className="field" htmlFor={pickId}>
          <span>Or choose any member of the operation</span>
          <select id={pickId} value={officerId} onChange={(e) => setOfficerId(e.target.value)} aria-invalid={!!error || undefined} aria-describedby={error ? `${pickId}-err` : undefined}>
            <option value="">Choose an officer…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>{m.name} ({m.rank}){m.skills.length ? ` · ${m.skills.join(', ')}` : ''}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>Allocate</button>
        {error && <p id={`${pickId}-err`} className="field-error">{error}</p>}
      </form>
    </div>
  );
}

const TEXT_PROMPT: Partial<Record<Step, string>> = {
  RESULT: 'Result',
  RETURN: 'Reason for returning',
  REFER: 'Why the action is no longer relevant',
  REINSTATE: 'Reason for reinstating',
  CANCEL: 'Reason for cancelling',
  CHASE: 'Chase note (optional)',
};

function TextStepForm({ step, value, onChange, error, busy, onSubmit, onCancel }: {
  step: Step; value: string; onChange: (v: string) => void; error: string | null; busy: boolean; onSubmit: () => void; onCancel: () => void;
}) {
  const id = useId();
  return (
    <form className="step-form" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <label className="field" htmlFor={id}>
        <span>{TEXT_PROMPT[step] ?? 'Note'}</span>
        <textarea
          id={id}
          rows={step === 'RESULT' ? 5 : 3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          autoFocus
        />
      </label>
      {error && <p id={`${id}-err`} className="field-error">{error}</p>}
      {step === 'CANCEL' && <p className="small muted">Cancelling needs the SIO&rsquo;s or deputy SIO&rsquo;s authority; the reason is recorded in the action&rsquo;s history.</p>}
      <div className="form-buttons">
        <button type="submit" className={step === 'CANCEL' ? 'danger' : 'primary'} disabled={busy}>{STEP_LABEL[step]}</button>
        <button type="button" onClick={onCancel} disabled={busy}>Close</button>
      </div>
    </form>
  );
}

function EditForm({ action, onSaved, reload }: { action: Detail; onSaved: () => void; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const [priority, setPriority] = useState<ActionPriority>(action.priority);
  const [dueDate, setDueDate] = useState(action.dueDate ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!open) {
    return <p><button type="button" onClick={() => setOpen(true)}>Change priority or due date</button></p>;
  }
  const fe = (f: string) => (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field === f ? error.message : null);
  const conflict = error instanceof ApiError && error.code === 'CONFLICT';
  return (
    <form
      className="step-form edit-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await mutate(ActionsUpdateDocument, {
            id: action.id,
            expectedVersion: action.version,
            input: {
              priority: priority !== action.priority ? priority : null,
              dueDate: dueDate && dueDate !== action.dueDate ? dueDate : null,
            },
          });
          setOpen(false);
          onSaved();
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset>
        <legend>Reprioritise</legend>
        <label className="field" htmlFor={`${id}-p`}>
          <span>Priority</span>
          <select id={`${id}-p`} value={priority} onChange={(e) => setPriority(e.target.value as ActionPriority)}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{PRIORITY_LABEL[p]}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-d`}>
          <span>Due date</span>
          <input id={`${id}-d`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-invalid={!!fe('dueDate') || undefined} aria-describedby={fe('dueDate') ? `${id}-d-err` : undefined} />
        </label>
        {fe('dueDate') && <p id={`${id}-d-err`} className="field-error">{fe('dueDate')}</p>}
      </fieldset>
      {!!error && !fe('dueDate') && (
        <div role="alert" className={`banner ${conflict ? 'banner-conflict' : 'banner-error'}`}>
          {conflict ? <><strong>Changed by someone else; reload.</strong> <button type="button" onClick={() => { setError(null); reload(); }}>Reload</button></> : errorMessage(error)}
        </div>
      )}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>Save</button>
        <button type="button" onClick={() => { setOpen(false); setError(null); }}>Close</button>
      </div>
    </form>
  );
}

