import { expect } from '@playwright/test';
import { openReadinessTab as openTab, signIn, test } from './helpers';
import fs from 'node:fs';

test.describe('Readiness tab', () => {
  for (const [name, status, label, open, openCount] of [
    [
      'deploy-bot',
      'blocked',
      'Blocked',
      'Customer-communication owner is named and reachable',
      1,
    ],
    // Under 95 % of items: no runbook, no review of it, no dashboard.
    ['support-portal', 'needs-work', 'Needs work', 'Runbook is linked', 3],
    ['payments-api', 'ready', 'Ready', undefined, 0],
  ] as const) {
    test(`shows ${name} as ${label}`, async ({ page }) => {
      await openTab(page, name);
      await expect(page.getByTestId(`status-${status}`).first()).toHaveText(
        label,
      );
      await expect(page.getByText('Ownership', { exact: true })).toBeVisible();
      if (open) {
        await page.getByLabel('Show only open checks').check();
        // Among the checks (the Exemptions panel may name it too: the demo
        // leaves a request for support-portal's runbook waiting).
        await expect(
          page
            .locator('[data-testid^="check-"]')
            .getByText(open, { exact: true }),
        ).toBeVisible();
        // A blocked service's headline names what blocks it.
        if (status === 'blocked')
          await expect(page.getByTestId('blocked-by')).toContainText(open);
        // Open checks, leaving out the health endpoint's latency: the demo
        // serves its health endpoints from the backend's own process, so a
        // busy moment on a 2-core machine can push 48 ms past a second.
        await expect(
          page.locator(
            '[data-testid^="check-"]:not([data-testid="check-health-latency"])',
          ),
        ).toHaveCount(openCount);
      } else {
        await expect(
          page.getByText(
            'Ready: nothing critical is missing and the score meets the bar. The Go-live card says whether it may launch (every area complete, every role signed).',
          ),
        ).toBeVisible();
      }
      await page.screenshot({ path: `e2e-results/tab-${name}.png` });
    });
  }

  test('a stateless service is Ready with no exemption: what does not apply says why', async ({
    page,
  }) => {
    // checkout-web keeps no state and calls no model (annotations set to "false").
    await openTab(page, 'checkout-web');
    await expect(page.getByTestId('status-ready').first()).toHaveText('Ready');
    await expect(page.getByTestId('check-restore-tested')).toContainText(
      'Does not apply: the service keeps no state to back up (readiness/stateful is "false")',
    );
    await expect(page.getByTestId('check-restore-tested')).toContainText(
      'does not apply',
    );
    await expect(page.getByText(/Exempt until/)).toHaveCount(0);
  });

  test('reads well in the dark theme', async ({ page }) => {
    await page.addInitScript(() =>
      window.localStorage.setItem('theme', 'dark'),
    );
    await openTab(page, 'deploy-bot');
    const status = page.getByTestId('status-blocked').first();
    await expect(status).toHaveText('Blocked');
    // Relative luminance (WCAG) of a CSS rgb() colour.
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(v => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = await page
      .locator('main')
      .first()
      .evaluate(el => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent')
            return bg;
        }
        return getComputedStyle(document.body).backgroundColor;
      });
    const text = await page
      .getByText('Ownership', { exact: true })
      .evaluate(el => getComputedStyle(el).color);
    // A dark page with light text: contrast of at least 4.5:1.
    expect(luminance(background)).toBeLessThan(0.1);
    const contrast = (luminance(text) + 0.05) / (luminance(background) + 0.05);
    expect(contrast).toBeGreaterThan(4.5);
    await page.screenshot({ path: 'e2e-results/tab-deploy-bot-dark.png' });
  });
});

test.describe('Readiness page', () => {
  test('filters by owner and exports the filter as CSV', async ({ page }) => {
    await signIn(page, '/readiness');
    await expect(page.getByText('Top failing checks')).toBeVisible();
    await page.screenshot({ path: 'e2e-results/readiness-page.png' });

    // Typed as people type it; the backend reads the short form.
    await page
      .getByRole('textbox', { name: 'Owner', exact: true })
      .fill('identity');
    await page
      .getByRole('textbox', { name: 'Owner', exact: true })
      .press('Enter');
    await expect(page).toHaveURL(/owner=identity/);
    await expect(page.getByText('3 entities match')).toBeVisible();
    const table = page.getByRole('table', { name: 'Readiness results' });
    await expect(table.getByRole('row')).toHaveCount(4); // header + 3
    await expect(table.getByText('Auth service')).toBeVisible();
    await page.getByText('All results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e-results/readiness-page-owner.png' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export CSV/ }).click(),
    ]);
    const file = await download.path();
    const lines = fs
      .readFileSync(file!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^entity_ref,title,/);
    expect(
      lines
        .slice(1)
        .map(l => l.split(',')[0])
        .sort(),
    ).toEqual([
      'component:default/auth-service',
      'component:default/session-service',
      'component:default/user-profile-service',
    ]);
  });
});
