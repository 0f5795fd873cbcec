import { expect } from '@playwright/test';
import { test } from './helpers';

test('signs in as guest, opens the catalog and finds an example component', async ({
  page,
}) => {
  await page.goto('/catalog');

  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  // The catalog lists the Acme Retail example components (by title).
  const link = page.getByRole('link', { name: 'Payments API service' });
  await expect(link).toBeVisible();
  await page.screenshot({ path: 'e2e-results/catalog.png' });

  await link.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/payments-api/);
  await expect(
    page
      .getByText('Creates, authorises and captures card and wallet payments.')
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'e2e-results/payments-api.png' });
});

test('the home page points to Readiness and the catalog, which answers at /catalog', async ({
  page,
}) => {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await expect(
    page.getByRole('heading', { name: 'Acme Retail, with Readiness' }),
  ).toBeVisible();
  // Nothing on it reaches outside the machine (the template's joke widget did).
  await expect(page.getByText('Failed to fetch')).toHaveCount(0);
  await page.screenshot({ path: 'e2e-results/home.png' });
  await page.getByRole('link', { name: 'Catalog', exact: true }).last().click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(
    page.getByRole('link', { name: 'Payments API service' }),
  ).toBeVisible();
});
