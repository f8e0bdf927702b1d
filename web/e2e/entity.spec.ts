// Journey: an entity page (properties, links, intelligence with their
// markings), reached from the search.
import { addToChart, chartEntity, checkA11y, DEMO, expect, screen, searchAndOpen, signIn, test } from './fixtures';

test('opens an entity page with its properties, links and intelligence', async ({ page }, testInfo) => {
  await signIn(page, 'analyst');
  await searchAndOpen(page, DEMO.mahoney.search, DEMO.mahoney.label);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toContainText(DEMO.mahoney.label);
  await expect(main.getByRole('button', { name: 'Add to chart' })).toBeVisible();

  // Properties: the demo's Connor Mahoney (seed/data.go).
  const details = main.getByRole('complementary', { name: 'Details' });
  await expect(details.getByText('PNC ID')).toBeVisible();
  await expect(details.getByText('02/318842L')).toBeVisible();
  await expect(details.getByText('Big C')).toBeVisible();

  // Links: a table with rows, each with a Provenance button.
  await expect(main.getByRole('heading', { name: 'Links', level: 2 })).toBeVisible();
  const links = main.getByRole('table', { name: 'Links' });
  await expect(links.getByRole('row').nth(1)).toBeVisible();
  expect(await links.getByRole('button', { name: 'Provenance' }).count()).toBeGreaterThan(0);
  await expect(links.getByRole('link', { name: /WALSH, Kieran|GALLAGHER, Reece|MAHONEY, Sean/ }).first()).toBeVisible();

  // Intelligence: items with their classification, grade and handling badges.
  await expect(main.getByRole('heading', { name: 'Intelligence', level: 2 })).toBeVisible();
  const intel = main.getByRole('list', { name: 'Intelligence items' });
  const first = intel.getByRole('listitem').first();
  await expect(first).toBeVisible();
  await expect(first.getByTitle(/^Classification: /)).toBeVisible();
  await expect(first.getByTitle(/^3x5x2 grade [1-3][A-E]/)).toBeVisible();
  await expect(first.getByTitle(/^Handling code [PC]/)).toBeVisible();

  await expect(main.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
  await screen(page, 'entity', testInfo);
  await checkA11y(page, 'entity', testInfo);
});

test('"Add to chart" opens the link chart with the entity on it', async ({ page }) => {
  await signIn(page, 'analyst');
  const counts = await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  expect(counts.nodes).toBe(1);
  await expect(chartEntity(page, DEMO.mahoney.label)).toBeChecked();
});

test('an entity the reader may not see is not found, like one that does not exist', async ({ page }) => {
  // The investigator is a member of no operation: Connor Mahoney is hidden.
  await signIn(page, 'analyst');
  await searchAndOpen(page, DEMO.mahoney.search, DEMO.mahoney.label);
  const url = page.url();
  await page.getByRole('banner').getByRole('combobox', { name: 'Switch development role' }).selectOption('investigator');
  await expect(page.getByRole('banner').getByText('Tom Hughes (DEV investigator)')).toBeVisible();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await expect(page.getByText(DEMO.mahoney.label)).toHaveCount(0);
});
