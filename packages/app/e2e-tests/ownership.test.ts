import { test, expect } from '@playwright/test';
import { openReadinessTab as openTab, signIn } from './helpers';

test.describe('Ownership', () => {
  test('an owner fixes the technical owner of a blocked service and sees it unblocked', async ({
    page,
  }) => {
    // invoice-generator is owned by Payments, the guest's team; its technical owner is free text.
    await openTab(page, 'invoice-generator');
    await expect(page.getByTestId('status-blocked').first()).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Technical owner').fill('Payments');
    await page
      .getByRole('option', { name: 'Payments (group:payments)' })
      .click();
    await dialog
      .getByLabel('Reason (kept in the history)')
      .fill('free text is not an owner');
    await page.screenshot({ path: 'e2e-results/ownership-dialog.png' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('owner-technical')).toHaveText('Payments');
    await expect(page.getByTestId('ownership-history')).toContainText(
      'guest: technical owner Payments Team (ask Liam) → payments (free text is not an owner)',
    );
    await expect(page.getByTestId('ownership-history')).not.toContainText(
      'incident owner',
    );
    await expect(
      page.getByText(/different from catalog-info.yaml/),
    ).toBeVisible();
    await expect(page.getByTestId('ownership-history')).toContainText(
      'technical owner',
    );
    // No longer blocked: the technical owner now resolves.
    await expect(page.getByTestId('status-needs-work').first()).toBeVisible();
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
