// Keyboard only: Tab through the header and the chart's toolbar reaches
// the search box, the "Expand" button and the entities list, and Enter
// and Space work on a focused button.
import type { Page } from '@playwright/test';
import { addToChart, chartCanvas, chartReady, DEMO, expect, signIn, test } from './fixtures';

interface Focused { tag: string; role: string; name: string; inEntities: boolean; inToolbar: boolean; inHeader: boolean }

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: '', name: '', inEntities: false, inToolbar: false, inHeader: false };
    const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? (el as HTMLInputElement).type ?? '',
      name: labelled.trim().replace(/\s+/g, ' '),
      inEntities: !!el.closest('[aria-label="Entities on chart"]'),
      inToolbar: !!el.closest('[role="toolbar"]'),
      inHeader: !!el.closest('header, [role="banner"]'),
    };
  });
}

/** Presses Tab until `want` holds for the focused element (at most `max` times); returns the path taken. */
async function tabTo(page: Page, want: (f: Focused) => boolean, max = 120): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f);
    if (want(f)) return path;
  }
  throw new Error(`not reached by Tab in ${max} presses; went through:\n${path.map((f) => `${f.tag}[${f.role}] ${f.name.slice(0, 60)}`).join('\n')}`);
}

test('Tab reaches the search box, Expand and the entities list; Enter and Space press buttons', async ({ page }) => {
  await signIn(page, 'analyst');
  await addToChart(page, DEMO.mahoney.search, DEMO.mahoney.label);
  await expect(chartCanvas(page)).toHaveAttribute('data-node-count', '1');

  // From the top of the page.
  await page.locator('body').evaluate((b) => { (document.activeElement as HTMLElement | null)?.blur(); b.focus(); });
  await page.keyboard.press('Home');
  const toSearch = await tabTo(page, (f) => f.role === 'combobox' && f.name.startsWith('Search entities'));
  expect(toSearch.at(-1)!.inHeader).toBeTruthy();
  await expect(page.getByRole('combobox', { name: 'Search entities' })).toBeFocused();

  const toExpand = await tabTo(page, (f) => f.tag === 'button' && f.name === 'Expand');
  expect(toExpand.at(-1)!.inToolbar).toBeTruthy();
  await expect(page.getByRole('button', { name: 'Expand', exact: true })).toBeFocused();

  // Enter on the focused Expand button expands the chart.
  await page.keyboard.press('Enter');
  const expanded = await chartReady(page, 1);
  expect(expanded.nodes).toBeGreaterThan(1);

  // On to the entities list: its checkboxes are reached by Tab.
  await tabTo(page, (f) => f.inEntities && f.role === 'checkbox');
  const box = page.getByRole('list', { name: 'Entities on chart' }).getByRole('checkbox').filter({ has: page.locator(':focus') })
    .or(page.getByRole('list', { name: 'Entities on chart' }).locator('input[type="checkbox"]:focus'));
  await expect(box).toBeFocused();
  // Space toggles the focused checkbox.
  const before = await box.isChecked();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked({ checked: !before });

  // Space on a focused button: Undo takes the expansion back.
  await page.getByRole('button', { name: 'Undo', exact: true }).focus();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(chartCanvas(page)).toHaveAttribute('data-node-count', '1', { timeout: 30_000 });
});
