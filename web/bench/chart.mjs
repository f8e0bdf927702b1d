// Time to draw and lay out a network on the link chart, in headless
// Chromium, through the UI: open /chart?add=<seed>, set the hops and the
// node budget, click "Expand", and time from the click to the chart
// container's data-chart-state="ready" with the expanded network drawn
// (clocked inside the page: performance.now() at the click, a
// MutationObserver on the container). Also read: the chart's own
// performance measure 'keyline:chart-draw' (from the data's arrival to
// the layout's end, if the chart records it) and the /graphql request's
// duration (Resource Timing), so the total splits into API and drawing.
//
// A benchmark, not a test: it asserts nothing about the times, it reports
// them (median and max of RUNS runs per size).
//
//   KEYLINE_URL=http://127.0.0.1:8080 SEED_ID=per_... [OPERATION_ID=op_...] \
//   CHROMIUM=/usr/bin/chromium node bench/chart.mjs [--runs 5] [--sizes 500:2,2000:3] [--json out.json]
//
// scripts/bench-web.sh starts the stack with a synthetic operation and runs it.
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i < 0 ? def : args[i + 1];
};
const baseURL = process.env.KEYLINE_URL ?? 'http://127.0.0.1:8080';
const seedId = process.env.SEED_ID;
const operationId = process.env.OPERATION_ID ?? '';
const runs = Number(opt('--runs', '5'));
// budget:hops pairs; issue 14: 500 entities and 2,000 entities.
const sizes = opt('--sizes', '500:2,2000:3').split(',').map((s) => {
  const [budget, hops] = s.split(':').map(Number);
  return { budget, hops };
});
const jsonOut = opt('--json', '');
const timeoutMs = Number(opt('--timeout', '120000'));
const analyst = 'Priya Nair (DEV analyst)';
if (!seedId) {
  console.error('chart bench: SEED_ID (an entity id of the network to expand) is required');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const results = { browser: browser.version(), baseURL, seedId, operationId, runs, sizes: [] };
try {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/');
  await page.getByRole('button', { name: analyst, exact: true }).click();
  await page.getByRole('banner').getByText(analyst).waitFor();

  for (const { budget, hops } of sizes) {
    const samples = [];
    for (let run = 1; run <= runs; run++) {
      const s = await oneRun(page, budget, hops);
      samples.push(s);
      console.log(`  budget ${budget}, ${hops} hops, run ${run}: click->ready ${s.totalMs.toFixed(0)} ms ` +
        `(graphql ${fmt(s.graphqlMs)}, chart-draw measure ${fmt(s.drawMs)}), ${s.nodes} nodes, ${s.edges} edges`);
    }
    const summary = { budget, hops, samples, ...stats(samples.map((s) => s.totalMs), 'total'),
      ...stats(samples.map((s) => s.drawMs).filter((x) => x != null), 'draw'),
      ...stats(samples.map((s) => s.graphqlMs).filter((x) => x != null), 'graphql'),
      nodes: samples[0].nodes, edges: samples[0].edges };
    results.sizes.push(summary);
    console.log(`budget ${budget} (${hops} hops; ${summary.nodes} nodes, ${summary.edges} edges): click->ready median ${summary.totalMedian.toFixed(0)} ms, max ${summary.totalMax.toFixed(0)} ms; ` +
      `chart-draw median ${fmt(summary.drawMedian)}, max ${fmt(summary.drawMax)}; graphql median ${fmt(summary.graphqlMedian)}`);
  }
  if (errors.length) {
    results.pageErrors = errors;
    console.error(`page errors:\n${errors.join('\n')}`);
  }
} finally {
  await browser.close();
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));

function fmt(ms) {
  return ms == null ? 'n/a' : `${ms.toFixed(0)} ms`;
}

function stats(xs, name) {
  if (!xs.length) return {};
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { [`${name}Median`]: median, [`${name}Max`]: s[s.length - 1], [`${name}Min`]: s[0] };
}

async function oneRun(page, budget, hops) {
  // A fresh chart each run: the seed alone, drawn.
  await page.goto(`/chart?add=${encodeURIComponent(seedId)}`);
  await page.getByRole('banner').getByText(analyst).waitFor();
  if (operationId) {
    const picker = page.getByRole('banner').getByRole('combobox', { name: 'Operation' });
    if ((await picker.inputValue()) !== operationId) await picker.selectOption(operationId);
  }
  const chart = page.locator('[data-chart-state]');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-chart-state]');
    return el?.getAttribute('data-chart-state') === 'ready' && Number(el.getAttribute('data-node-count')) >= 1;
  }, null, { timeout: timeoutMs });
  const before = Number(await chart.getAttribute('data-node-count'));

  // Hops and node budget live in "Question settings" (a toggled panel).
  const hopsField = page.getByLabel(/^Hops/);
  if (!(await hopsField.isVisible())) await page.getByRole('button', { name: 'Question settings', exact: true }).click();
  await setNumber(page, /^Hops/, hops);
  await setNumber(page, /^Node budget/, budget);

  const expand = page.getByRole('button', { name: 'Expand', exact: true });
  await expand.waitFor();
  // Clocks inside the page: the click (capture phase, before the app's
  // handler) and the container turning ready with more than the seed.
  await page.evaluate((before) => {
    const w = window;
    w.__bench = { t0: null, t1: null, nodes: 0, edges: 0, busySeen: false };
    performance.clearMeasures('keyline:chart-draw');
    performance.clearResourceTimings();
    const btn = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === 'Expand');
    btn.addEventListener('click', () => { w.__bench.t0 = performance.now(); }, { capture: true, once: true });
    const el = document.querySelector('[data-chart-state]');
    const check = () => {
      const state = el.getAttribute('data-chart-state');
      if (w.__bench.t0 == null || w.__bench.t1 != null) return;
      if (state === 'busy') w.__bench.busySeen = true;
      const nodes = Number(el.getAttribute('data-node-count'));
      if (state === 'ready' && nodes > before) {
        w.__bench.t1 = performance.now();
        w.__bench.nodes = nodes;
        w.__bench.edges = Number(el.getAttribute('data-edge-count'));
        obs.disconnect();
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(el, { attributes: true, attributeFilter: ['data-chart-state', 'data-node-count', 'data-edge-count'] });
  }, before);
  await expand.click();
  await page.waitForFunction(() => window.__bench.t1 != null, null, { timeout: timeoutMs, polling: 50 });
  return page.evaluate(() => {
    const b = window.__bench;
    const draws = performance.getEntriesByName('keyline:chart-draw', 'measure');
    const gql = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/graphql') && r.startTime >= b.t0 - 1);
    return {
      totalMs: b.t1 - b.t0,
      drawMs: draws.length ? draws[draws.length - 1].duration : null,
      graphqlMs: gql.length ? gql.reduce((m, r) => Math.max(m, r.responseEnd), 0) - b.t0 : null,
      nodes: b.nodes,
      edges: b.edges,
      busySeen: b.busySeen,
    };
  });
}

async function setNumber(page, label, value) {
  const field = page.getByLabel(label).first();
  if (!(await field.count())) throw new Error(`chart bench: no field labelled ${label} on the chart`);
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await field.selectOption(String(value));
  else await field.fill(String(value));
}
