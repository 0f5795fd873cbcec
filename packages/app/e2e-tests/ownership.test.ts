import { expect, APIRequestContext } from '@playwright/test';
import { openReadinessTab as openTab, signIn, test } from './helpers';

/** The guest's token, for calling the catalog the way the app does. */
async function guestToken(request: APIRequestContext) {
  const res = await request.get('/api/auth/guest/refresh', {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  return (await res.json()).backstageIdentity.token as string;
}

test.describe('Ownership', () => {
  test('saves one field of ledger-service while its invalid catalog incident owner stays untouched', async ({
    page,
  }) => {
    await openTab(page, 'ledger-service');
    await expect(page.getByTestId('owner-incident-problem')).toHaveText(
      'group:default/billing-oncall does not exist in the catalog',
    );
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByText(/Saving other fields keeps it as it is/),
    ).toBeVisible();
    // A wrong value is shown under its field, and nothing is sent.
    const runbook = dialog.getByLabel('Runbook URL');
    await runbook.fill('runbooks/ledger');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(
      dialog.getByText('"runbooks/ledger" is not an http(s) URL'),
    ).toBeVisible();
    await page.screenshot({ path: 'e2e-results/ownership-field-error.png' });
    await runbook.fill('https://wiki.acme.example/ledger/runbook');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('owner-runbook')).toContainText(
      'https://wiki.acme.example/ledger/runbook',
    );
    await expect(page.getByTestId('owner-incident')).toHaveText(
      'group:default/billing-oncall',
    );
    await expect(page.getByTestId('owner-runbook-edited')).toContainText(
      'Edited in Backstage; catalog-info.yaml says https://runbooks.acme.example/ledger-service',
    );
  });

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
    // The save changed the incident owner only (older rows may confirm roles).
    await expect(
      page.getByTestId('ownership-history').getByRole('listitem').first(),
    ).not.toContainText('technical owner');
    await expect(
      page.getByText(/different from catalog-info.yaml/),
    ).toBeVisible();
    // The only thing that blocked it was the incident owner.
    await expect(page.getByTestId('status-ready').first()).toBeVisible();
    await page.screenshot({ path: 'e2e-results/ownership-saved.png' });

    // The catalog reprocesses the entity (the module overlays the edit onto
    // its annotations): what catalog-info.yaml says is still told apart.
    const token = await guestToken(page.request);
    const headers = { authorization: `Bearer ${token}` };
    await expect
      .poll(
        async () => {
          await page.request.post('/api/catalog/refresh', {
            headers,
            data: { entityRef: 'component:default/ledger-service' },
          });
          const entity = await (
            await page.request.get(
              '/api/catalog/entities/by-name/component/default/ledger-service',
              { headers },
            )
          ).json();
          return entity.metadata.annotations['readiness/incident-owner'];
        },
        { timeout: 75_000, intervals: [3_000] },
      )
      .toBe('group:default/sre-oncall');
    await page.reload();
    await expect(page.getByTestId('owner-incident')).toHaveText('SRE on-call');
    await expect(page.getByTestId('owner-incident-edited')).toContainText(
      'catalog-info.yaml says billing-oncall',
    );
    await expect(page.getByTestId('ownership-differs')).toBeVisible();
    await expect(page.getByTestId('ownership-history')).toContainText(
      'incident owner billing-oncall → sre-oncall',
    );

    // The runbook follows catalog-info.yaml again.
    await page
      .getByTestId('owner-runbook-edited')
      .getByRole('button', { name: 'Use catalog-info.yaml' })
      .click();
    await expect(page.getByTestId('owner-runbook')).toContainText(
      'https://runbooks.acme.example/ledger-service',
    );
    await expect(page.getByTestId('owner-runbook-edited')).toHaveCount(0);
    await expect(page.getByTestId('ownership-history')).toContainText(
      'Use catalog-info.yaml again for runbook',
    );
  });

  test('two people edit at once: the other person’s change survives unless re-applied', async ({
    browser,
  }) => {
    // invoice-generator belongs to Payments, the guest's team.
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await openTab(first, 'invoice-generator');
    await openTab(second, 'invoice-generator');

    // The first person opens the dialog and starts typing a channel …
    await first.getByRole('button', { name: 'Edit' }).click();
    const mine = first.getByRole('dialog');
    await mine
      .getByLabel('Communication channel')
      .fill('slack:#invoices-incidents');

    // … while the second one saves a technical owner and another channel.
    await second.getByRole('button', { name: 'Edit' }).click();
    const theirs = second.getByRole('dialog');
    await theirs.getByLabel('Technical owner').fill('payments');
    await second
      .getByRole('option', { name: 'Payments (group:payments)' })
      .click();
    await theirs.getByLabel('Communication channel').fill('slack:#billing');
    await theirs.getByRole('button', { name: 'Save' }).click();
    await expect(theirs).toBeHidden();

    // The first person saves: their values appear next to mine, theirs kept.
    await mine.getByRole('button', { name: 'Save' }).click();
    const conflict = mine.getByTestId('ownership-conflict');
    await expect(conflict).toContainText('guest saved a change');
    await expect(conflict).toContainText('Technical owner: they set payments');
    await expect(mine.getByLabel('Communication channel')).toHaveValue(
      'slack:#billing',
    );
    await first.screenshot({ path: 'e2e-results/ownership-conflict.png' });
    // Re-applying mine for the channel is an explicit choice.
    await mine.getByLabel('Use mine: slack:#invoices-incidents').check();
    await mine.getByRole('button', { name: 'Save' }).click();
    await expect(mine).toBeHidden();

    await first.reload();
    await expect(first.getByTestId('owner-technical')).toHaveText('Payments');
    await expect(first.getByTestId('owner-channel')).toHaveText(
      'slack:#invoices-incidents',
    );
    await expect(first.getByTestId('ownership-history')).toContainText(
      'channel slack:#billing → slack:#invoices-incidents',
    );
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
