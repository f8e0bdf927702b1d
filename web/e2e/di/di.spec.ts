// Journeys of the Detective Inspector (SIO) through the targets screens:
// the ranking and register, a level 2 target package, a review decision
// with its rationale written to the policy file, a review refused because
// someone else changed the target first, and need to know on the package
// for an investigator cleared only to OFFICIAL-SENSITIVE.
//
// Serial: the review recorded by the first journey is the one whose
// withheld snapshot the investigator sees in the last.
import type { Page } from '@playwright/test';
import { checkA11y, DEMO, expect, graphqlAs, ROLES, screen, signIn, test } from '../fixtures';

// Assembling a package reads much of the graph: on a shared, busy machine
// a journey takes longer than the default minute.
test.describe.configure({ mode: 'serial', timeout: 240_000 });
const SLOW = { timeout: 60_000 };

const SHANNON = 'MAHONEY, Shannon (1989-09-14)';
// Operation Kestrel's SECRET intelligence about Connor MAHONEY (seed/): CHIS
// reporting, including legacy 5x5x5 items.
const SECRET_ABOUT_CONNOR = ['INT/2026/000177', 'INT/2026/000042', 'INT/2026/000041', 'INT/2026/000031', 'INT/2021/002286', 'INT/2019/001598', 'INT/2019/001073'];

async function openFromRegister(page: Page, label: string): Promise<void> {
  const register = page.getByRole('region', { name: /^Register/ });
  await register.getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label, SLOW);
}

test('DI reviews a package and sees the decision in the policy file', async ({ page }, testInfo) => {
  await signIn(page, 'sio', '/targets');
  await expect(page.getByRole('heading', { level: 1, name: 'Targets by priority' })).toBeVisible();
  const register = page.getByRole('region', { name: /^Register/ });
  const row = register.getByRole('row').filter({ hasText: SHANNON });
  await expect(row).toContainText('Submitted for review');
  await expect(row).toContainText('Awaiting DI review');
  await screen(page, 'di-ranking', testInfo);
  await checkA11y(page, 'di-ranking', testInfo);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('di-ranking-1280.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  await openFromRegister(page, SHANNON);
  for (const name of ['Subject profile', 'Criminal activity', 'Lifestyle', 'Associations', 'Intelligence picture', 'Gaps and risks', 'Actions', 'Evidence', 'Tactical options', 'Priority', 'Review', 'Review history']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${name}\\s*\\d*$`) })).toBeVisible();
  }
  // Markings on every intelligence item.
  const items = page.locator('#intelligence tbody tr[data-classification]');
  await expect(items.first()).toBeVisible();
  const n = await items.count();
  for (let i = 0; i < n; i++) await expect(items.nth(i).locator('.badge-class')).toHaveCount(1);
  await checkA11y(page, 'di-package', testInfo);

  // The printable report: fetched with the token, opened in a tab of its
  // own with the server's styles (given back as a constructed stylesheet,
  // as the workbench's CSP refuses inline <style>), or downloaded.
  const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Open printable report' }).click()]);
  await expect(report.getByRole('heading', { level: 1 })).toContainText(`Level 2 target package: ${SHANNON}`, SLOW);
  expect(await report.evaluate(() => getComputedStyle(document.querySelector('h2')!).borderBottomStyle)).toBe('solid');
  await report.close();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^target-package-MAHONEY-Shannon-1989-09-14\.html$/);

  // The DI sets the organisational position (and, as none is recorded yet, the whole assessment).
  await page.getByLabel('Physical harm', { exact: true }).selectOption('2');
  await page.getByLabel('Financial harm', { exact: true }).selectOption('4');
  await page.getByLabel('Likelihood', { exact: true }).selectOption('3');
  await page.getByLabel('Capacity', { exact: true }).selectOption('3');
  await page.getByLabel('Capability', { exact: true }).selectOption('3');
  await page.getByLabel('Opportunity', { exact: true }).selectOption('2');
  await page.getByLabel('Assessment rationale').fill('Laundering for the Kell Street Crew through the car wash; financial investigation capacity available.');
  await page.getByRole('button', { name: 'Record assessment and score' }).click();
  const breakdown = page.getByRole('table', { name: /Priority score breakdown/ });
  await expect(breakdown).toBeVisible();
  await expect(breakdown.getByRole('rowheader', { name: /^Organisational position/ })).toBeVisible();

  // A review needs its rationale: the form says so beside the field.
  await page.getByRole('radio', { name: /^Adopt/ }).check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Every review records its rationale in the policy file.')).toBeVisible();
  await expect(page.getByLabel(/^Rationale/)).toHaveAttribute('aria-invalid', 'true');

  const rationale = 'Adopted: she launders the group\'s cash through the car wash; financial investigation capacity is available now (e2e).';
  await page.getByLabel(/^Rationale/).fill(rationale);
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decision recorded in the policy file' })).toBeVisible();
  await expect(page.locator('.pkg-meta .status-pill')).toHaveText('Adopted');
  const history = page.locator('#history');
  await expect(history).toContainText('Submitted for review → Adopted');
  await expect(history).toContainText(rationale);

  // The package as reviewed, readable later.
  await history.getByRole('button', { name: 'View the package as reviewed' }).click();
  const dialog = page.getByRole('dialog', { name: /^Package as reviewed/ });
  const snapshot = dialog.getByRole('region', { name: /^Package as reviewed on/ });
  await expect(snapshot).toContainText(SHANNON);
  await expect(snapshot).toContainText('Intelligence');
  await expect(snapshot.locator('.badge-class').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('di-snapshot-1280.png') });
  await checkA11y(page, 'di-snapshot', testInfo);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await screen(page, 'di-package-reviewed-1280', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The decision in the policy file.
  await page.getByRole('status').getByRole('link', { name: 'Open the policy file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Policy file' })).toBeVisible();
  const entry = page.locator('tr.highlight');
  await expect(entry).toContainText(rationale);
  await expect(entry).toContainText(`Target review: SUBMITTED to ADOPTED`);
  await expect(entry).toContainText('DI Mark Ellison');
  await screen(page, 'di-policy-file', testInfo);
  await checkA11y(page, 'di-policy-file', testInfo);

  // Now assessed, the target is in the ranking.
  await page.getByRole('link', { name: 'Ranking and register' }).click();
  const ranking = page.getByRole('region', { name: /^Ranking/ });
  await expect(ranking.getByRole('link', { name: SHANNON })).toBeVisible();
});

test('a review on a target someone else changed asks to reload and keeps the text', async ({ page }, testInfo) => {
  await signIn(page, 'sio', '/targets');
  await openFromRegister(page, DEMO.gallagher.label);
  const id = page.url().split('/targets/')[1];
  const version = Number((await page.locator('.pkg-title').innerText()).match(/version (\d+)/)![1]);

  // Someone else changes the target meanwhile.
  await graphqlAs(page.request, 'analyst',
    'mutation($id: ID!, $v: Int!) { updateTarget(id: $id, expectedVersion: $v, input: {rationale: "Access to a firearm; collects debts with violence (updated by the analyst)."}) { version } }',
    { id, v: version });

  const text = 'Submit for tasking: firearms risk to the public (e2e).';
  await page.getByRole('radio', { name: /^Submit for review/ }).check();
  await page.getByLabel(/^Rationale/).fill(text);
  await page.getByRole('button', { name: 'Record decision' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Changed by someone else; reload' });
  await expect(alert).toBeVisible();
  await expect(page.getByLabel(/^Rationale/)).toHaveValue(text);
  await screen(page, 'di-review-conflict', testInfo);

  await alert.getByRole('button', { name: 'Reload the package' }).click();
  await expect(page.locator('.pkg-title')).toContainText(`version ${version + 1}`);
  await expect(page.getByLabel(/^Rationale/)).toHaveValue(text);
  await page.getByRole('radio', { name: /^Submit for review/ }).check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decision recorded in the policy file' })).toBeVisible();
  await expect(page.locator('.pkg-meta .status-pill')).toHaveText('Submitted for review');
});

/** Target ids by subject label, read with the DI's token. */
async function targetIds(page: Page): Promise<Record<string, string>> {
  const data = await graphqlAs<{ me: { operations: { reference: string; targets: { edges: { node: { id: string; subject: { label: string } } }[] } }[] } }>(
    page.request, 'sio', '{ me { operations { reference targets(first: 50) { edges { node { id subject { label } } } } } } }');
  const op = data.me.operations.find((o) => o.reference === DEMO.reference)!;
  return Object.fromEntries(op.targets.edges.map((e) => [e.node.subject.label, e.node.id]));
}

test('an investigator never sees a SECRET item on the package', async ({ page }, testInfo) => {
  const ids = await targetIds(page);
  // Straight to the package, as from a link.
  await signIn(page, 'investigator', `/targets/${ids[DEMO.mahoney.label]}`);
  await expect(page.getByRole('banner')).toContainText(ROLES.investigator);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO.mahoney.label, SLOW);
  const items = page.locator('#intelligence tbody tr[data-classification]');
  await expect(items.first()).toBeVisible();
  await expect(page.locator('#intelligence tbody tr[data-classification="SECRET"]')).toHaveCount(0);
  await expect(page.locator('.pkg-main .badge-secret')).toHaveCount(0);
  const text = await page.locator('.pkg-main').innerText();
  for (const urn of SECRET_ABOUT_CONNOR) expect(text, `${urn} is SECRET`).not.toContain(urn);
  // A link resting only on SECRET material is not there at all.
  expect(text).not.toContain('JONES, Tyler');
  // Nothing to review or assess for an investigator.
  await expect(page.getByRole('button', { name: 'Record decision' })).toHaveCount(0);
  await screen(page, 'di-package-investigator', testInfo);
  await checkA11y(page, 'di-package-investigator', testInfo);

  // The review the DI recorded froze SECRET items: its snapshot is withheld, not summarised.
  await page.goto(`/targets/${ids[SHANNON]}`);
  await expect(page.getByRole('banner')).toContainText(ROLES.investigator);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SHANNON, SLOW);
  const history = page.locator('#history');
  await expect(history).toContainText('Submitted for review → Adopted');
  await expect(history).toContainText('withheld');
  await expect(history.getByRole('button', { name: 'View the package as reviewed' })).toHaveCount(0);
  expect(await page.locator('.pkg-main').innerText()).not.toMatch(/INT\/2026\/000046|INT\/2026\/000026/);
});
