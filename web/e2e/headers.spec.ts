// The app's response headers: a Content-Security-Policy that names no
// origin but the app's own ('self'), on the app, its client routes and
// the explorer.
import { expect, test } from './fixtures';

for (const path of ['/', '/chart', '/entities/nope', '/explorer']) {
  test(`${path} is served with a strict Content-Security-Policy`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/html');
    const csp = res.headers()['content-security-policy'];
    expect(csp, 'Content-Security-Policy header').toBeTruthy();
    const directives = Object.fromEntries(
      csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values];
      }),
    ) as Record<string, string[]>;
    // No http(s) origin anywhere (in development there is no identity
    // provider to talk to), no wildcard, no inline or eval script.
    expect(csp).not.toMatch(/https?:/i);
    expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
}

test('a missing asset is 404, not the app', async ({ request }) => {
  const res = await request.get('/assets/does-not-exist.js');
  expect(res.status()).toBe(404);
});
