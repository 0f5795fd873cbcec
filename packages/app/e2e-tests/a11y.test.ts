import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import {
  pressFromKeyboard,
  openReadinessTab,
  signIn,
  tabTo,
  test,
} from './helpers';

/**
 * Accessibility of Readiness's own pages and dialogs (#27): axe-core with the
 * WCAG 2.1 A and AA rules finds no serious or critical violation, in the
 * light and the dark theme; and each dialog opens, submits and closes from
 * the keyboard alone, with visible focus.
 *
 * Scope: Readiness's DOM only, marked in the plugin: the tab
 * (`[data-readiness="tab"]`), the org page's content
 * (`[data-readiness="page"]`), the overview and group cards
 * (`.readiness-card`), the catalog's status chips and filter, and the
 * dialogs (`[role="dialog"]`). Backstage's own chrome (sidebar, headers,
 * entity tabs, the catalog table) is left to Backstage.
 */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessible(page: Page, include: string[]) {
  for (const selector of include)
    await expect(page.locator(selector).first()).toBeVisible();
  let axe = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  for (const selector of include) axe = axe.include(selector);
  const { violations } = await axe.analyze();
  const serious = violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(n => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
  expect(serious).toEqual([]);
}

for (const theme of ['light', 'dark']) {
  test.describe(`Accessibility in the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(
        t => window.localStorage.setItem('theme', t),
        theme,
      );
    });

    test('the org page', async ({ page }) => {
      await signIn(page, '/readiness');
      await expect(page.getByText('Top failing checks')).toBeVisible();
      await expect(
        page.getByTestId('readiness-results').getByRole('row').nth(1),
      ).toBeVisible();
      await expectAccessible(page, ['[data-readiness="page"]']);
      await page.screenshot({ path: `e2e-results/a11y-overview-${theme}.png` });
    });

    for (const name of ['fraud-scoring', 'payments-api']) {
      test(`the tab of ${name}`, async ({ page }) => {
        await openReadinessTab(page, name);
        await expect(
          page.getByText('Ownership', { exact: true }),
        ).toBeVisible();
        await expectAccessible(page, ['[data-readiness="tab"]']);
        await page.screenshot({
          path: `e2e-results/a11y-tab-${name}-${theme}.png`,
        });
      });
    }

    test('the tab of a system', async ({ page }) => {
      await signIn(page, '/catalog/default/system/checkout/readiness');
      await expect(page.getByTestId('check-no-blocked-parts')).toBeVisible();
      await expectAccessible(page, ['[data-readiness="tab"]']);
    });

    test('the overview card and the group card', async ({ page }) => {
      await signIn(page, '/catalog/default/component/payments-api');
      await expectAccessible(page, ['.readiness-card']);
      await signIn(page, '/catalog/default/group/payments');
      await expect(
        page.getByText('Readiness of what this group answers for'),
      ).toBeVisible();
      await expect(
        page
          .locator('.readiness-card')
          .getByTestId(/^status-/)
          .first(),
      ).toBeVisible();
      await expectAccessible(page, ['.readiness-card']);
    });

    test('the catalog column and filter', async ({ page }) => {
      await signIn(page, '/catalog');
      await expect(
        page
          .getByRole('row')
          .getByTestId(/^status-/)
          .first(),
      ).toBeVisible();
      await expectAccessible(page, [
        '[data-readiness="status-picker"]',
        'td [data-testid^="status-"]',
      ]);
    });

    test('the edit, attest, exemption and sign-off dialogs', async ({
      page,
    }) => {
      const dialog = page.getByRole('dialog');
      await openReadinessTab(page, 'invoice-generator');
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await expectAccessible(page, ['[role="dialog"]']);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await page
        .getByRole('button', { name: /^Attest/ })
        .first()
        .click();
      await expectAccessible(page, ['[role="dialog"]']);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await page
        .getByRole('button', { name: /^Ask for exemption|^Exempt/ })
        .first()
        .click();
      await expectAccessible(page, ['[role="dialog"]']);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // auth-service goes live in three days; the guest (Security) may sign.
      await openReadinessTab(page, 'auth-service');
      await page
        .getByRole('button', { name: 'Sign off as Security team' })
        .click();
      await expectAccessible(page, ['[role="dialog"]']);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
  });
}

test.describe('Dialogs from the keyboard alone', () => {
  test('edit ownership: open, change the runbook, save, closed', async ({
    page,
  }) => {
    // loyalty-points is Payments' (the guest's team); no other test uses it.
    await openReadinessTab(page, 'loyalty-points');
    const edit = page.getByRole('button', { name: 'Edit', exact: true });
    await pressFromKeyboard(page, edit);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const runbook = dialog.getByLabel('Runbook URL');
    await tabTo(page, runbook);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('https://wiki.acme.example/loyalty/runbook');
    const save = dialog.getByRole('button', { name: 'Save' });
    await pressFromKeyboard(page, save);
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('owner-runbook')).toContainText(
      'https://wiki.acme.example/loyalty/runbook',
    );
  });

  test('ask for an exemption, attest and revoke: open, fill, submit, closed; Escape closes', async ({
    page,
  }) => {
    await openReadinessTab(page, 'invoice-generator');
    const dialog = page.getByRole('dialog');

    const ask = page
      .getByRole('button', { name: /^Ask for exemption|^Exempt/ })
      .first();
    await pressFromKeyboard(page, ask);
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('textbox', { name: 'Reason' }));
    await page.keyboard.type('Replaced next quarter; tracked in PAY-1234');
    const send = dialog.getByRole('button', {
      name: /^(Ask for exemption|Exempt)/,
    });
    await pressFromKeyboard(page, send);
    await expect(dialog).toBeHidden();

    const attest = page.getByRole('button', { name: /^Attest/ }).first();
    // The check it attests, for revoking that attestation afterwards.
    const check = (await attest.getAttribute('aria-label'))!.replace(
      /^Attest: /,
      '',
    );
    await pressFromKeyboard(page, attest);
    await expect(dialog).toBeVisible();
    // Escape closes without sending; the focus goes back to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(attest).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('textbox', { name: 'Evidence URL' }));
    await page.keyboard.type('https://wiki.acme.example/invoices/evidence');
    await tabTo(page, dialog.getByRole('textbox', { name: 'Note' }));
    await page.keyboard.type('Checked with the team');
    const submit = dialog.getByRole('button', { name: 'Attest' });
    await pressFromKeyboard(page, submit);
    await expect(dialog).toBeHidden();

    // The attested check passes now: revoke that attestation, saying why.
    const revoke = page.getByRole('button', {
      name: `Revoke attestation: ${check}`,
    });
    await pressFromKeyboard(page, revoke);
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('textbox', { name: 'Reason' }));
    await page.keyboard.type('Attested on the wrong service');
    const confirm = dialog.getByRole('button', { name: 'Revoke', exact: true });
    await pressFromKeyboard(page, confirm);
    await expect(dialog).toBeHidden();
    await expect(revoke).toHaveCount(0);
  });

  // Signing from the keyboard is in goLive.test.ts, which signs this role.
  test('sign-off: opens from the keyboard and closes with Escape, focus back on the button', async ({
    page,
  }) => {
    await openReadinessTab(page, 'auth-service');
    const sign = page.getByRole('button', {
      name: 'Sign off as Security team',
    });
    await pressFromKeyboard(page, sign);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(
      dialog.getByRole('button', { name: 'Sign off' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(sign).toBeFocused();
  });
});
