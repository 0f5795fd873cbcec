import { expect, Page } from '@playwright/test';
import { enterAsGuest, signIn, test } from './helpers';

/** The Data platform's five services (examples/onboarding.yaml): spec.owner and nothing else. */
const SERVICES = [
  'Event ingest',
  'Feature store',
  'Metrics API',
  'Report builder',
  'Warehouse loader',
];
const BASELINE =
  '/readiness?scorecard=ownership-baseline&owner=group%3Adefault%2Fdata-platform';

/** The org page's results for the Data platform on the ownership baseline, reloaded until all five show. */
async function baseline(page: Page) {
  await signIn(page, BASELINE);
  const table = page.getByRole('table', { name: 'Readiness results' });
  for (let i = 0; i < 6; i++) {
    const shown = await page
      .getByText('5 entities match')
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return table;
    await page.reload();
    await enterAsGuest(page);
  }
  throw new Error('the five Data platform services have no results');
}

test.describe('Bulk onboarding', () => {
  test('onboards five services of a team from its group page in one action, and they leave Blocked (1280 px, then 390 px)', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    let table = await baseline(page);
    await expect(table.getByTestId('status-blocked')).toHaveCount(5);

    await signIn(page, '/catalog/default/group/data-platform');
    const card = page.locator('.readiness-card').filter({
      hasText: 'Readiness of what this group answers for',
    });
    await card.getByRole('button', { name: 'Set owners in bulk' }).click();
    const dialog = page.getByRole('dialog');
    // The incident owner: the team's on-call sub-group, picked for all five.
    for (const name of SERVICES) {
      await expect(dialog.getByLabel(`Pick ${name}`)).toBeChecked();
      await expect(
        dialog.getByLabel(`New incident owner of ${name}`),
      ).toHaveValue('group:default/data-oncall');
    }
    await expect(
      dialog
        .getByText('Suggested: on-call group under group:default/data-platform')
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: 'e2e-results/bulk-onboarding.png' });
    await dialog
      .getByLabel("Reason (kept in each service's history)")
      .fill('Onboarding the data platform');
    await dialog.getByRole('button', { name: 'Set for 5 services' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Saved 5 services/);
    await expect(dialog.getByText('Saved', { exact: true })).toHaveCount(5);
    // Nothing left to send: saved rows are no longer picked.
    await expect(
      dialog.getByRole('button', { name: 'Set for 0 services' }),
    ).toBeDisabled();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // Each save re-evaluated its service: none is blocked on the baseline now.
    table = await baseline(page);
    await expect(table.getByTestId('status-blocked')).toHaveCount(0);
    await expect(table.getByTestId('status-needs-work')).toHaveCount(5);

    // On a phone, from the org page: the owner filter picks the team.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Set owners in bulk' }).click();
    await expect(dialog.getByLabel('Team')).toHaveValue(/Data platform/);
    await dialog.getByLabel('Field to set').click();
    await page
      .getByRole('option', { name: 'Customer-communication owner' })
      .click();
    for (const name of SERVICES)
      await expect(
        dialog.getByLabel(`New customer-communication owner of ${name}`),
      ).toHaveValue('group:default/customer-support');
    await page.screenshot({ path: 'e2e-results/bulk-onboarding-phone.png' });
    await dialog.getByRole('button', { name: 'Set for 5 services' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Saved 5 services/);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    test(`confirms every role a group holds from its group card, and the tab says so (${size.width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await signIn(page, '/catalog/default/group/payments');
      const card = page.locator('.readiness-card').filter({
        hasText: 'Readiness of what this group answers for',
      });
      await card.getByRole('button', { name: 'Confirm roles' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(
        'This group is incident, technical or communication owner of',
      );
      await dialog
        .getByLabel('Reason (kept in the history)')
        .fill('Quarterly ownership review');
      await dialog.getByRole('button', { name: /^Confirm (all|it)$/ }).click();
      await expect(dialog.getByRole('status')).toHaveText(
        /^Confirmed the roles on \d+ entit(y|ies)/,
      );
      await page.screenshot({
        path: `e2e-results/confirm-roles${
          size.width < 600 ? '-phone' : ''
        }.png`,
      });
      await dialog.getByRole('button', { name: 'Close' }).click();
      // Payments is payments-api's technical owner: confirmed today, by the guest.
      await signIn(page, '/catalog/default/component/payments-api/readiness');
      await expect(page.getByTestId('owner-technical-confirmed')).toContainText(
        `Confirmed on ${new Date()
          .toISOString()
          .slice(0, 10)} by guest (Quarterly ownership review)`,
      );
    });
});
