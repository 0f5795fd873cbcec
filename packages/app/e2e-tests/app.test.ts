import { test, expect } from '@playwright/test';

test('signs in as guest, opens the catalog and finds an example component', async ({
  page,
}) => {
  await page.goto('/');

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
