// Raising an action (HOLMES2: "raise"): what to do, its priority (the SIO's
// policy gives its timescale and so its due date, which may be set by
// hand), the skills it needs, and what raised it: intelligence items, lines
// of enquiry or decisions of the operation, found by search.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, gql } from '../api/client';
import { ItemMarkings } from '../components/Badges';
import type { ActionPriority, Classification } from '../gql/graphql';
import { errorMessage, mutate } from './api';
import type { Member } from './ActionDetail';
import { formatDate, formatDateTime, policyDueDate, PRIORITIES, PRIORITY_LABEL, timescaleLabel } from './lifecycle';
import { ActionsOriginIntelDocument, ActionsOriginPolicyDocument, ActionsRaiseDocument } from './queries';

export interface OriginChoice {
  id: string;
  kind: 'Intelligence' | 'Line of enquiry' | 'Decision';
  label: string;
  classification?: Classification;
  grading?: { code: string; handling: string; conditions?: string | null };
}

type Policy = { highHours: number; mediumDays: number; lowDays: number };

export function RaiseActionDialog({ operationId, policy, members, onClose, onRaised, initialOrigin }: {
  operationId: string;
  policy: Policy | null;
  members: readonly Member[];
  onClose: () => void;
  onRaised: (id: string) => void;
  initialOrigin?: OriginChoice;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [priority, setPriority] = useState<ActionPriority>('MEDIUM');
  const [dueDate, setDueDate] = useState('');
  const [skills, setSkills] = useState('');
  const [origins, setOrigins] = useState<OriginChoice[]>(initialOrigin ? [initialOrigin] : []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
    // showModal focuses the first control (the close button); start at the title.
    titleInput.current?.focus();
  }, []);

  const knownSkills = useMemo(() => [...new Set(members.flatMap((m) => m.skills))].sort(), [members]);
  const fe = (f: string) => (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.field === f ? error.message : null);
  const fieldNames = ['title', 'instructions', 'dueDate', 'requiredSkills', 'raisedFromIds', 'priority'];
  const general = !!error && !(error instanceof ApiError && error.field && fieldNames.includes(error.field) && error.code === 'BAD_USER_INPUT');
  const originError = error instanceof ApiError && error.field === 'raisedFromIds' ? error.message : null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await mutate(ActionsRaiseDocument, {
        input: {
          operationId,
          title: title.trim(),
          instructions: instructions.trim() || null,
          priority,
          dueDate: dueDate || null,
          requiredSkills: skills.split(/[,\s]+/).map((s) => s.trim().toUpperCase()).filter(Boolean),
          raisedFromIds: origins.map((o) => o.id),
        },
      });
      onRaised(r.raiseAction.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const described = (f: string) => (fe(f) ? `${id}-${f}-err` : undefined);
  return (
    <dialog ref={dialog} className="raise-dialog" aria-labelledby={`${id}-h`} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <div className="dialog-head">
          <h2 id={`${id}-h`}>Raise an action</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">×</button>
        </div>
        <div className="dialog-body">
          <div className="raise-main">
            <label className="field" htmlFor={`${id}-title`}>
              <span>Title <span className="req">(required)</span></span>
              <input id={`${id}-title`} ref={titleInput} value={title} onChange={(e) => setTitle(e.target.value)} required aria-invalid={!!fe('title') || undefined} aria-describedby={described('title')} />
            </label>
            {fe('title') && <p id={`${id}-title-err`} className="field-error">{fe('title')}</p>}
            <label className="field" htmlFor={`${id}-ins`}>
              <span>Instructions to the officer</span>
              <textarea id={`${id}-ins`} rows={4} value={instructions} onChange={(e) => setInstructions(e.target.value)} aria-invalid={!!fe('instructions') || undefined} aria-describedby={described('instructions')} />
            </label>
            {fe('instructions') && <p id={`${id}-instructions-err`} className="field-error">{fe('instructions')}</p>}
            <fieldset className="priority-set">
              <legend>Priority</legend>
              {PRIORITIES.map((p) => (
                <label key={p} className="radio">
                  <input type="radio" name={`${id}-pri`} value={p} checked={priority === p} onChange={() => setPriority(p)} />
                  <span className={`pill pri-${p.toLowerCase()}`}>{PRIORITY_LABEL[p]}</span>
                  {policy && <span className="small muted"> within {timescaleLabel(p, policy)}</span>}
                </label>
              ))}
            </fieldset>
            <div className="row2">
              <div>
                <label className="field" htmlFor={`${id}-due`}>
                  <span>Due date</span>
                  <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-invalid={!!fe('dueDate') || undefined} aria-describedby={fe('dueDate') ? `${id}-dueDate-err` : `${id}-due-hint`} />
                </label>
                {fe('dueDate') ? <p id={`${id}-dueDate-err`} className="field-error">{fe('dueDate')}</p> : (
                  <p id={`${id}-due-hint`} className="small muted">
                    {policy ? `Leave empty for the SIO's timescale: ${formatDate(policyDueDate(priority, policy, new Date()))}.` : 'Leave empty for the SIO’s timescale.'}
                  </p>
                )}
              </div>
              <div>
                <label className="field" htmlFor={`${id}-skills`}>
                  <span>Skills needed</span>
                  <input id={`${id}-skills`} value={skills} onChange={(e) => setSkills(e.target.value)} list={`${id}-skill-list`} aria-describedby={fe('requiredSkills') ? `${id}-requiredSkills-err` : `${id}-skills-hint`} aria-invalid={!!fe('requiredSkills') || undefined} />
                </label>
                <datalist id={`${id}-skill-list`}>{knownSkills.map((s) => <option key={s} value={s} />)}</datalist>
                {fe('requiredSkills') ? <p id={`${id}-requiredSkills-err`} className="field-error">{fe('requiredSkills')}</p> : (
                  <p id={`${id}-skills-hint`} className="small muted">Comma-separated, e.g. {knownSkills.slice(0, 2).join(', ') || 'PHONE_DOWNLOAD'}; used to suggest officers.</p>
                )}
              </div>
            </div>
          </div>
          <OriginPicker operationId={operationId} chosen={origins} setChosen={setOrigins} error={originError} />
        </div>
        {general && <div role="alert" className="banner banner-error">{errorMessage(error)}</div>}
        <div className="dialog-foot">
          <button type="button" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Raising…' : 'Raise action'}</button>
        </div>
      </form>
    </dialog>
  );
}

type Tab = 'intel' | 'loe' | 'decision';

function OriginPicker({ operationId, chosen, setChosen, error }: {
  operationId: string; chosen: OriginChoice[]; setChosen: (f: (c: OriginChoice[]) => OriginChoice[]) => void; error: string | null;
}) {
  const [tab, setTab] = useState<Tab>('intel');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const id = useId();
  useEffect(() => {
    const t = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);

  const intel = useQuery({
    queryKey: ['actions', 'origin-intel', operationId, search],
    enabled: tab === 'intel',
    placeholderData: keepPreviousData,
    queryFn: () => gql(ActionsOriginIntelDocument, { operationId, search: search || null }),
  });
  const policy = useQuery({
    queryKey: ['actions', 'origin-policy', operationId],
    enabled: tab !== 'intel',
    queryFn: () => gql(ActionsOriginPolicyDocument, { operationId }),
  });

  const has = (oid: string) => chosen.some((c) => c.id === oid);
  const toggle = (o: OriginChoice) => setChosen((c) => (c.some((x) => x.id === o.id) ? c.filter((x) => x.id !== o.id) : [...c, o]));
  const needle = search.toLowerCase();

  let options: OriginChoice[] = [];
  let extra: Record<string, string> = {};
  if (tab === 'intel') {
    for (const e of intel.data?.operation?.intelligenceItems.edges ?? []) {
      const n = e.node;
      options.push({ id: n.id, kind: 'Intelligence', label: n.urn, classification: n.classification, grading: n.grading });
      extra[n.id] = `${formatDateTime(n.receivedAt)} · ${n.sanitisedText}`;
    }
  } else if (tab === 'loe') {
    options = (policy.data?.operation?.linesOfEnquiry.edges ?? [])
      .map((e) => e.node)
      .filter((n) => !needle || `${n.title} ${n.description ?? ''}`.toLowerCase().includes(needle))
      .map((n) => ({ id: n.id, kind: 'Line of enquiry' as const, label: n.title }));
    extra = Object.fromEntries((policy.data?.operation?.linesOfEnquiry.edges ?? []).map((e) => [e.node.id, `${e.node.status.toLowerCase()}${e.node.description ? ` · ${e.node.description}` : ''}`]));
  } else {
    options = (policy.data?.operation?.decisions.edges ?? [])
      .map((e) => e.node)
      .filter((n) => !needle || n.decision.toLowerCase().includes(needle))
      .map((n) => ({ id: n.id, kind: 'Decision' as const, label: n.decision }));
    extra = Object.fromEntries((policy.data?.operation?.decisions.edges ?? []).map((e) => [e.node.id, `${e.node.author?.name ?? ''}, ${formatDateTime(e.node.madeAt)}`]));
  }
  const loading = tab === 'intel' ? intel.isPending : policy.isPending;
  const failed = tab === 'intel' ? intel.error : policy.error;
  const tabs: [Tab, string][] = [['intel', 'Intelligence'], ['loe', 'Lines of enquiry'], ['decision', 'Decisions']];

  return (
    <fieldset className="origin-picker" aria-describedby={error ? `${id}-err` : undefined}>
      <legend>Raised from</legend>
      {chosen.length > 0 ? (
        <ul className="chosen" aria-label="Chosen origins">
          {chosen.map((c) => (
            <li key={c.id}>
              <span className="kind">{c.kind}</span> <span className={c.kind === 'Intelligence' ? 'mono' : ''}>{c.label}</span>
              {c.classification && c.grading && <> <ItemMarkings classification={c.classification} grading={c.grading} /></>}
              <button type="button" className="icon-button small" onClick={() => toggle(c)} aria-label={`Remove ${c.label}`}>×</button>
            </li>
          ))}
        </ul>
      ) : <p className="small muted">Choose the intelligence, line of enquiry or decision the action comes from.</p>}
      {error && <p id={`${id}-err`} className="field-error">{error}</p>}
      <div className="origin-tabs" role="group" aria-label="Kind of origin">
        {tabs.map(([k, label]) => (
          <button key={k} type="button" aria-pressed={tab === k} className={tab === k ? 'current' : ''} onClick={() => setTab(k)}>{label}</button>
        ))}
      </div>
      <label className="field" htmlFor={`${id}-q`}>
        <span>{tab === 'intel' ? 'Search intelligence (URN or text)' : tab === 'loe' ? 'Filter lines of enquiry' : 'Filter decisions'}</span>
        <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="origin-results" aria-busy={loading || undefined}>
        {failed ? <p role="alert" className="error">{errorMessage(failed)}</p> : loading ? <p className="muted">Loading…</p> : options.length === 0 ? (
          <p className="muted">Nothing matches.</p>
        ) : (
          <ul>
            {options.map((o) => (
              <li key={o.id}>
                <label className="origin-option">
                  <input type="checkbox" checked={has(o.id)} onChange={() => toggle(o)} />
                  <span className="origin-text">
                    <span className={o.kind === 'Intelligence' ? 'mono' : 'strong'}>{o.label}</span>
                    {o.classification && o.grading && <> <ItemMarkings classification={o.classification} grading={o.grading} /></>}
                    <span className="small muted clamp2">{extra[o.id]}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {tab === 'intel' && intel.data?.operation && intel.data.operation.intelligenceItems.totalCount > 15 && (
          <p className="small muted">Showing the newest 15 of {intel.data.operation.intelligenceItems.totalCount}; search to narrow.</p>
        )}
      </div>
    </fieldset>
  );
}
