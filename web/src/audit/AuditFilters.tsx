// The audit trail's search form. It edits a draft; "Search" applies it
// (to the URL, which the results follow), so nothing is asked of the
// server while the user is still typing.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ACTION_GROUPS, ALL_ACTIONS, actionLabel, EMPTY_SEARCH, searchKey, toFilter, type AuditSearch } from './filters';
import type { OfficerRow, OperationRow } from './lookups';

export function AuditFilters({ applied, officers, operations, onApply }: {
  applied: AuditSearch;
  officers: readonly OfficerRow[];
  operations: readonly OperationRow[];
  onApply: (s: AuditSearch) => void;
}) {
  const [draft, setDraft] = useState<AuditSearch>(applied);
  const [errors, setErrors] = useState<ReturnType<typeof toFilter>['errors']>({});
  const id = useId();
  // A search applied from elsewhere (a link, a row) replaces the draft.
  const appliedKey = searchKey(applied);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { setDraft(applied); setErrors({}); }, [appliedKey]);

  const set = <K extends keyof AuditSearch>(k: K, v: AuditSearch[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = toFilter(draft);
    setErrors(r.errors);
    if (Object.keys(r.errors).length === 0) onApply({ ...draft, actor: draft.actor.trim(), record: draft.record.trim() });
  };
  const toggle = (a: string, on: boolean) =>
    set('actions', on ? ALL_ACTIONS.filter((x) => x === a || draft.actions.includes(x)) : draft.actions.filter((x) => x !== a));
  const only = (actions: readonly string[]) => set('actions', [...actions]);

  const actorKnown = !draft.actor || officers.some((o) => o.subject === draft.actor);
  const opKnown = !draft.operation || operations.some((o) => o.id === draft.operation);
  const actionSummary = draft.actions.length === 0 || draft.actions.length === ALL_ACTIONS.length
    ? 'All actions'
    : draft.actions.length <= 3 ? draft.actions.map(actionLabel).join(', ') : `${draft.actions.length} actions`;

  return (
    <form className="audit-filters audit-filters-grid" onSubmit={submit} aria-label="Search the audit trail" noValidate>
      <div className="audit-field">
        <label htmlFor={`${id}-officer`}>Officer</label>
        <select id={`${id}-officer`} value={draft.actor} onChange={(e) => set('actor', e.target.value)}>
          <option value="">Any officer</option>
          {officers.map((o) => (
            <option key={o.id} value={o.subject!}>{o.name} · {o.rank} · {o.collarNumber}</option>
          ))}
          {!actorKnown && <option value={draft.actor}>{draft.actor} (identity subject)</option>}
        </select>
      </div>
      <div className="audit-field audit-field-record">
        <label htmlFor={`${id}-record`}>Record id</label>
        <input
          id={`${id}-record`} type="search" className="mono" value={draft.record} placeholder="e.g. per_01m9…"
          spellCheck={false} autoComplete="off"
          aria-invalid={errors.record ? true : undefined}
          aria-describedby={errors.record ? `${id}-record-err` : undefined}
          onChange={(e) => set('record', e.target.value)}
        />
        {errors.record && <span id={`${id}-record-err`} className="audit-field-error">{errors.record}</span>}
      </div>
      <div className="audit-field">
        <label htmlFor={`${id}-op`}>Operation</label>
        <select id={`${id}-op`} value={draft.operation} onChange={(e) => set('operation', e.target.value)}>
          <option value="">Any operation</option>
          {operations.map((o) => <option key={o.id} value={o.id}>{o.reference} {o.name}</option>)}
          {!opKnown && <option value={draft.operation}>{draft.operation}</option>}
        </select>
      </div>
      <div className="audit-field audit-field-actions">
        <span className="audit-field-label" id={`${id}-actions-label`}>Action</span>
        <details className="audit-actions">
          <summary aria-describedby={`${id}-actions-label`}>{actionSummary}</summary>
          <div className="audit-actions-pop">
            <div className="audit-actions-quick">
              <button type="button" onClick={() => only([])}>All</button>
              {ACTION_GROUPS.map((g) => (
                <button key={g.label} type="button" onClick={() => only(g.actions)}>{g.label} only</button>
              ))}
            </div>
            {ACTION_GROUPS.map((g) => (
              <fieldset key={g.label}>
                <legend>{g.label}</legend>
                {g.actions.map((a) => (
                  <label key={a} className="audit-check">
                    <input type="checkbox" checked={draft.actions.includes(a)} onChange={(e) => toggle(a, e.target.checked)} />
                    {actionLabel(a)}
                  </label>
                ))}
              </fieldset>
            ))}
            <p className="muted audit-hint">None ticked means all actions.</p>
          </div>
        </details>
      </div>
      <div className="audit-dates">
      <div className="audit-field">
        <label htmlFor={`${id}-from`}>From (UK date)</label>
        <input
          id={`${id}-from`} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)}
          aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? `${id}-from-err` : undefined}
        />
        {errors.from && <span id={`${id}-from-err`} className="audit-field-error">{errors.from}</span>}
      </div>
      <div className="audit-field">
        <label htmlFor={`${id}-to`}>To (inclusive)</label>
        <input
          id={`${id}-to`} type="date" value={draft.to} onChange={(e) => set('to', e.target.value)}
          aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? `${id}-to-err` : undefined}
        />
        {errors.to && <span id={`${id}-to-err`} className="audit-field-error">{errors.to}</span>}
      </div>
      </div>
      <div className="audit-filter-buttons">
        <button type="submit" className="primary">Search</button>
        <button type="button" onClick={() => { setDraft(EMPTY_SEARCH); setErrors({}); onApply(EMPTY_SEARCH); }}>Clear</button>
      </div>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="error audit-filter-alert">Check the search: {Object.values(errors).join(' ')}</p>
      )}
    </form>
  );
}
