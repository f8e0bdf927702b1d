// Journeys of the auditor / professional standards and the supervisor:
//  - an analyst opens a person's page; the auditor finds that access in the
//    audit trail by officer and record, opens it, follows the record link
//    and exports the search as CSV (the download's content is checked);
//  - the audit trail refuses a role that may not read it, plainly;
//  - the MOPI review queue: read only for the auditor; the SIO records a
//    decision, with the form's field errors, and a conflict with a decision
//    made meanwhile by the deputy SIO is reported and resolved by a reload
//    that keeps what was typed.
// Each screen is checked with axe and saved with screen().
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkA11y, DEMO, expect, graphqlAs, ROLES, screen, searchAndOpen, signIn, test } from '../fixtures';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: ROLES.auditor, exact: true })).toBeVisible();
}


/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the auditor finds an analyst\'s access to a person by officer and record, opens it and exports CSV', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // The analyst opens Mahoney's page (its timeline is an audited question about him).
  await signIn(page, 'analyst');
  const timelineAsked = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query EntityTimeline'), { timeout: 45_000 });
  await searchAndOpen(page, DEMO.mahoney.search, DEMO.mahoney.label);
  expect((await timelineAsked).ok()).toBeTruthy();
  const personId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  expect(personId).toMatch(/^per_/);
  await signOut(page);

  // The auditor searches the trail by officer and record.
  await signIn(page, 'auditor', '/audit');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(main.getByRole('navigation', { name: 'Audit and review' }).getByRole('link', { name: 'Audit trail' })).toHaveAttribute('aria-current', 'page');
  const form = main.getByRole('form', { name: 'Search the audit trail' });
  await form.getByLabel('Officer').selectOption({ label: 'Priya Nair · Police Staff · MP7714' });
  await form.getByLabel('Record id').fill(personId);
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`officer=dev-analyst&record=${personId}`));

  const table = main.getByRole('table', { name: /Audit events/ });
  // On a freshly started stack the first search has been seen to answer
  // before the analyst's events are visible; Refresh asks again.
  await expect(async () => {
    if (!(await table.isVisible())) await main.getByRole('button', { name: 'Refresh' }).click();
    await expect(table).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Every event found is by the analyst and about the person.
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await expect(rows.nth(i)).toContainText('Priya Nair');
    await expect(rows.nth(i).getByRole('link', { name: personId })).toHaveAttribute('href', `/entities/${personId}`);
  }
  const timeline = rows.filter({ hasText: 'timeline' }).first();
  await expect(timeline).toContainText('Analyse');
  await expect(main.getByRole('heading', { level: 2, name: /Events/ })).toContainText(`${n} match`);

  // Its detail: who, when, what, which record, and the question's parameters.
  await timeline.getByRole('button', { name: /^Details of Analyse by Priya Nair/ }).click();
  const detail = main.getByRole('complementary', { name: /Analyse question/ });
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('Priya Nair');
  await expect(detail).toContainText('dev-analyst');
  await expect(detail).toContainText(DEMO.reference);
  await expect(detail.getByRole('link', { name: personId })).toHaveAttribute('href', `/entities/${personId}`);
  const params = detail.getByRole('table');
  await expect(params.getByRole('columnheader', { name: 'Parameter' })).toBeVisible();
  await expect(params.getByRole('row', { name: /entityIds/ })).toContainText(personId);
  await expect(detail).toContainText('Result size');
  await screen(page, 'audit-trail-detail', testInfo);
  await checkA11y(page, 'audit-trail-detail', testInfo);

  // Export the search as CSV and check the file.
  const downloadP = page.waitForEvent('download');
  await main.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toMatch(/^keyline-audit-\d{8}-\d{4}\.csv$/);
  await expect(main.getByRole('status').filter({ hasText: /Saved \d+ events to keyline-audit-/ })).toBeVisible();
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const csv = parseCsv(text);
  const [header, ...data] = csv;
  expect(header).toEqual([
    'time (UTC)', 'officer', 'identity subject', 'officer id', 'action', 'record kind', 'record id',
    'operation', 'operation id', 'request id', 'question', 'result size', 'purpose', 'reason',
    'before', 'after', 'parameters', 'withheld', 'event id',
  ]);
  expect(data).toHaveLength(n);
  for (const r of data) {
    expect(r[1]).toBe('Priya Nair');
    expect(r[2]).toBe('dev-analyst');
    expect(r[6]).toBe(personId);
    expect(r[7]).toBe(DEMO.reference);
  }
  const t = data.find((r) => r[10] === 'timeline');
  expect(t, 'the timeline question is in the file').toBeTruthy();
  expect(t![4]).toBe('ANALYSE');
  expect(JSON.parse(t![16]).entityIds).toContain(personId);
  // No cell could run as a formula.
  for (const r of csv) for (const c of r) expect(c).not.toMatch(/^[=+\-@]/);

  // The record link opens the person's page.
  await detail.getByRole('link', { name: personId }).click();
  await expect(page).toHaveURL(new RegExp(`/entities/${personId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO.mahoney.label);
});

test('the trail filters by action and date on the server, and pages', async ({ page }, testInfo) => {
  await signIn(page, 'auditor', '/audit');
  const main = page.getByRole('main');
  const form = main.getByRole('form', { name: 'Search the audit trail' });
  await expect(main.getByRole('table', { name: /Audit events/ })).toBeVisible();
  await expect(main.getByRole('navigation', { name: 'Audit trail pages' })).toBeVisible();

  // Older pages come from the server.
  const pager = main.getByRole('navigation', { name: 'Audit trail pages' });
  await expect(pager.locator('span')).toContainText(/^1–25 of/);
  await pager.getByRole('button', { name: 'Older ›' }).click();
  await expect(pager.locator('span')).toContainText(/^26–50 of/);
  await pager.getByRole('button', { name: '‹ Newer' }).click();
  await expect(pager.locator('span')).toContainText(/^1–25 of/);

  // Questions only: SEARCH, ANALYSE and EXPORT rows.
  await form.getByText('All actions', { exact: true }).click();
  await form.getByRole('button', { name: 'Questions only' }).click();
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/action=SEARCH%2CANALYSE%2CEXPORT/);
  const rows = main.getByRole('table', { name: /Audit events/ }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) {
    expect(['Search', 'Analyse', 'Export']).toContain(cell.trim());
  }

  // An end date before the start date is refused by the form.
  await form.getByLabel('From (UK date)').fill('2026-12-08');
  await form.getByLabel('To (inclusive)').fill('2026-12-01');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(form.getByRole('alert')).toContainText('The end date is before the start date');
  await expect(form.getByLabel('To (inclusive)')).toHaveAttribute('aria-invalid', 'true');

  // A range in the far past matches nothing.
  await form.getByLabel('From (UK date)').fill('2001-01-01');
  await form.getByLabel('To (inclusive)').fill('2001-01-02');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(main.getByText('No events match this search.')).toBeVisible();
  await expect(main.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await screen(page, 'audit-trail-empty', testInfo);
});

test('the audit trail says plainly who may read it', async ({ page }, testInfo) => {
  await signIn(page, 'analyst', '/audit');
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('You may not read the audit trail');
  await expect(alert).toContainText('Auditors read it across operations');
  await checkA11y(page, 'audit-trail-forbidden', testInfo);
});

test('the MOPI queue: read only for the auditor, decided by the SIO', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  // The auditor sees the queue but may not decide.
  await signIn(page, 'auditor', '/audit/mopi');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'MOPI review queue' })).toBeVisible();
  await expect(main.getByRole('navigation', { name: 'Audit and review' }).getByRole('link', { name: 'MOPI review queue' })).toHaveAttribute('aria-current', 'page');
  await expect(main.getByRole('note').filter({ hasText: 'Read only' })).toContainText('SIO or deputy SIO');
  const table = main.getByRole('table', { name: /Records due for MOPI review/ });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table.getByRole('button', { name: /^Review (intelligence|exhibit) / })).toHaveCount(0);
  await table.getByRole('button', { name: /^View (intelligence|exhibit) / }).first().click();
  await expect(main.getByRole('complementary')).toContainText('Only the SIO or deputy SIO may record a decision');
  await screen(page, 'mopi-auditor', testInfo);
  await checkA11y(page, 'mopi-auditor', testInfo);
  await signOut(page);

  // The SIO, with a far due date so that a decided record stays in the queue.
  await signIn(page, 'sio', '/audit/mopi?dueBy=2030-12-31');
  await expect(main.getByRole('heading', { level: 2, name: /Due by 31 Dec 2030/ })).toBeVisible();
  const first = table.locator('tbody tr').first();
  const recordId = (await first.getByRole('link').first().textContent())!.trim();
  expect(recordId).toMatch(/^(int|exh)_/);
  await first.getByRole('button', { name: /^Review (intelligence|exhibit) / }).click();
  const panel = main.getByRole('complementary');
  const decision = panel.getByRole('form', { name: 'Decision' });
  await expect(decision).toBeVisible();

  // The form's own checks, by field.
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByRole('alert')).toContainText('Check the decision');
  await expect(decision.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await decision.getByLabel(/^Retain for a policing purpose/).check();
  await decision.getByLabel('Reason').fill('Kestrel remains live; MAHONEY supply network still under investigation.');
  await decision.getByLabel('Next review date').fill('2020-01-01');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByLabel('Next review date')).toHaveAccessibleDescription('The next review date must be in the future.');
  await expect(decision.getByLabel('Next review date')).toHaveAttribute('aria-invalid', 'true');
  await decision.getByLabel('Next review date').fill('2031-06-30');

  // Meanwhile the deputy SIO decides the same record.
  const { node } = await graphqlAs<{ node: { version: number } }>(request, 'sio',
    'query($id: ID!) { node(id: $id) { ... on IntelligenceItem { version } ... on Exhibit { version } } }', { id: recordId });
  await graphqlAs(request, 'deputy_sio',
    'mutation($id: ID!, $v: Int!) { recordRetention(id: $id, expectedVersion: $v, input: { decision: RETAIN, rationale: "Reviewed by the deputy SIO first.", nextReviewDate: "2029-01-31" }) { id } }',
    { id: recordId, v: node.version });

  await decision.getByRole('button', { name: 'Record decision' }).click();
  const conflict = decision.getByRole('alert');
  await expect(conflict).toContainText('Changed by someone else; reload');
  await screen(page, 'mopi-conflict', testInfo);
  await conflict.getByRole('button', { name: 'Reload the record' }).click();
  await expect(decision.getByRole('status')).toContainText(/Reloaded: version \d+/);
  // What was typed is kept; the deputy's decision is now shown.
  await expect(decision.getByLabel('Reason')).toHaveValue('Kestrel remains live; MAHONEY supply network still under investigation.');
  await expect(decision.getByLabel('Next review date')).toHaveValue('2031-06-30');
  await expect(panel).toContainText('Reviewed by the deputy SIO first.');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'retained; next review 30 Jun 2031' })).toBeVisible();
  await expect(panel).toHaveCount(0);

  // The decisions are in the trail as RETENTION events about the record.
  await page.goto(`/audit?record=${recordId}&action=RETENTION`);
  const rows = main.getByRole('table', { name: /Audit events/ }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('DI Mark Ellison');
  await expect(rows.nth(1)).toContainText('DS Ruth Okafor');
  await screen(page, 'mopi-decided-trail', testInfo);
  await signOut(page);

  await signIn(page, 'sio', '/audit/mopi');
  await screen(page, 'mopi-sio', testInfo);
  await checkA11y(page, 'mopi-sio', testInfo);
});
