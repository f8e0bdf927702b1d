// Production sign-in, end to end: a Keyline server configured with an
// OIDC issuer (a fake provider in this process) and the workbench signing
// in with the authorization code flow and PKCE (S256). The token lives in
// memory only: nothing of it reaches localStorage or sessionStorage, and a
// reload signs in again.
//
// Needs KEYLINE_BIN (the built keyline) and NEO4J_* of the e2e database,
// which scripts/e2e.sh exports.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { startFakeIdP, type FakeIdP } from './fake-idp';

const USER = { sub: 'dev-analyst', name: 'Priya Nair (OIDC)', roles: ['ANALYST'], clearance: 'SECRET' };

let idp: FakeIdP;
let server: ChildProcess;
let app: string;
let serverLog = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  const bin = process.env.KEYLINE_BIN;
  expect(bin, 'KEYLINE_BIN: run through scripts/e2e.sh').toBeTruthy();
  idp = await startFakeIdP(USER, 'keyline');
  const port = await freePort();
  app = `http://127.0.0.1:${port}`;
  // --dev only for an http:// JWKS on loopback; with an issuer set, the
  // server authenticates by OIDC and offers no development tokens.
  server = spawn(bin!, ['serve', '--dev', '--listen', `127.0.0.1:${port}`,
    '--oidc-issuer', idp.issuer, '--oidc-jwks-url', `${idp.issuer}/jwks`, '--oidc-audience', 'keyline',
    '--oidc-client-id', 'keyline-workbench'], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${app}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`keyline (OIDC) did not become ready:\n${serverLog}`);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await idp?.close();
});

test('signs in with the identity provider (code flow with PKCE), keeping the token in memory only', async ({ page }) => {
  const origins = new Set<string>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http')) origins.add(u.origin);
  });

  const config = await (await fetch(`${app}/workbench.json`)).json();
  expect(config).toEqual({ mode: 'oidc', oidc: { issuer: idp.issuer, clientId: 'keyline-workbench', scope: 'openid profile' } });
  expect((await fetch(`${app}/dev/token?role=analyst`)).status, 'no development tokens with an issuer').not.toBe(200);
  const csp = (await fetch(`${app}/`)).headers.get('content-security-policy') ?? '';
  expect(csp).toContain(`connect-src 'self' ${idp.issuer};`);

  await page.goto(`${app}/chart`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Priya Nair (OIDC)')).toBeVisible();
  await expect(page, 'back where sign-in started, the callback gone from the address').toHaveURL(`${app}/chart`);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Link chart' }), 'the app is on that screen').toHaveAttribute('aria-current', 'page');

  // The provider saw one authorization request with S256 PKCE, and the
  // token request proved the verifier.
  expect(idp.authorizations).toHaveLength(1);
  const auth = idp.authorizations[0];
  expect(auth.get('response_type')).toBe('code');
  expect(auth.get('code_challenge_method')).toBe('S256');
  expect(auth.get('client_id')).toBe('keyline-workbench');
  expect(auth.get('redirect_uri')).toBe(`${app}/auth/callback`);
  expect(idp.tokenRequests.map((t) => t.pkceOk)).toEqual([true]);
  expect(idp.tokenRequests[0].form.get('code_verifier')?.length).toBeGreaterThanOrEqual(43);

  // The token is in memory only.
  const token = idp.accessTokens[0];
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(token);
  expect(stored).not.toContain(token.split('.')[1]);

  // Only the app and the provider were contacted.
  expect([...origins].sort()).toEqual([app, idp.issuer].sort());

  // A reload forgets the token: the user signs in again.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
