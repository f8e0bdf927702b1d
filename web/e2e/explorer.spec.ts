// Journey: the bundled GraphiQL explorer at /explorer loads (from this
// origin only), signs in like the workbench, and runs { me { name } }.
import { checkA11y, expect, ROLES, screen, test } from './fixtures';

test('the explorer loads and runs { me { name } }', async ({ page }, testInfo) => {
  // GraphiQL keeps its editor in this tab's sessionStorage (the explorer
  // passes storage={sessionStorage}): start with the query in it rather
  // than typing into CodeMirror, which closes brackets as you type.
  await page.addInitScript(() => {
    if (!window.sessionStorage.getItem('graphiql:query')) window.sessionStorage.setItem('graphiql:query', '{ me { name } }');
  });
  await page.goto('/explorer');
  await page.getByRole('button', { name: ROLES.analyst, exact: true }).click();
  await expect(page.getByText(`Signed in as ${ROLES.analyst}`)).toBeVisible();
  const run = page.getByRole('button', { name: /^Execute query/ });
  await expect(run).toBeVisible();
  await expect(page.getByText('{ me { name } }').first()).toBeVisible();
  const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' &&
    (r.request().postData() ?? '').includes('me { name }'));
  await run.click();
  const res = await answered;
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ data: { me: { name: ROLES.analyst } } });
  const result = page.getByRole('region', { name: /result/i });
  await expect(result).toContainText(ROLES.analyst);
  await screen(page, 'explorer', testInfo);
  // GraphiQL is third-party and checked as it is, except two of its own
  // internals we cannot change: its logo link (GraphiQL's stylesheet grey,
  // contrast 4.26:1 against its sidebar, 4.5:1 needed) and CodeMirror's
  // editors (a hidden textarea and scroll machinery that GraphiQL gives no
  // way to label). Our own bar (sign-in, sign out) is checked in full.
  await checkA11y(page, 'explorer', testInfo, { exclude: ['.graphiql-logo', '.CodeMirror'] });
});
