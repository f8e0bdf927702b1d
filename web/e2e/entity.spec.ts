// Journey: an entity page (properties, links, intelligence with their
// markings), reached from the search.
import { addToChart, chartEntity, checkA11y, DEMO, expect, graphqlAs, screen, searchAndOpen, signIn, test } from './fixtures';

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

test('an entity the reader may not see is not found, like one that does not exist', async ({ page, request }) => {
  // The SIO opens an operation of their own (the analyst is no member of
  // it) and records a person there: need to know hides it from the analyst.
  const post = (query: string, variables: Record<string, unknown>) => graphqlAs<Record<string, { id: string }>>(request, 'sio', query, variables);
  const ref = `OP-E2E-NTK-${Date.now()}`;
  const op = (await post('mutation($i: CreateOperationInput!) { createOperation(input: $i) { id } }',
    { i: { reference: ref, name: 'Need to know (e2e)' } })).createOperation.id;
  const hidden = (await post('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }',
    { i: { operationId: op, givenNames: 'Hidden', familyName: 'ELSEWHERE' } })).createPerson.id;

  await signIn(page, 'analyst', `/entities/${encodeURIComponent(hidden)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await expect(page.getByText('ELSEWHERE')).toHaveCount(0);
  const hiddenPage = await page.getByRole('main').innerText();
  // And exactly as for an id that does not exist.
  await page.goto('/entities/per_doesnotexist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  expect(await page.getByRole('main').innerText()).toBe(hiddenPage);

  // The SIO leaves the operation, so that the other journeys see only the demo.
  const me = (await post('{ me { officer { id } } }', {})).me as unknown as { officer: { id: string } };
  await post('mutation($op: ID!, $o: ID!) { removeOperationMember(operationId: $op, officerId: $o) { id } }', { op, o: me.officer.id });
});

test('the investigator sees only the intelligence the API gives them: no SECRET item', async ({ page, request }) => {
  // Cleared to OFFICIAL-SENSITIVE: Connor Mahoney's SECRET items are withheld.
  const data = await graphqlAs<{ me: { clearance: string; operations: { id: string }[] } }>(request, 'investigator', '{ me { clearance operations { id } } }');
  expect(data.me.operations.length, 'the investigator works in the demo operation').toBeGreaterThan(0);
  await signIn(page, 'investigator');
  await searchAndOpen(page, DEMO.mahoney.search, DEMO.mahoney.label);
  const id = decodeURIComponent(page.url().split('/entities/')[1]);
  const { node } = await graphqlAs<{ node: { mentionedIn: { totalCount: number } } }>(request, 'investigator',
    'query($id: ID!) { node(id: $id) { ... on Person { mentionedIn(first: 0) { totalCount } } } }', { id });
  const total = node.mentionedIn.totalCount;
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Intelligence', level: 2 })).toBeVisible();
  await expect(main.getByText(new RegExp(`\\b${total} items? mentions?`))).toBeVisible();
  const intel = main.getByRole('list', { name: 'Intelligence items' });
  await expect(intel.getByRole('listitem').first()).toBeVisible();
  expect(data.me.clearance).toBe('OFFICIAL_SENSITIVE');
  await expect(intel.getByTitle('Classification: SECRET')).toHaveCount(0);
  await expect(main.getByTitle('Classification: SECRET')).toHaveCount(0);
});
