import { expect, Locator } from '@playwright/test';
import fs from 'node:fs';
import { openReadinessTab, signIn, test } from '../helpers';

/*
 * Onboarding a team of an example-style catalog (twenty services with
 * spec.owner and nothing of Readiness; live/twenty-services.yaml) through
 * "Set owners in bulk" on its group page, on the live backend (:7008):
 * every click counted and the time taken, written to
 * e2e-results/onboarding-twenty.json.
 */
test('onboards the twenty services of an example-style team in a few clicks per field', async ({
  page,
}) => {
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks++;
    await target.click();
  };
  const started = Date.now();
  await signIn(page, '/catalog/default/group/storefront');
  const card = page.locator('.readiness-card').filter({
    hasText: 'Readiness of what this group answers for',
  });
  const dialog = page.getByRole('dialog');
  /** One field for all twenty: open, pick the field, fill all if asked, save, close. */
  const setForAll = async (field?: string, sameForAll?: string) => {
    await click(card.getByRole('button', { name: 'Set owners in bulk' }));
    if (field) {
      await click(dialog.getByLabel('Field to set'));
      await click(page.getByRole('option', { name: field, exact: true }));
    }
    if (sameForAll) {
      // Nothing to suggest: no row starts picked; pick them all, then type once.
      await click(dialog.getByLabel('Pick every service'));
      await dialog.getByLabel('Same value for all picked').fill(sameForAll);
      await click(dialog.getByRole('button', { name: 'Use for picked' }));
    }
    await click(dialog.getByRole('button', { name: 'Set for 20 services' }));
    await expect(dialog.getByRole('status')).toHaveText(/^Saved 20 services/);
    await click(dialog.getByRole('button', { name: 'Close' }));
    await expect(dialog).toBeHidden();
  };

  // The incident owner (the dialog's first field): the team's on-call
  // rotation, suggested for every service.
  await click(card.getByRole('button', { name: 'Set owners in bulk' }));
  await expect(
    dialog.getByLabel('New incident owner of Store cart'),
  ).toHaveValue('group:default/storefront-oncall');
  await click(dialog.getByRole('button', { name: 'Set for 20 services' }));
  await expect(dialog.getByRole('status')).toHaveText(/^Saved 20 services/);
  await click(dialog.getByRole('button', { name: 'Close' }));
  // The technical owner from spec.owner, the communication owner from the
  // customer-facing group, and one channel typed once for all.
  await setForAll('Technical owner');
  await setForAll('Customer-communication owner');
  await setForAll('Channel', 'slack:#storefront-incidents');
  const seconds = Math.round((Date.now() - started) / 100) / 10;

  // The last service of the list names all three owners and the channel.
  await openReadinessTab(page, 'store-wishlist');
  for (const [field, value] of [
    ['incident', 'Storefront on-call'],
    ['technical', 'Storefront'],
    ['communication', 'Customer support'],
    ['channel', 'slack:#storefront-incidents'],
  ])
    await expect(page.getByTestId(`owner-${field}`)).toContainText(value);
  // 3 for the first field, 5 for each other, 2 more to pick all and use a
  // typed value.
  expect(clicks).toBe(3 + 5 + 5 + 7);
  fs.writeFileSync(
    'e2e-results/onboarding-twenty.json',
    `${JSON.stringify(
      { services: 20, fields: 4, clicks, typedValues: 1, seconds },
      null,
      2,
    )}\n`,
  );
});
