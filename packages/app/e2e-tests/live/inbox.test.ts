import { expect } from '@playwright/test';
import { openReadinessTab, signIn, test } from '../helpers';

/*
 * "Waiting for you" on the live backend (:7008): a person who may ask for an
 * exemption but not grant it asks; an admin sees the request on the org page
 * and in the sidebar count, and grants it there.
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

// One request at each size; the second asks for the next check still open.
for (const size of SIZES)
  test(`an approver sees an exemption request in Waiting for you and grants it there (${size.width} px)`, async ({
    page,
    browser,
  }) => {
    const phone = size.width < 600;
    // The guest: in Payments, which owns payments-api; not an admin.
    const context = await browser.newContext({
      extraHTTPHeaders: { 'x-readiness-e2e-user': 'guest' },
      viewport: size,
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
    await page.setViewportSize(size);
    await signIn(page, '/readiness');
    const grant = page.getByRole('button', {
      name: /^Grant: Grant or refuse an exemption from .* for payments-api$/,
    });
    await expect(grant).toBeVisible();
    // On a phone the sidebar (and its count) folds away behind the menu.
    if (!phone)
      await expect(page.getByTestId('readiness-inbox-count')).not.toHaveText(
        '0',
      );
    await grant.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `e2e-results/inbox${phone ? '-phone' : ''}.png`,
    });
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
