// An exhibit's continuity (chain of custody): who held it, when, where
// and why, oldest first; and, for those who record exhibits, a form to add
// the next step (recordContinuity with the version the officer read: a
// change by someone else in between is refused, and what was typed kept).
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../entity/format';
import { ApiError, gql } from '../api/client';
import { continuityInput, EMPTY_FORM, fieldMessage, formFieldOf, sortContinuity, validateContinuity, type ContinuityEventLike, type ContinuityForm, type FieldErrors, type FormField } from './continuity';
import { EvidenceRecordContinuityDocument } from './queries';

export function ContinuitySection({ exhibitId, reference, version, events, canRecord, onReload, reloading }: {
  exhibitId: string;
  reference: string;
  version: number;
  events: readonly ContinuityEventLike[];
  canRecord: boolean;
  onReload: () => void;
  reloading: boolean;
}) {
  const rows = sortContinuity(events);
  return (
    <section className="ev-panel" aria-labelledby="ev-continuity-h">
      <header className="ev-panel-head">
        <h3 id="ev-continuity-h">Continuity</h3>
        <span className="muted">{rows.length} {rows.length === 1 ? 'step' : 'steps'}, oldest first</span>
      </header>
      {rows.length === 0 ? (
        <p className="ev-empty">No continuity is recorded for {reference}.</p>
      ) : (
        <div className="ev-table-wrap">
          <table className="ev-table">
            <caption className="sr-only">Continuity of exhibit {reference}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Held by</th>
                <th scope="col">Where</th>
                <th scope="col">What for</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td className="num">{i + 1}</td>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.heldBy}</td>
                  <td>{e.location}</td>
                  <td>{e.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord ? (
        <ContinuityFormView exhibitId={exhibitId} reference={reference} version={version} onReload={onReload} reloading={reloading} />
      ) : (
        <p className="muted ev-small">Continuity is recorded by investigators, action managers and the SIO or deputy SIO.</p>
      )}
    </section>
  );
}

function ContinuityFormView({ exhibitId, reference, version, onReload, reloading }: {
  exhibitId: string; reference: string; version: number; onReload: () => void; reloading: boolean;
}) {
  const qc = useQueryClient();
  const id = useId();
  const [form, setForm] = useState<ContinuityForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (f: ContinuityForm) => gql(EvidenceRecordContinuityDocument, { exhibitId, expectedVersion: version, input: continuityInput(f) }),
    onSuccess: async () => {
      setForm(EMPTY_FORM);
      setErrors({});
      setConflict(false);
      setDone(`Continuity step recorded for ${reference}.`);
      await qc.invalidateQueries({ queryKey: ['evidence', 'exhibit', exhibitId] });
    },
    onError: (err) => {
      setDone(null);
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setConflict(true);
        setErrors({});
      } else if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
        const f = formFieldOf(err.field);
        setErrors({ [f]: fieldMessage(f, err.message) });
      } else {
        const code = err instanceof ApiError ? err.code : '';
        setErrors({ form: code === 'FORBIDDEN' ? `You may not record continuity: ${err.message}` : `Could not record the step: ${err.message}` });
      }
    },
  });

  const set = (k: FormField) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.target.value }));
    setErrors((er) => (er[k] ? { ...er, [k]: undefined } : er));
    setDone(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateContinuity(form);
    setErrors(v);
    if (Object.keys(v).length) {
      const first = (['at', 'heldBy', 'location', 'purpose'] as FormField[]).find((k) => v[k]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    m.mutate(form);
  };
  const reload = () => {
    setConflict(false);
    onReload();
  };

  const field = (k: FormField, label: string, props: { type?: string; placeholder?: string; hint?: string; required?: boolean }) => (
    <div className={`ev-field ev-field-${k}`}>
      <label htmlFor={`${id}-${k}`}>{label}{props.required && <span aria-hidden="true"> *</span>}</label>
      <input
        id={`${id}-${k}`}
        type={props.type ?? 'text'}
        value={form[k]}
        onChange={set(k)}
        placeholder={props.placeholder}
        required={props.required}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={[errors[k] ? `${id}-${k}-err` : '', props.hint ? `${id}-${k}-hint` : ''].filter(Boolean).join(' ') || undefined}
        maxLength={k === 'purpose' ? 500 : 200}
      />
      {props.hint && <span id={`${id}-${k}-hint`} className="ev-hint">{props.hint}</span>}
      {errors[k] && <span id={`${id}-${k}-err`} className="ev-field-error">{errors[k]}</span>}
    </div>
  );

  return (
    <form className="ev-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Record the next step</h4>
      {conflict && (
        <div role="alert" className="ev-alert">
          <strong>Changed by someone else; reload.</strong> {reference} was changed after you opened it. Reload to see the latest
          continuity, then record your step again: what you typed is kept.
          <button type="button" onClick={reload} disabled={reloading}>{reloading ? 'Reloading…' : 'Reload'}</button>
        </div>
      )}
      {errors.form && <p role="alert" className="ev-alert">{errors.form}</p>}
      {Object.keys(errors).some((k) => k !== 'form') && (
        <p role="alert" className="ev-alert">
          {(['at', 'heldBy', 'location', 'purpose'] as FormField[]).filter((k) => errors[k]).map((k) => errors[k]).join(' ')}
        </p>
      )}
      <div className="ev-form-grid">
        {field('at', 'When', { type: 'datetime-local', hint: 'Leave empty for now.' })}
        {field('heldBy', 'Held by', { placeholder: 'Name or collar number', required: true })}
        {field('location', 'Location', { placeholder: 'e.g. Exhibits store, Liverpool', required: true })}
        {field('purpose', 'Purpose', { placeholder: 'e.g. Sent for analysis', required: true })}
      </div>
      <div className="ev-form-actions">
        <button type="submit" className="primary" disabled={m.isPending}>{m.isPending ? 'Recording…' : 'Record continuity'}</button>
        <span className="muted ev-small">Recorded against version {version} of {reference}.</span>
        <span role="status" className="ev-ok">{done ?? ''}</span>
      </div>
    </form>
  );
}
