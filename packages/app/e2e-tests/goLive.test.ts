import { expect } from '@playwright/test';
import fs from 'node:fs';
import {
  pressFromKeyboard,
  openReadinessTab,
  signIn,
  tabTo,
  test,
} from './helpers';

const DAY = 86_400_000;
const day = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

const QUESTIONS = [
  'Who does what in the first 15 minutes when an error occurs?',
  'How will an incorrect or risky automated action be rolled back?',
  'Which dashboard will trigger an alert at which threshold?',
  'Which communication channel is used if customers or internal users are affected?',
  'Are ownership and permission scope clear for every connector that accesses production data?',
  'If a model or prompt change reduces quality, how long does returning to the previous version take?',
];

test.describe('Go-live', () => {
  test('an owner sets the go-live date, is refused an independent role, the note downloads', async ({
    page,
  }) => {
    // The guest is in Payments, which owns payments-api.
    await openReadinessTab(page, 'payments-api');
    await expect(
      page.getByText(
        'No go-live date: set one with Edit on the Ownership panel',
      ),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Go-live date').fill(day(1));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText(`Goes live ${day(1)} · T-1: Sign-off by every role`),
    ).toBeVisible();

    // Ready with every area complete: awaiting sign-off, and who may sign
    // each role is on the card.
    await expect(page.getByTestId('go-live-decision')).toContainText(
      'Ready, awaiting sign-off (0 of 5 roles)',
    );
    await expect(page.getByTestId('signoff-security')).toContainText(
      'Members of security, not the service’s owners',
    );
    // The guest is in Security, but owns payments-api (Payments): the
    // security sign-off is independent of the owners. The card offers no Sign
    // there and says why, as the server would.
    await expect(page.getByTestId('why-not-security')).toContainText(
      'Not you: Security team is signed independently of the service: you own component:default/payments-api (as group:default/payments), so someone else must sign it',
    );
    await expect(
      page.getByRole('button', { name: 'Sign off as Security team' }),
    ).toHaveCount(0);
    await expect(page.getByText('Sign-off: 0 of 5')).toBeVisible();
    await page
      .getByRole('button', { name: 'Download report' })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e-results/go-live-signoff.png' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^go-live-component-default-payments-api-\d{4}-\d\d-\d\d\.md$/,
    );
    const note = fs.readFileSync((await download.path())!, 'utf8');
    expect(note).toContain('# Go-live note: Payments API service');
    for (const q of QUESTIONS) expect(note).toContain(q);
    expect(note).toContain('| Security team | not signed |');
    expect(note).toContain('| Operations team | not signed |');
    expect(note).toContain('**Ready, awaiting sign-off (0 of 5 roles)');
  });

  test('shows a service in its first production week, with a missed daily check', async ({
    page,
  }) => {
    // The demo seed sets status-page live two days ago: day 1 went unchecked,
    // day 2 (today) is checked.
    await openReadinessTab(page, 'status-page');
    await expect(
      page.getByText(/Goes live .* · T\+2: First production week/),
    ).toBeVisible();
    await expect(
      page.getByText('1 daily check of the first week was missed.'),
    ).toBeVisible();
    await expect(page.getByTestId('day-1')).toHaveAttribute(
      'data-state',
      'missed',
    );
    // Day 2 is checked, with user feedback not ok: not a green "checked".
    await expect(page.getByTestId('day-2')).toHaveAttribute(
      'data-state',
      'not-ok',
    );
    await expect(page.getByTestId('day-2')).toContainText(
      'not ok: User feedback',
    );
    await expect(page.getByTestId('day-3')).toHaveAttribute(
      'data-state',
      'upcoming',
    );
    // status-page belongs to SRE on-call: the guest may not record its
    // checks, so the card does not offer it (the server would refuse).
    await expect(
      page.getByRole('button', { name: 'Record daily check' }),
    ).toHaveCount(0);
    await page.getByTestId('day-1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e-results/go-live-first-week.png' });
  });

  test('the guest signs the Security role of a service it does not own', async ({
    page,
  }) => {
    // auth-service (Identity's, Ready) goes live in three days. The guest is
    // in Security and owns nothing of Identity: Security is the guest's to sign.
    await openReadinessTab(page, 'auth-service');
    await expect(page.getByText(/Goes live .* · T-3/)).toBeVisible();
    await expect(page.getByTestId('signoff-infrastructure')).toContainText(
      '(not you)',
    );
    // From the keyboard alone (#27): Tab to the button, Enter, type the
    // note, Tab to Sign off, Enter.
    const sign = page.getByRole('button', {
      name: 'Sign off as Security team',
    });
    await pressFromKeyboard(page, sign);
    const dialog = page.getByRole('dialog');
    await tabTo(page, dialog.getByLabel('Note (optional)'));
    await page.keyboard.type('Threat model reviewed');
    const submit = dialog.getByRole('button', { name: 'Sign off' });
    await pressFromKeyboard(page, submit);
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('signoff-security')).toContainText(
      '✓ guest,',
    );
    await expect(page.getByText('Sign-off: 1 of 5')).toBeVisible();
    // One role per person: nothing else is offered to the guest.
    await expect(page.getByRole('button', { name: /Sign off as/ })).toHaveCount(
      0,
    );
  });

  test('the guest records the last daily check, a risky action and the closure review of its own service', async ({
    page,
  }) => {
    // checkout-web (Payments, the guest's team) went live seven days ago;
    // days 1 to 6 were checked by liam.byrne.
    await openReadinessTab(page, 'checkout-web');
    await expect(page.getByText(/· T\+7: First production week/)).toBeVisible();
    await expect(
      page.getByText('First production week: 6 of 7 daily checks'),
    ).toBeVisible();

    // From the keyboard alone (#27): Tab, Space on each "ok", Enter.
    await tabTo(page, page.getByRole('button', { name: 'Record daily check' }));
    await page.keyboard.press('Enter');
    let dialog = page.getByRole('dialog');
    for (const item of [
      'Error rate',
      'Latency',
      'Failed jobs',
      'User feedback',
      'Connector health',
    ]) {
      await tabTo(
        page,
        dialog
          .getByRole('radiogroup', { name: item })
          .getByLabel('ok', { exact: true }),
      );
      await page.keyboard.press('Space');
    }
    await tabTo(page, dialog.getByRole('button', { name: 'Save check' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText('First production week: 7 of 7 daily checks'),
    ).toBeVisible();

    await tabTo(
      page,
      page.getByRole('button', { name: 'Record risky action' }),
    );
    await page.keyboard.press('Enter');
    dialog = page.getByRole('dialog');
    await tabTo(page, dialog.getByLabel('What happened'));
    await page.keyboard.type('Price cache flushed by hand');
    await tabTo(
      page,
      dialog.getByLabel('Who answers for it (a team or a person)'),
    );
    await page.keyboard.type('group:default/payments');
    await tabTo(
      page,
      dialog.getByRole('button', { name: 'Record', exact: true }),
    );
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Price cache flushed by hand/)).toBeVisible();

    await tabTo(page, page.getByRole('button', { name: 'Closure review' }));
    await page.keyboard.press('Enter');
    dialog = page.getByRole('dialog');
    for (const label of [
      'P1/P2 incidents',
      'Support requests',
      'Quality deviations',
      'Missing runbook steps',
    ]) {
      await tabTo(page, dialog.getByLabel(label));
      await page.keyboard.type('none');
    }
    await tabTo(page, dialog.getByRole('button', { name: 'Record review' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText(/Closure review by user:default\/guest/),
    ).toBeVisible();
  });

  test('lists go-lives on the org page, with the missed daily check', async ({
    page,
  }) => {
    await signIn(page, '/readiness');
    const table = page.getByRole('table', { name: 'Go-lives' });
    await expect(
      table.getByTestId('first-week-component:default/status-page'),
    ).toHaveText('1 of 7 checked, 1 missed, 1 not ok');
    // The link shows the name, then the title once the catalog answers.
    await expect(
      table.getByRole('link', { name: /^(Loyalty points|loyalty-points)$/ }),
    ).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e-results/go-lives-org-page.png' });
  });
});
