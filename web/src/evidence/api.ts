// The one mutation of the evidence screens that needs the API's field
// name on BAD_USER_INPUT (extensions.field), which the shared client's
// ApiError does not carry: it is posted here the same way (same origin,
// the session's bearer token) and otherwise fails as gql() does, except
// that an ended session is reported, not acted on (the next query's
// UNAUTHENTICATED signs out through the shared client).
import { ApiError, bearerToken } from '../api/client';
import type { TypedDocumentString } from '../gql/graphql';

/** An ApiError that names the input field the API refused. */
export class FieldApiError extends ApiError {
  readonly field: string | null;
  constructor(message: string, code: string, status: number, field: string | null) {
    super(message, code, status);
    this.field = field;
  }
}

interface Body<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** Runs a typed mutation; rejects with FieldApiError (code, message, field) on any error. */
export async function mutate<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  let res: Response;
  try {
    const h: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    const token = bearerToken();
    if (token) h.Authorization = `Bearer ${token}`;
    res = await fetch('/graphql', { method: 'POST', headers: h, body: JSON.stringify({ query: document.toString(), variables }) });
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
  if (res.status === 401) throw new FieldApiError(first?.message ?? 'Your session has ended: sign in again.', 'UNAUTHENTICATED', 401, null);
  if (first) throw new FieldApiError(first.message, first.extensions?.code ?? 'INTERNAL', res.status, first.extensions?.field ?? null);
  if (!res.ok || body?.data == null) throw new FieldApiError(`Keyline answered ${res.status}.`, 'INTERNAL', res.status, null);
  return body.data;
}
