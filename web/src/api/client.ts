// The workbench's one way to the API: typed GraphQL operations (generated
// from schema.graphqls by `npm run codegen`) posted to /graphql on this
// origin with the session's bearer token, and the chart exports fetched
// the same way. Errors keep the API's stable code.
import type { TypedDocumentString } from '../gql/graphql';

/** A GraphQL or HTTP failure, with the API's stable error code and, for BAD_USER_INPUT, the input field at fault (e.g. "input.heldBy"). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | null;
  constructor(message: string, code: string, status: number, field: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

type TokenSource = () => string | null;
let tokenSource: TokenSource = () => null;
let onUnauthenticated: () => void = () => {};

/**
 * The API's position after the last answer (X-Keyline-Bookmark, sealed by
 * the server, sent only where several Keyline replicas share a Neo4j
 * cluster): handed back with the next operation so that it reads this
 * one's writes whichever replica answers (docs/SCALING.md). Kept in
 * memory only, like the token.
 */
const BOOKMARK_HEADER = 'X-Keyline-Bookmark';
let bookmark: string | null = null;

/** Called by the session: where the bearer token comes from, and what to do when it is refused. */
export function configureClient(source: TokenSource, unauthenticated: () => void): void {
  tokenSource = source;
  onUnauthenticated = unauthenticated;
  bookmark = null;
}

/** The current bearer token, for the bundled explorer's fetcher. */
export function bearerToken(): string | null {
  return tokenSource();
}

function headers(json: boolean): HeadersInit {
  const h: Record<string, string> = { Accept: json ? 'application/json' : '*/*' };
  if (json) h['Content-Type'] = 'application/json';
  const token = tokenSource();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** Runs one typed operation; rejects with ApiError on any error. */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  let res: Response;
  const h = headers(true) as Record<string, string>;
  if (bookmark) h[BOOKMARK_HEADER] = bookmark;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('Keyline could not be reached.', 'UNAVAILABLE', 0);
  }
  bookmark = res.headers.get(BOOKMARK_HEADER) ?? bookmark;
  let body: GraphQLResponse<TResult>;
  try {
    body = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`Keyline answered ${res.status}.`, res.status === 401 ? 'UNAUTHENTICATED' : 'UNAVAILABLE', res.status);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first.extensions?.code ?? 'INTERNAL';
    if (code === 'UNAUTHENTICATED') onUnauthenticated();
    throw new ApiError(first.message, code, res.status, first.extensions?.field ?? null);
  }
  if (!res.ok || body.data == null) {
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(`Keyline answered ${res.status}.`, res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', res.status);
  }
  return body.data;
}

/** Fetches a document route (/export/..., /reports/...) as a Blob. */
export async function fetchDocument(path: string, body?: unknown): Promise<Blob> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: headers(body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let message = `Keyline answered ${res.status}.`;
    let code = res.status === 404 ? 'NOT_FOUND' : res.status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT';
    try {
      const e = (await res.clone().json()) as GraphQLResponse<unknown>;
      const first = e.errors?.[0];
      if (first?.message) message = first.message;
      if (first?.extensions?.code) code = first.extensions.code;
    } catch {
      const text = (await res.text()).trim();
      if (text && text.length < 300) message = text;
    }
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(message, code, res.status);
  }
  return res.blob();
}

/** Saves a Blob as a file through a temporary same-origin object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
