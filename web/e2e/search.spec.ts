// Journey: search for a demo person from the header and open them with
// the keyboard only.
import { DEMO, expect, searchAndOpen, signIn, test } from './fixtures';

test('types a demo person\'s name and picks the option with the keyboard', async ({ page }) => {
  await signIn(page, 'analyst');
  const box = page.getByRole('combobox', { name: 'Search entities' });
  // "/" focuses the search box from anywhere.
  await page.getByRole('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await box.fill(DEMO.mahoney.search);
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox.getByRole('option', { name: /MAHONEY, Connor/ })).toBeVisible();
  // Every Mahoney of the demo, and nobody else's name first.
  await expect(listbox.getByRole('option', { name: /MAHONEY, Sean/ })).toBeVisible();
  await expect(listbox.getByRole('option', { name: /MAHONEY, Shannon/ })).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  // Escape closes the list, and typing opens it again.
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await searchAndOpen(page, DEMO.mahoney.search, DEMO.mahoney.label);
});

test('a search with no match says so', async ({ page }) => {
  await signIn(page, 'analyst');
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.fill('Zzyzx Qwertyuiop');
  await expect(page.getByText(/no (match|result)/i).first()).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(0);
});
