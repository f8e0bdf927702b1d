// Journeys: the evidence trace (an exhibit back to the graded intelligence
// that led to it; an item forward to what it produced), an exhibit's
// continuity (recording a step, a change by someone else, the form's
// checks), the undeveloped and uncorroborated intelligence, and the CPIA
// disclosure schedules (MG6C with its CSV; MG6D for the SIO; a refusal for
// others). Demo data: Operation Kestrel (seed/), where exhibit NH/3 (a
// handset download) was obtained by action A44, raised from A40, raised
// from intelligence INT/2026/000135 (graded 1B P, OFFICIAL-SENSITIVE).
//
// The investigator (Tom Hughes, cleared to OFFICIAL-SENSITIVE) works in
// Operation Kestrel (OFFICIAL-SENSITIVE) and traces an exhibit without ever
// being shown a SECRET item.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkA11y, expect, graphqlAs, screen, signIn, test } from '../fixtures';

const EXHIBIT = { search: 'NH/3', reference: 'NH/3' };
const ITEM = { urn: 'INT/2026/000135', grade: '1B P', classification: 'OFFICIAL-SENSITIVE' };


async function openExhibit(page: Page, search: string, reference: string) {
  const box = page.getByRole('searchbox', { name: 'Find an exhibit' });
  await box.fill(search);
  const list = page.getByRole('list', { name: 'Exhibits' });
  const pick = list.getByRole('link', { name: new RegExp(`^${reference.replace('/', '\\/')}\\b`) });
  await expect(pick).toBeVisible();
  await expect(list.getByRole('link')).toHaveCount(1);
  await pick.click();
  await expect(page).toHaveURL(/[?&]exhibit=exh_/);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${reference.replace('/', '\\/')}`) })).toBeVisible();
}

test('an exhibit is traced back through the actions to the graded intelligence that led to it', async ({ page }, testInfo) => {
  await signIn(page, 'analyst', '/evidence');
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence' })).toBeVisible();
  // The conversion figures.
  await expect(page.getByText('Intelligence items', { exact: true })).toBeVisible();
  await expect(page.getByText('Evidenced', { exact: true })).toBeVisible();
  await openExhibit(page, EXHIBIT.search, EXHIBIT.reference);

  const trace = page.getByRole('region', { name: 'Trace back to the intelligence' });
  await expect(trace.getByText('Items you may not see are not shown.')).toBeVisible();
  await expect(trace.getByText(`Led to by ${ITEM.urn}`)).toBeVisible();
  // Drawn (Cytoscape draws on canvases) ...
  await expect(trace.locator('.ev-diagram canvas').first()).toBeVisible();
  // ... and listed in order, from the intelligence to the exhibit.
  const steps = trace.getByRole('region', { name: 'Chain' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText(ITEM.urn);
  await expect(steps.nth(1)).toContainText('A40');
  await expect(steps.nth(2)).toContainText('A44');
  await expect(steps.nth(3)).toContainText(EXHIBIT.reference);
  // The intelligence carries its markings: classification, grade, handling.
  await expect(steps.nth(0).getByText(ITEM.classification, { exact: true })).toBeVisible();
  await expect(steps.nth(0).getByText(ITEM.grade, { exact: true })).toBeVisible();
  await expect(steps.nth(0).getByTitle(/Handling code P/)).toBeVisible();
  // Every step as a table with headers.
  await trace.getByText(/All 3 steps as a table/).click();
  await expect(trace.getByRole('columnheader', { name: 'Earlier record' })).toBeVisible();
  await expect(trace.getByRole('row').filter({ hasText: 'obtained exhibit' })).toContainText('Exhibit NH/3');

  // Continuity, oldest first.
  const continuity = page.getByRole('region', { name: 'Continuity' });
  await expect(continuity.getByRole('columnheader', { name: 'Held by' })).toBeVisible();
  await expect(continuity.getByRole('row')).not.toHaveCount(1);

  await screen(page, 'evidence-trace-back', testInfo);
  await checkA11y(page, 'evidence-trace-back', testInfo);
});

test('an intelligence item is traced forward to the actions and exhibits it produced', async ({ page }, testInfo) => {
  await signIn(page, 'analyst', '/evidence');
  await openExhibit(page, EXHIBIT.search, EXHIBIT.reference);
  // From the chain to the item's own forward trace.
  await page.getByRole('region', { name: 'Trace back to the intelligence' }).getByRole('link', { name: ITEM.urn }).click();
  await expect(page).toHaveURL(/[?&]item=int_/);
  await expect(page.getByRole('heading', { level: 2, name: ITEM.urn })).toBeVisible();
  const forward = page.getByRole('region', { name: 'What it led to' });
  await expect(forward.getByText('Items you may not see are not shown.')).toBeVisible();
  const tree = forward.getByRole('list', { name: 'What it led to' });
  for (const ref of ['NH/3', 'NH/4', 'LM/3', 'LM/4']) {
    await expect(tree.getByRole('link', { name: ref, exact: true })).toBeVisible();
  }
  await expect(tree).toContainText('A40');
  await expect(tree).toContainText('A44');
  await expect(page.locator('.ev-detail-head').getByText(ITEM.grade, { exact: true })).toBeVisible();
  await screen(page, 'evidence-trace-forward', testInfo);
  await checkA11y(page, 'evidence-trace-forward', testInfo);

  // And back again: an exhibit in the tree opens its own trace.
  await tree.getByRole('link', { name: 'LM/3', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^LM\/3/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Trace back to the intelligence' })).toContainText(ITEM.urn);
});

test('undeveloped and uncorroborated intelligence are listed, paged, each opening its forward trace', async ({ page }, testInfo) => {
  await signIn(page, 'analyst', '/evidence');
  await page.getByRole('navigation', { name: 'Evidence views' }).getByRole('link', { name: 'Undeveloped intelligence' }).click();
  const list = page.getByRole('list', { name: 'Undeveloped intelligence' });
  await expect(list.getByRole('link').first()).toBeVisible();
  await expect(list.getByRole('link')).toHaveCount(12);
  // Markings on every item.
  await expect(list.locator('.markings')).toHaveCount(12);
  const pager = page.getByRole('navigation', { name: 'Undeveloped intelligence pages' });
  await expect(pager).toContainText(/^1–12 of \d+/);
  const pageOne = (await list.getByRole('link').first().locator('.ev-pick-ref').textContent())!;
  await pager.getByRole('button', { name: 'Next ›' }).click();
  await expect(pager).toContainText(/^13–24 of \d+/);
  const first = list.getByRole('link').first();
  // The second page has arrived (the first stays on screen while it loads).
  await expect(first.locator('.ev-pick-ref')).not.toHaveText(pageOne);
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  const urn = (await first.locator('.ev-pick-ref').textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 2, name: urn })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What it led to' })).toContainText('No action you may see has been raised from this item.');
  await screen(page, 'evidence-undeveloped', testInfo);
  await checkA11y(page, 'evidence-undeveloped', testInfo);

  await page.getByRole('navigation', { name: 'Evidence views' }).getByRole('link', { name: 'Uncorroborated intelligence' }).click();
  await expect(page.getByRole('list', { name: 'Uncorroborated intelligence' }).getByRole('link').first()).toBeVisible();
});

test('continuity: a step is recorded; a change by someone else is refused and what was typed is kept', async ({ page, request }, testInfo) => {
  await signIn(page, 'sio', '/evidence');
  await openExhibit(page, 'AB/1', 'AB/1');
  const exhibitId = new URL(page.url()).searchParams.get('exhibit')!;
  const continuity = page.getByRole('region', { name: 'Continuity' });
  const form = page.getByRole('form', { name: 'Record the next step' });
  const rows = continuity.getByRole('table').getByRole('row');
  const before = await rows.count();

  // The form's own checks, by field.
  await form.getByRole('button', { name: 'Record continuity' }).click();
  await expect(form.getByRole('alert')).toContainText('Say who holds the exhibit from now.');
  await expect(form.getByLabel('Held by')).toHaveAttribute('aria-invalid', 'true');

  // Someone else records a step after the page was loaded.
  const other = await graphqlAs<{ node: { version: number } }>(request, 'deputy_sio', `query($id: ID!) { node(id: $id) { ... on Exhibit { version } } }`, { id: exhibitId });
  const version = other.node.version;
  await graphqlAs(request, 'deputy_sio',
    `mutation($id: ID!, $v: Int!) { recordContinuity(exhibitId: $id, expectedVersion: $v, input: { heldBy: "DS Okafor", location: "SIO office", purpose: "Reviewed for disclosure" }) { version } }`,
    { id: exhibitId, v: version });

  await form.getByLabel('Held by').fill('DC Tom Hughes');
  await form.getByLabel('Location').fill('Digital forensics unit');
  await form.getByLabel('Purpose').fill('Sent for further examination');
  await form.getByRole('button', { name: 'Record continuity' }).click();
  await expect(form.getByRole('alert')).toContainText('Changed by someone else; reload');
  await expect(form.getByLabel('Held by')).toHaveValue('DC Tom Hughes');
  await screen(page, 'evidence-continuity-conflict', testInfo);
  await checkA11y(page, 'evidence-continuity-conflict', testInfo);

  await form.getByRole('button', { name: 'Reload' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(continuity).toContainText('Reviewed for disclosure');
  await expect(form.getByLabel('Purpose')).toHaveValue('Sent for further examination');
  await form.getByRole('button', { name: 'Record continuity' }).click();
  await expect(form.getByRole('status')).toContainText('Continuity step recorded for AB/1.');
  await expect(rows).toHaveCount(before + 2);
  await expect(rows.last()).toContainText('DC Tom Hughes');
  await expect(rows.last()).toContainText('Sent for further examination');
  await expect(form.getByLabel('Held by')).toHaveValue('');
});

test('the SIO reads the MG6C and downloads its CSV, and reads the MG6D with its reasons', async ({ page }, testInfo) => {
  await signIn(page, 'sio', '/disclosure');
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosure schedules' })).toBeVisible();
  const sheet = page.getByRole('region', { name: /MG6C: schedule of non-sensitive unused material/ });
  const table = sheet.getByRole('table');
  for (const h of ['Item', 'Reference', 'Description', 'Obtained']) {
    await expect(table.getByRole('columnheader', { name: h, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('row').nth(1)).toContainText('1');
  const shown = (await table.getByRole('row').count()) - 1;
  expect(shown).toBeGreaterThan(0);
  await screen(page, 'disclosure-mg6c', testInfo);
  await checkA11y(page, 'disclosure-mg6c', testInfo);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    sheet.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^OP-KESTREL-2026-MG6C-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('Item,Reference,Description,Obtained');
  expect(csv).toHaveLength(shown + 1);
  await expect(sheet.getByRole('status')).toContainText('Downloaded');

  const [printable] = await Promise.all([
    page.waitForEvent('download'),
    sheet.getByRole('button', { name: 'Download printable document' }).click(),
  ]);
  expect(printable.suggestedFilename()).toMatch(/MG6C-.*\.html$/);
  expect(readFileSync((await printable.path())!, 'utf8')).toContain('MG6C: schedule of non-sensitive unused material');

  await page.getByRole('navigation', { name: 'Schedules' }).getByRole('link', { name: /MG6D/ }).click();
  const sensitive = page.getByRole('region', { name: /MG6D: schedule of sensitive unused material/ });
  await expect(sensitive.getByRole('columnheader', { name: 'Reason for sensitivity' })).toBeVisible();
  await expect(sensitive.getByRole('table')).toContainText('Reveals covert surveillance methodology');
  await screen(page, 'disclosure-mg6d', testInfo);
  await checkA11y(page, 'disclosure-mg6d', testInfo);
});

test('a role that may not read the MG6D is told so; it still reads the MG6C', async ({ page }, testInfo) => {
  await signIn(page, 'analyst', '/disclosure?kind=MG6D');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('You may not read the MG6D.');
  await expect(alert).toContainText('the MG6D sensitive schedule is for the SIO, deputy SIO and auditors only');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(0);
  await screen(page, 'disclosure-mg6d-forbidden', testInfo);
  await checkA11y(page, 'disclosure-mg6d-forbidden', testInfo);

  await page.getByRole('navigation', { name: 'Schedules' }).getByRole('link', { name: /MG6C/ }).click();
  await expect(page.getByRole('region', { name: /MG6C/ }).getByRole('table')).toBeVisible();
});

test('the investigator traces an exhibit to its intelligence and is never shown a SECRET item', async ({ page }, testInfo) => {
  await signIn(page, 'investigator', '/evidence');
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence' })).toBeVisible();
  await openExhibit(page, EXHIBIT.search, EXHIBIT.reference);
  const trace = page.getByRole('region', { name: 'Trace back to the intelligence' });
  await expect(trace.getByText(`Led to by ${ITEM.urn}`)).toBeVisible();
  await expect(trace.getByText(ITEM.grade, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('main').getByTitle('Classification: SECRET')).toHaveCount(0);
  await screen(page, 'evidence-investigator', testInfo);
  await checkA11y(page, 'evidence-investigator', testInfo);
});
