// Journeys on the link chart: expand, find a path, key players, save and
// reopen from the home page, export ANX. The chart is a canvas (role img
// "Link chart") with data-chart-state="ready" and its counts when drawn and
// laid out; its entities are listed in "Entities on chart".
import { readFileSync } from 'node:fs';
import { addToChart, chartCanvas, chartEntity, chartReady, checkA11y, DEMO, expect, screen, signIn, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

async function expandFrom(page: import('@playwright/test').Page, before: number) {
  await page.getByRole('toolbar', { name: 'Chart actions' }).getByRole('button', { name: 'Expand', exact: true }).click();
  return chartReady(page, before);
}

test('expands an entity on the chart', async ({ page }, testInfo) => {
  await signIn(page, 'analyst');
  const one = await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  expect(one).toEqual({ nodes: 1, edges: 0 });
  const after = await expandFrom(page, 1);
  expect(after.nodes).toBeGreaterThan(1);
  expect(after.edges).toBeGreaterThan(0);
  // The list shows every entity drawn, each with its checkbox.
  const list = page.getByRole('list', { name: 'Entities on chart' });
  await expect(list.getByRole('checkbox')).toHaveCount(after.nodes);
  await expect(page.getByRole('heading', { name: /Entities on chart/ })).toContainText(String(after.nodes));
  await expect(page.getByText(/Question: network/)).toBeVisible();
  await screen(page, 'chart-network', testInfo);
  await checkA11y(page, 'chart-network', testInfo);
});

test('finds a path between two entities', async ({ page }, testInfo) => {
  await signIn(page, 'analyst');
  await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  // Gareth Ellis is two steps away (through Tyler Jones), with no direct link.
  const two = await addToChart(page, DEMO.ellis.search, DEMO.ellis.label);
  expect(two).toEqual({ nodes: 2, edges: 0 });
  await page.getByRole('button', { name: 'Select all' }).click();
  await expect(chartEntity(page, DEMO.mahoney.label)).toBeChecked();
  await expect(chartEntity(page, DEMO.ellis.label)).toBeChecked();
  await page.getByRole('button', { name: 'Find paths', exact: true }).click();
  const drawn = await chartReady(page, 2);
  expect(drawn.nodes).toBeGreaterThanOrEqual(3);
  expect(drawn.edges).toBeGreaterThanOrEqual(2);
  await expect(chartEntity(page, DEMO.ellis.via)).toBeVisible();
  const paths = page.getByRole('region', { name: /^Paths/ });
  await expect(paths.getByText('Path 1', { exact: true })).toBeVisible();
  await expect(paths.getByText(DEMO.mahoney.label).first()).toBeVisible();
  await expect(paths.getByText(DEMO.ellis.via).first()).toBeVisible();
  await expect(paths.getByText(DEMO.ellis.label).first()).toBeVisible();
  await screen(page, 'chart-paths', testInfo);
});

test('runs key players: ranked table filled, nodes sized', async ({ page }, testInfo) => {
  await signIn(page, 'analyst');
  await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  const net = await expandFrom(page, 1);
  const canvas = chartCanvas(page);
  const before = await canvas.screenshot();
  await page.getByRole('button', { name: 'Key players', exact: true }).click();
  await expect(canvas).toHaveAttribute('data-chart-state', 'ready', { timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Key players' });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
  // Ranked: the first column counts 1, 2, 3...
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('1');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('2');
  await expect(page.getByText(/Modularity Q = /)).toBeVisible();
  // Nodes sized by centrality: the chart exposes no sizes in the DOM (a
  // canvas), so this checks the drawing changed with the same entities.
  const counts = await chartReady(page, 0);
  expect(counts.nodes).toBeGreaterThanOrEqual(Math.min(net.nodes, 2));
  await page.waitForTimeout(500);
  const after = await canvas.screenshot();
  expect(Buffer.compare(before, after), 'the canvas is redrawn with nodes sized by centrality').not.toBe(0);
  await screen(page, 'chart-key-players', testInfo);
  await checkA11y(page, 'chart-key-players', testInfo);
});

test('saves a chart and reopens it from the home page', async ({ page }, testInfo) => {
  await signIn(page, 'analyst');
  await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  const net = await expandFrom(page, 1);
  const name = `E2E Mahoney network ${Date.now()}`;
  await page.getByLabel('Chart name').fill(name);
  await page.getByRole('button', { name: 'Save chart', exact: true }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Saved charts' })).toBeVisible();
  const saved = page.getByRole('main').getByRole('link', { name });
  // The home page lists it as soon as it is saved (soft: the reopening
  // below is still checked after a reload if the list is stale).
  await expect.soft(saved, 'the saved chart is listed on the home page at once').toBeVisible();
  await screen(page, 'home-saved', testInfo);
  // A fresh chart: reload (the chart lives in the tab), then reopen.
  await page.reload();
  await saved.click();
  await expect(page).toHaveURL(/\/chart/);
  const reopened = await chartReady(page, 0);
  expect(reopened.nodes).toBe(net.nodes);
  await expect(chartEntity(page, DEMO.mahoney.label)).toBeVisible();
});

test('saves a common-associates chart and reopens it through the saved search', async ({ page }) => {
  await signIn(page, 'analyst');
  await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  await addToChart(page, DEMO.ellis.search, DEMO.ellis.label);
  await page.getByRole('button', { name: 'Select all' }).click();
  await page.getByRole('button', { name: 'Common associates', exact: true }).click();
  const common = await chartReady(page, 2);
  const name = `E2E common ${Date.now()}`;
  await page.getByLabel('Chart name').fill(name);
  await page.getByRole('button', { name: 'Save chart', exact: true }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.reload();
  // Reopened by runSavedSearch, which the API costs by the saved question
  // itself (it was refused as the largest common-links question of all).
  const reopening = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('ChartSavedCommonLinks'));
  await page.getByRole('main').getByRole('link', { name }).click();
  await reopening;
  const reopened = await chartReady(page, 0);
  expect(reopened.nodes).toBe(common.nodes);
  await expect(chartEntity(page, DEMO.mahoney.label)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('exports ANX: an XML download naming the entities', async ({ page }) => {
  await signIn(page, 'analyst');
  await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  await expandFrom(page, 1);
  // The entities' labels, as the list names its checkboxes ("LABEL (Kind)",
  // long labels cut short with an ellipsis).
  const snapshot = await page.getByRole('list', { name: 'Entities on chart' }).ariaSnapshot();
  const labels = [...snapshot.matchAll(/checkbox "(.*)"/g)]
    .map((m) => m[1].replace(/\\"/g, '"').replace(/\s*\((Person|Organisation|Location|Vehicle|Comms device|Event)\)$/, '').replace(/…$/, '').trim());
  expect(labels.length).toBeGreaterThan(1);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ANX', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.anx$/i);
  const xml = readFileSync((await download.path())!, 'utf8');
  expect(xml.startsWith('<?xml'), 'an XML declaration first').toBeTruthy();
  expect(xml).toContain('<Chart');
  const text = unescapeXml(xml);
  expect(text).toContain(DEMO.mahoney.label);
  const missing = labels.filter((l) => !text.includes(l));
  expect(missing, 'every entity on the chart is named in the ANX file').toEqual([]);
});

function unescapeXml(s: string): string {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
