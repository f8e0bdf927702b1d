// Journey: sign in as each development role. Each demo user signs in, sees
// their name in the header, and sees the operations the API gives them
// (need to know: the investigator, action manager, auditor and external
// system are members of none).
import type { APIRequestContext } from '@playwright/test';
import { checkA11y, DEMO, expect, graphqlAs, ROLES, screen, signIn, test, type Role } from './fixtures';

/** The operations the API gives a role (GET /dev/token, then { me }). */
async function apiOperations(request: APIRequestContext, role: Role): Promise<string[]> {
  const { me } = await graphqlAs<{ me: { name: string; operations: { reference: string; name: string }[] } }>(request, role,
    '{ me { name operations { reference name } } }');
  expect(me.name).toBe(ROLES[role]);
  return me.operations.map((o) => `${o.reference} ${o.name}`);
}

test('the sign-in screen offers every development role', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Keyline workbench', level: 1 })).toBeVisible();
  for (const name of Object.values(ROLES)) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await screen(page, 'sign-in', testInfo);
  await checkA11y(page, 'sign-in', testInfo);
});

for (const role of Object.keys(ROLES) as Role[]) {
  test(`signs in as ${role} and sees what the API gives them`, async ({ page, request }, testInfo) => {
    const operations = await apiOperations(request, role);
    await signIn(page, role);
    const header = page.getByRole('banner');
    await expect(header.getByText(ROLES[role])).toBeVisible();
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(header.getByRole('combobox', { name: 'Switch development role' })).toHaveValue(role);
    const picker = header.getByRole('combobox', { name: 'Operation' });
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toContainText(ROLES[role]);
    if (operations.length) {
      await expect(picker.getByRole('option')).toHaveText(operations);
      await expect(main).toContainText('Working in');
    } else {
      await expect(picker.getByRole('option')).toHaveText(['No operations']);
      await expect(main).toContainText('You are not a member of any operation');
      // Nothing of the demo operation leaks onto the screen.
      await expect(page.getByText(DEMO.reference)).toHaveCount(0);
    }
    if (role === 'analyst') {
      expect(operations).toContain(`${DEMO.reference} ${DEMO.name}`);
      await screen(page, 'home', testInfo);
      await checkA11y(page, 'home', testInfo);
    }
  });
}

test('switches development role and signs out', async ({ page }) => {
  await signIn(page, 'analyst');
  const header = page.getByRole('banner');
  await header.getByRole('combobox', { name: 'Switch development role' }).selectOption('sio');
  await expect(header.getByText(ROLES.sio)).toBeVisible();
  await expect(header.getByText(ROLES.analyst)).toHaveCount(0);
  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: ROLES.analyst, exact: true })).toBeVisible();
  // Signed out means signed out: a reload does not sign back in.
  await page.reload();
  await expect(page.getByRole('button', { name: ROLES.analyst, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
