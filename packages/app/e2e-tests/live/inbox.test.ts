import { expect } from '@playwright/test';
import { openReadinessTab, signIn, test } from '../helpers';

/*
 * "Waiting for you" on the live backend (:7008): a person who may ask for an
 * exemption but not grant it asks; an admin sees the request on the org page
 * and in the sidebar count, and grants it there.
 */
test('an approver sees an exemption request in Waiting for you and grants it there', async ({
  page,
  browser,
}) => {
  // The guest: in Payments, which owns payments-api; not an admin.
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-readiness-e2e-user': 'guest' },
  });
  const asker = await context.newPage();
  await openReadinessTab(asker, 'payments-api');
  const ask = asker.getByRole('button', { name: /^Ask for exemption: / });
  const check = (await ask.first().getAttribute('aria-label'))!.replace(
    /^Ask for exemption: /,
    '',
  );
  await ask.first().click();
  const dialog = asker.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: 'Reason' })
    .fill('The team rebuilds it next sprint; tracked in PAY-77');
  await dialog.getByRole('button', { name: /^Ask for exemption/ }).click();
  await expect(dialog).toBeHidden();
  // Its own request is not in its own list.
  await signIn(asker, '/readiness');
  await expect(asker.getByText(/^Waiting for you/)).toBeVisible();
  await expect(
    asker.getByRole('button', { name: /^Grant: .*payments-api/ }),
  ).toHaveCount(0);
  await context.close();

  // The admin (the live backend's default person, priya.raman of Platform).
  await signIn(page, '/readiness');
  const grant = page.getByRole('button', {
    name: /^Grant: Grant or refuse an exemption from .* for payments-api$/,
  });
  await expect(grant).toBeVisible();
  await expect(page.getByTestId('readiness-inbox-count')).not.toHaveText('0');
  await page.screenshot({ path: 'e2e-results/inbox.png' });
  await grant.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Granted' }),
  ).toHaveText(/^Granted the exemption from .* for payments-api\.$/);
  await expect(grant).toHaveCount(0);
  // The tab shows the check exempt.
  await openReadinessTab(page, 'payments-api');
  await expect(page.getByText(check).first()).toBeVisible();
  await expect(page.getByText(/Exempt until/).first()).toBeVisible();
});
