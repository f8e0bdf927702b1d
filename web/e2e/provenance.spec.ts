// Journey: read a link's provenance from an entity page: the link's ends,
// its marking, and each visible source with its grade and handling badges.
import { DEMO, expect, searchAndOpen, screen, signIn, test } from './fixtures';

test('reads a link\'s provenance with grade and handling badges', async ({ page }, testInfo) => {
  await signIn(page, 'analyst');
  await searchAndOpen(page, DEMO.mahoney.search, DEMO.mahoney.label);
  const links = page.getByRole('table', { name: 'Links' });
  const row = links.getByRole('row').filter({ has: page.getByRole('button', { name: 'Provenance' }) }).first();
  const other = (await row.getByRole('link').first().textContent())!.trim();
  await row.getByRole('button', { name: 'Provenance' }).click();

  const panel = page.getByRole('region', { name: 'Link provenance' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Link provenance' })).toBeFocused();
  await expect(panel).toContainText(DEMO.mahoney.label);
  await expect(panel).toContainText(other);
  // The sources: intelligence items with classification, grade and handling.
  await expect(panel.getByTitle(/^Classification: /).first()).toBeVisible();
  await expect(panel.getByTitle(/^3x5x2 grade [1-3][A-E]/).first()).toBeVisible();
  await expect(panel.getByTitle(/^Handling code [PC]/).first()).toBeVisible();
  await screen(page, 'provenance', testInfo);

  await panel.getByRole('button', { name: 'Close link provenance' }).click();
  await expect(panel).toHaveCount(0);
});
