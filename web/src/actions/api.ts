// Mutations of the action screens: the shared client, with the input the
// API names on BAD_USER_INPUT turned into the form's own field (fieldKey).
import { ApiError, gql } from '../api/client';
import type { TypedDocumentString } from '../gql/graphql';

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

/** Runs a typed mutation; an ApiError's field is the form's (fieldKey). */
export async function mutate<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const run = gql as (d: TypedDocumentString<TResult, TVariables>, v: TVariables) => Promise<TResult>;
  try {
    return await run(document, variables);
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(e.message, e.code, e.status, fieldKey(e.field));
    throw e;
  }
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
