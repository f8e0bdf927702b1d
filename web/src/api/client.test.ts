import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, configureClient, gql } from './client';
import type { TypedDocumentString } from '../gql/graphql';

const doc = { toString: () => 'query Q { me { name } }' } as unknown as TypedDocumentString<{ me: { name: string } }, Record<string, never>>;

function answer(status: number, body: unknown, extra: Record<string, string> = {}) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...extra } })));
}

function sentHeaders(call: number): Record<string, string> {
  const init = (fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[call][1];
  return init.headers as Record<string, string>;
}

afterEach(() => vi.unstubAllGlobals());

describe('gql', () => {
  it('sends the bearer token and returns data', async () => {
    configureClient(() => 'tok', () => {});
    answer(200, { data: { me: { name: 'A' } } });
    await expect(gql(doc)).resolves.toEqual({ me: { name: 'A' } });
    const init = (fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0][1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });
  it('keeps the code and the field of an input error', async () => {
    answer(200, { errors: [{ message: 'must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.heldBy' } }], data: null });
    const err = await gql(doc).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([err.code, err.field, err.message]).toEqual(['BAD_USER_INPUT', 'input.heldBy', 'must not be empty']);
  });
  it("hands the API's bookmark back with the next operation, and forgets it on a new session", async () => {
    configureClient(() => 'tok', () => {});
    answer(200, { data: { me: { name: 'A' } } }, { 'X-Keyline-Bookmark': 'sealed-1' });
    await gql(doc);
    expect(sentHeaders(0)['X-Keyline-Bookmark']).toBeUndefined();
    await gql(doc);
    expect(sentHeaders(1)['X-Keyline-Bookmark']).toBe('sealed-1');
    answer(200, { data: { me: { name: 'A' } } });
    await gql(doc);
    expect(sentHeaders(0)['X-Keyline-Bookmark']).toBe('sealed-1'); // an answer without one keeps the last
    configureClient(() => 'tok', () => {});
    await gql(doc);
    expect(sentHeaders(1)['X-Keyline-Bookmark']).toBeUndefined();
  });
  it('signs out on UNAUTHENTICATED', async () => {
    const out = vi.fn();
    configureClient(() => 'old', out);
    answer(401, { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(gql(doc)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(out).toHaveBeenCalledOnce();
  });
});
