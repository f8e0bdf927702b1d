// Mutations of the action screens. The shared client (api/client.ts) keeps
// the API's error code but not `extensions.field`, which the forms need to
// put a BAD_USER_INPUT message beside the input at fault; this posts the
// same way (same origin, the session's bearer token) and keeps the field.
// Queries go through the shared client.
import { ApiError, bearerToken, gql } from '../api/client';
import type { TypedDocumentString } from '../gql/graphql';
import { ActionsOfficersDocument } from './queries';

/** An ApiError that names the input at fault, normalised (see fieldKey). */
export class FieldApiError extends ApiError {
  readonly field: string | null;
  constructor(message: string, code: string, status: number, field: string | null) {
    super(message, code, status);
    this.field = field;
  }
}

/**
 * The form field an API error names: `input.title` → `title`,
 * `input.raisedFromIds[0]` → `raisedFromIds`; the API names a bad due date
 * `date`.
 */
export function fieldKey(field: string | null | undefined): string | null {
  if (!field) return null;
  const f = field.replace(/^input\./, '').replace(/\[\d+\]$/, '');
  if (f === 'date') return 'dueDate';
  return f;
}

interface Body<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export async function mutate<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const token = bearerToken();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new FieldApiError('Keyline could not be reached.', 'UNAVAILABLE', 0, null);
  }
  let body: Body<TResult> | null = null;
  try {
    body = (await res.json()) as Body<TResult>;
  } catch {
    body = null;
  }
  const first = body?.errors?.[0];
  const code = first?.extensions?.code ?? (res.status === 401 ? 'UNAUTHENTICATED' : res.ok ? 'INTERNAL' : 'UNAVAILABLE');
  if (code === 'UNAUTHENTICATED') {
    // A harmless read through the shared client, which ends the session
    // the way every screen does.
    await gql(ActionsOfficersDocument, { search: null }).catch(() => undefined);
  }
  if (first) throw new FieldApiError(first.message, code, res.status, fieldKey(first.extensions?.field));
  if (!res.ok || body?.data == null) throw new FieldApiError(`Keyline answered ${res.status}.`, code, res.status, null);
  return body.data;
}

/** What to say for an error, in the screen's words. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'CONFLICT':
        return `Changed by someone else; reload. (${e.message})`;
      case 'FORBIDDEN':
        return `Not permitted: ${e.message}`;
      case 'NOT_FOUND':
        return `Not found: ${e.message}`;
      default:
        return e.message;
    }
  }
  return e instanceof Error ? e.message : String(e);
}
