// Pure logic of an exhibit's continuity (chain of custody): ordering, the
// form's values to the API's input, and the API's field errors to the form.

export interface ContinuityEventLike {
  at: string;
  heldBy: string;
  location: string;
  purpose: string;
}

/** Oldest first (as the API gives them), stable for equal times. */
export function sortContinuity<E extends { at: string }>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? 0 : a.t - b.t) || a.i - b.i)
    .map((x) => x.e);
}

/** What the officer types: `at` is a datetime-local value (the browser's local time) or empty for now. */
export interface ContinuityForm {
  at: string;
  heldBy: string;
  location: string;
  purpose: string;
}

export const EMPTY_FORM: ContinuityForm = { at: '', heldBy: '', location: '', purpose: '' };

export type FormField = keyof ContinuityForm;
export type FieldErrors = Partial<Record<FormField | 'form', string>>;

/** A datetime-local value (`2026-12-07T21:30`) as an RFC 3339 instant; null when empty or not a time. */
export function localToInstant(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Checks the form before it is sent (the API checks again; its messages win). */
export function validateContinuity(f: ContinuityForm, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.heldBy.trim()) errors.heldBy = 'Say who holds the exhibit from now.';
  if (!f.location.trim()) errors.location = 'Say where it is held.';
  if (!f.purpose.trim()) errors.purpose = 'Say why custody changed.';
  if (f.at) {
    const at = localToInstant(f.at);
    if (!at) errors.at = 'Enter a date and time, or leave empty for now.';
    else if (Date.parse(at) > now.getTime() + 5 * 60_000) errors.at = 'The time is in the future.';
  }
  return errors;
}

/** The mutation's input from the form: trimmed, `at` omitted for now. */
export function continuityInput(f: ContinuityForm): { at?: string; heldBy: string; location: string; purpose: string } {
  const input: { at?: string; heldBy: string; location: string; purpose: string } = {
    heldBy: f.heldBy.trim(), location: f.location.trim(), purpose: f.purpose.trim(),
  };
  const at = f.at ? localToInstant(f.at) : null;
  if (at) input.at = at;
  return input;
}

/** The form field an API error names (`input.heldBy` -> `heldBy`); `form` for anything else. */
export function formFieldOf(apiField: string | null | undefined): FormField | 'form' {
  const name = (apiField ?? '').replace(/^input\./, '');
  return name === 'at' || name === 'heldBy' || name === 'location' || name === 'purpose' ? name : 'form';
}

/** A message for an API field error, in the form's words: `Held by: must not be empty`. */
export function fieldMessage(field: FormField | 'form', message: string): string {
  const label: Record<FormField | 'form', string> = { at: 'When', heldBy: 'Held by', location: 'Location', purpose: 'Purpose', form: '' };
  const m = message.charAt(0).toUpperCase() + message.slice(1);
  return field === 'form' ? m : `${label[field]}: ${message}`;
}
