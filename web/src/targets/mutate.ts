// Runs a mutation like api/client's gql, but keeps the API's
// `extensions.field` (the input at fault), which ApiError does not carry:
// the review and assessment forms show each error beside its field.
import { ApiError, bearerToken, gql } from '../api/client';
import type { TypedDocumentString } from '../gql/graphql';
import { graphql } from '../gql';

/** An API error with the input it names, if any. */
export class FieldError extends ApiError {
  readonly field: string | null;
  constructor(message: string, code: string, status: number, field: string | null) {
    super(message, code, status);
    this.name = 'FieldError';
    this.field = field;
  }
}

const PingDocument = graphql(`query TargetsSessionCheck { me { subject } }`);

export async function mutate<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const token = bearerToken();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new FieldError('Keyline could not be reached.', 'UNAVAILABLE', 0, null);
  }
  let body: { data?: TResult | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new FieldError(`Keyline answered ${res.status}.`, res.status === 401 ? 'UNAUTHENTICATED' : 'UNAVAILABLE', res.status, null);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL';
    // Let the session notice (api/client ends it on UNAUTHENTICATED).
    if (code === 'UNAUTHENTICATED') await gql(PingDocument).catch(() => undefined);
    throw new FieldError(first.message, code, res.status, first.extensions?.field ?? null);
  }
  if (!res.ok || body.data == null) throw new FieldError(`Keyline answered ${res.status}.`, 'INTERNAL', res.status, null);
  return body.data;
}
