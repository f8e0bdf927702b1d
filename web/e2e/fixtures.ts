// The shared fixture of the workbench's end-to-end journeys. For every
// test it:
//  - blocks, and fails the test on, any request to an origin other than
//    the app's own (the workbench loads nothing from elsewhere);
//  - fails the test on any Content-Security-Policy violation (console
//    messages and `securitypolicyviolation` events) and on any uncaught
//    error in the page.
// It also offers the helpers the journeys share: signing in as a demo
// user, an accessibility check with axe, and saving a screen's screenshot
// under test-results/screens/.
import { test as base, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };

/** The development sign-in choices (httpapi's dev roles) and their names. */
export const ROLES = {
  analyst: 'Priya Nair (DEV analyst)',
  investigator: 'Tom Hughes (DEV investigator)',
  action_manager: 'Sian Lloyd (DEV action manager)',
  sio: 'DI Mark Ellison (DEV SIO)',
  deputy_sio: 'DS Ruth Okafor (DEV deputy SIO)',
  auditor: 'Alan Reeve (DEV auditor)',
  external_system: 'Intel feed (DEV external system)',
} as const;
export type Role = keyof typeof ROLES;

/** Operation Kestrel, the demo operation (seed/). */
export const DEMO = {
  reference: 'OP-KESTREL-2026',
  name: 'Operation Kestrel',
  // Principals of the two groups, as the API labels persons.
  mahoney: { search: 'Mahoney', label: 'MAHONEY, Connor (1984-06-17)' },
  doyle: { search: 'Doyle', label: 'DOYLE, Liam (1991-01-09)' },
  walsh: { search: 'Kieran Walsh', label: 'WALSH, Kieran (1988-11-02)' },
  gallagher: { search: 'Gallagher', label: 'GALLAGHER, Reece (1995-03-28)' },
  // Two steps from Connor Mahoney, through Tyler Jones (the Dee line's courier).
  ellis: { search: 'Gareth Ellis', label: 'ELLIS, Gareth (1976-02-11)', via: 'JONES, Tyler (1999-12-02)' },
} as const;

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENS_DIR = process.env.E2E_SCREENS_DIR || join(here, '..', 'test-results', 'screens');

interface Guard {
  /** Requests to other origins, blocked. */
  foreign: string[];
  /** CSP violations, from the console and from securitypolicyviolation events. */
  csp: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use, testInfo) => {
      const origin = new URL(baseURL!).origin;
      const guard: Guard = { foreign: [], csp: [], pageErrors: [] };
      // Every request of the page, its workers and its frames passes here.
      await page.context().route('**/*', (route) => {
        const url = route.request().url();
        if (isForeign(url, origin)) {
          guard.foreign.push(`${route.request().method()} ${url}`);
          return route.abort('blockedbyclient');
        }
        return route.continue();
      });
      page.on('request', (req) => {
        const url = req.url();
        if (isForeign(url, origin) && !guard.foreign.some((f) => f.endsWith(' ' + url))) {
          guard.foreign.push(`${req.method()} ${url}`);
        }
      });
      page.on('console', (msg) => {
        const text = msg.text();
        if (/Content[- ]Security[- ]Policy/i.test(text)) guard.csp.push(`console: ${text}`);
      });
      page.on('pageerror', (err) => guard.pageErrors.push(err.stack ?? err.message));
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });

      await use(guard);

      if (!page.isClosed()) {
        const events = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
        guard.csp.push(...events.map((e) => `event: ${e}`));
      }
      const problems = [
        ...guard.foreign.map((f) => `request to another origin (blocked): ${f}`),
        ...guard.csp.map((c) => `CSP violation: ${c}`),
        ...guard.pageErrors.map((e) => `uncaught error in the page: ${e}`),
      ];
      if (problems.length) {
        await testInfo.attach('guard.txt', { body: problems.join('\n'), contentType: 'text/plain' });
      }
      expect(problems, 'no foreign origin, CSP violation or page error').toEqual([]);
    },
    { auto: true },
  ],
});

function isForeign(url: string, origin: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // data: and blob: URLs are the page's own (chart exports, images).
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return false;
  return u.origin !== origin;
}

/** Open the app and sign in as a demo user; waits for their name in the header. */
export async function signIn(page: Page, role: Role = 'analyst', path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: ROLES[role], exact: true }).click();
  await expect(page.getByRole('banner').getByText(ROLES[role])).toBeVisible();
}

/**
 * Search from the header for `query` and open the option whose accessible
 * name contains `label`, with the keyboard only (arrows, then Enter).
 * Lands on the entity page, whose h1 is the label.
 */
export async function searchAndOpen(page: Page, query: string, label: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.click();
  await box.fill('');
  await box.pressSequentially(query);
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  const wanted = listbox.getByRole('option', { name: new RegExp(escapeRegExp(label)) });
  await expect(wanted).toBeVisible();
  const count = await listbox.getByRole('option').count();
  for (let i = 0; i < count; i++) {
    await box.press('ArrowDown');
    if ((await wanted.getAttribute('aria-selected')) === 'true') break;
  }
  await expect(wanted).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await wanted.getAttribute('id'))!);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/entities\/[^/?#]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The link chart's canvas (role img), which carries data-chart-state and the counts. */
export function chartCanvas(page: Page) {
  return page.getByRole('img', { name: 'Link chart' });
}

/** Waits for the chart to be drawn and laid out (data-chart-state="ready") with more than `above` entities; returns the counts. */
export async function chartReady(page: Page, above = 0): Promise<{ nodes: number; edges: number }> {
  const canvas = chartCanvas(page);
  await expect(canvas).toHaveAttribute('data-chart-state', 'ready', { timeout: 30_000 });
  await expect.poll(async () => Number(await canvas.getAttribute('data-node-count')), { timeout: 30_000 }).toBeGreaterThan(above);
  await expect(canvas).toHaveAttribute('data-chart-state', 'ready');
  return {
    nodes: Number(await canvas.getAttribute('data-node-count')),
    edges: Number(await canvas.getAttribute('data-edge-count')),
  };
}

/** The checkbox of an entity in the chart's "Entities on chart" list. */
export function chartEntity(page: Page, label: string) {
  return page.getByRole('list', { name: 'Entities on chart' }).getByRole('checkbox', { name: new RegExp('^' + escapeRegExp(label)) });
}

/** Search for an entity, open its page and add it to the chart (journey through the UI). */
export async function addToChart(page: Page, query: string, label: string): Promise<{ nodes: number; edges: number }> {
  const before = await chartCanvas(page).count() ? Number(await chartCanvas(page).getAttribute('data-node-count') ?? 0) : 0;
  await searchAndOpen(page, query, label);
  await page.getByRole('button', { name: 'Add to chart' }).click();
  await expect(page).toHaveURL(/\/chart(\?|$)/);
  await expect(chartEntity(page, label)).toBeVisible();
  return chartReady(page, before);
}

/** Save a screenshot of the screen as a test artefact (test-results/screens/NAME.png). */
export async function screen(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`screen-${name}`, { path, contentType: 'image/png' });
}

export interface A11yOptions {
  /** CSS selectors left out of the check (say why at the call). */
  exclude?: string[];
  /** Only check inside these selectors. */
  include?: string[];
  /** axe rules turned off (say why at the call). */
  disableRules?: string[];
}

/**
 * Accessibility check with axe (WCAG 2.0/2.1/2.2 A and AA, and best
 * practices): fails on any violation of impact serious or critical and
 * prints them; milder ones are attached to the report.
 */
export async function checkA11y(page: Page, screenName: string, testInfo: TestInfo, opts: A11yOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  for (const s of opts.include ?? []) builder = builder.include(s);
  for (const s of opts.exclude ?? []) builder = builder.exclude(s);
  if (opts.disableRules?.length) builder = builder.disableRules(opts.disableRules);
  const result = await builder.analyze();
  const describe = (v: (typeof result.violations)[number]) =>
    `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n');
  await testInfo.attach(`axe-${screenName}.json`, { body: JSON.stringify(result.violations, null, 2), contentType: 'application/json' });
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.filter((v) => !serious.includes(v));
  if (minor.length) console.log(`axe (${screenName}): ${minor.length} minor/moderate:\n${minor.map(describe).join('\n')}`);
  if (serious.length) console.log(`axe (${screenName}): ${serious.length} serious/critical:\n${serious.map(describe).join('\n')}`);
  expect(serious.map(describe), `axe: no serious or critical violations on ${screenName}`).toEqual([]);
}

/**
 * Runs a GraphQL operation as a demo user (with a development token), for
 * a journey's setup and its checks behind the screens; fails the test on
 * any error.
 */
export async function graphqlAs<T>(request: APIRequestContext, role: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const tok = await request.get(`/dev/token?role=${role}`);
  expect(tok.ok(), `development token for ${role}`).toBeTruthy();
  const { token } = (await tok.json()) as { token: string };
  const res = await request.post('/graphql', {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}
