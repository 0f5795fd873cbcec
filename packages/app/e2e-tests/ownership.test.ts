import { test, expect } from '@playwright/test';
import { openReadinessTab as openTab, signIn } from './helpers';

test.describe('Ownership', () => {
  test('an owner fixes the incident owner of a blocked service and sees it become ready', async ({
    page,
  }) => {
    // ledger-service belongs to Payments, the guest's team; its incident owner names a group that does not exist.
    await openTab(page, 'ledger-service');
    await expect(page.getByTestId('status-blocked').first()).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Incident owner').fill('SRE');
    await page
      .getByRole('option', { name: 'SRE on-call (group:sre-oncall)' })
      .click();
    await dialog
      .getByLabel('Reason (kept in the history)')
      .fill('billing-oncall does not exist');
    await page.screenshot({ path: 'e2e-results/ownership-dialog.png' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('owner-incident')).toHaveText('SRE on-call');
    await expect(page.getByTestId('ownership-history')).toContainText(
      'guest: incident owner billing-oncall → sre-oncall (billing-oncall does not exist)',
    );
    await expect(page.getByTestId('ownership-history')).not.toContainText(
      'technical owner',
    );
    await expect(
      page.getByText(/different from catalog-info.yaml/),
    ).toBeVisible();
    // The only thing that blocked it was the incident owner.
    await expect(page.getByTestId('status-ready').first()).toBeVisible();
    await page.screenshot({ path: 'e2e-results/ownership-saved.png' });
  });

  test('a non-owner sees the ownership read-only', async ({ page }) => {
    // session-service belongs to Identity; the guest is in Payments.
    await openTab(page, 'session-service');
    await expect(
      page.getByText(
        'Read-only: only the owners of this entity and admins may change its ownership.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  });
});

test('a group page lists what the group answers for, with readiness status', async ({
  page,
}) => {
  await signIn(page, '/catalog/default/group/sre-oncall');
  const card = page.getByRole('table', { name: 'Roles and readiness' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(
    card.getByRole('row').filter({ hasText: 'Payments API service' }),
  ).toContainText('Incident');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-results/group-card.png' });
});
