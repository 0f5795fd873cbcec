import { expect } from '@playwright/test';
import { openReadinessTab, signIn, test } from './helpers';

/** A month from today, `YYYY-MM-DD`. */
const inAMonth = new Date(Date.now() + 30 * 86_400_000)
  .toISOString()
  .slice(0, 10);

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

test.describe('Initiatives', () => {
  for (const size of SIZES)
    test(`creates an initiative on the org page, sees its burn-up and what is left, and finds it on an affected tab (${size.width} px)`, async ({
      page,
    }) => {
      const title = `Runbooks for Payments (${size.width} px)`;
      const shot = (name: string) =>
        page.screenshot({
          path: `e2e-results/${name}${size.width < 600 ? '-phone' : ''}.png`,
        });
      await page.setViewportSize(size);
      await signIn(page, '/readiness');
      const card = page.locator('.readiness-card').filter({
        has: page.getByText('Initiatives', { exact: true }),
      });
      await card.getByRole('button', { name: 'New initiative' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Title/).fill(title);
      await dialog.getByRole('textbox', { name: 'Checks' }).click();
      await page.getByRole('option', { name: 'Runbook is linked' }).click();
      // Close the list of checks (Escape would close the dialog).
      await dialog.getByText('New initiative').click();
      await dialog.getByLabel('Team (optional)').fill('payments');
      await page
        .getByRole('option', { name: 'Payments (group:payments)' })
        .click();
      await dialog.getByLabel('Deadline').fill(inAMonth);
      await dialog.getByLabel('Driven by').fill('platform');
      await page
        .getByRole('option', { name: 'Platform (group:platform)' })
        .click();
      await dialog.getByLabel('Status').click();
      await page.getByRole('option', { name: 'Active' }).click();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(dialog).toBeHidden();

      // Opened on its burn-up, with what is left.
      const panel = page.getByTestId(/^initiative-\d+$/);
      await expect(
        panel.getByRole('img', {
          name: new RegExp(
            `^Burn-up of ${title.replace(/[()]/g, '\\$&')}: \\d+ of \\d+`,
          ),
        }),
      ).toBeVisible();
      await expect(panel.getByText(/^Still open \(\d+\)$/)).toBeVisible();
      await expect(
        panel.getByRole('link', { name: 'Fraud scoring' }),
      ).toBeVisible();
      await panel.scrollIntoViewIfNeeded();
      await shot('initiative');

      // Make it standing: the demo's runbook check counts already.
      await panel.getByRole('button', { name: 'Make it standing' }).click();
      const standing = page.getByRole('dialog', {
        name: `Make it standing: ${title}`,
      });
      await expect(
        standing.getByText(
          'Every check of the goal counts in the production scorecard already: nothing to commit.',
        ),
      ).toBeVisible();
      await expect(standing).toContainText(
        'Runbook is linked (runbook): counts already',
      );
      await shot('initiative-standing');
      await standing.getByRole('button', { name: 'Close' }).click();
      await expect(standing).toBeHidden();

      // fraud-scoring has no runbook: its tab says what is left for it.
      await panel.getByRole('link', { name: 'Fraud scoring' }).click();
      await expect(page.getByTestId('entity-initiatives')).toContainText(
        `${title}, due ${inAMonth}: left here: Runbook is linked`,
      );
      await openReadinessTab(page, 'fraud-scoring');
      await expect(page.getByTestId('entity-initiatives')).toBeVisible();
    });
});
