import { expect, Locator, Page } from '@playwright/test';
import { openReadinessTab, signIn, test } from './helpers';

/**
 * The paths people take on the Readiness pages (#15), run at 1280×800 (project
 * chromium) and 390×844 (project phone). Screenshots land in e2e-results/
 * as pages-<what>-<width>.png.
 */
const AREAS = [
  'Operational ownership',
  'Go-live gates',
  'Observability',
  'Security and access',
  'Change management',
  'Backup and recovery',
  'Performance',
  'Documentation and support',
];

/** A screenshot of the viewport, scrolled to `target` when given. */
async function shot(page: Page, what: string, target?: Locator) {
  const width = page.viewportSize()?.width ?? 0;
  if (target) await target.evaluate(el => el.scrollIntoView());
  await page.screenshot({ path: `e2e-results/pages-${what}-${width}.png` });
}

const results = (page: Page) => page.getByTestId('readiness-results');

test.describe('Readiness page as people use it', () => {
  test('the Go-lives table keeps its columns readable, scrolling sideways on a phone', async ({
    page,
  }) => {
    await signIn(page, '/readiness');
    const table = page.getByRole('table', { name: 'Go-lives' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    // No column squeezed to a letter a line: each header at least 56 px wide.
    const widths = await table
      .locator('thead th')
      .evaluateAll(cells => cells.map(c => c.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(56);
    // The service's name keeps its words whole.
    expect(widths[0]).toBeGreaterThanOrEqual(150);
    await shot(
      page,
      'go-lives',
      page.getByRole('region', { name: 'Go-lives table, scrolls sideways' }),
    );
  });

  test('owner filter: typing "payments" offers the team by its title', async ({
    page,
  }) => {
    await signIn(page, '/readiness?groupBy=system');
    await expect(page.getByText('Top failing checks')).toBeVisible();
    await shot(page, 'overview');
    // On a phone the filters are folded away.
    const toggle = results(page).getByRole('button', { name: 'Filters' });
    if (await toggle.isVisible()) await toggle.click();
    await page
      .getByRole('textbox', { name: 'Owner', exact: true })
      .fill('payments');
    await page
      .getByRole('option')
      .filter({ has: page.getByText('group:payments', { exact: true }) })
      .click();
    await expect(page).toHaveURL(/owner=group%3Adefault%2Fpayments/);
    await expect(page).toHaveURL(/groupBy=system/);
    await expect(
      page.getByRole('textbox', { name: 'Owner', exact: true }),
    ).toHaveValue('Payments');
    // Payments with its sub-team payments-risk: six services.
    await expect(results(page).getByText('6 entities match')).toBeVisible();
    await expect(
      results(page).getByRole('link', { name: 'Invoice generator' }),
    ).toBeVisible();
    await shot(page, 'owner-filter', results(page));
  });

  test('a top failing check filters the table and brings it into view', async ({
    page,
  }) => {
    await signIn(page, '/readiness?groupBy=domain');
    // The top failing checks are the page's numbered list.
    const top = page
      .locator('ol > li')
      .filter({ has: page.getByRole('link') })
      .first();
    const link = top.getByRole('link');
    const title = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(/check=/);
    await expect(page).toHaveURL(/groupBy=domain/);
    await expect(results(page)).toBeInViewport();
    await expect(
      results(page).getByText(`Failing check: ${title}`),
    ).toBeVisible();
    await expect(results(page).getByText(/entit(y|ies) match/)).toBeVisible();
    await shot(page, 'top-check');
  });

  test('the heatmap shows every area within the page width', async ({
    page,
  }) => {
    await signIn(page, '/readiness');
    const heatmap = page.getByRole('table', { name: 'Area pass rate' });
    await heatmap.scrollIntoViewIfNeeded();
    const width = page.viewportSize()!.width;
    for (const area of AREAS) {
      const header = heatmap.getByRole('columnheader', { name: area });
      await expect(header).toBeVisible();
      const box = (await header.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    // A cell lists that group's entities failing the area.
    await heatmap
      .getByRole('button', { name: /^Payments, Operational ownership/ })
      .click();
    await expect(page).toHaveURL(/area=ownership/);
    await expect(page).toHaveURL(/owner=group%3Adefault%2Fpayments/);
    await expect(results(page)).toBeInViewport();
    await shot(page, 'heatmap', heatmap);
  });

  test('an empty result says so and offers a reset', async ({ page }) => {
    await signIn(
      page,
      '/readiness?status=ready&owner=group:default/payments-risk&groupBy=type',
    );
    await expect(
      results(page).getByText('No entity matches these filters'),
    ).toBeVisible();
    await shot(page, 'empty', results(page));
    await results(page)
      .getByRole('button', { name: 'Clear filters' })
      .last()
      .click();
    await expect(results(page).getByText('21 entities match')).toBeVisible();
    await expect(page).not.toHaveURL(/status=/);
    await expect(page).toHaveURL(/groupBy=type/);
  });

  test('an unknown scorecard is explained once, with a way back', async ({
    page,
  }) => {
    await signIn(page, '/readiness?scorecard=nope');
    await expect(
      page.getByText('There is no scorecard named “nope”'),
    ).toBeVisible();
    await expect(
      page.getByText(/Known scorecards: .*\(production\)/),
    ).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await shot(page, 'unknown-scorecard');
    await page
      .getByRole('button', { name: 'Show Production readiness' })
      .click();
    await expect(page.getByTestId('tile-Blocked')).toBeVisible();
  });
});

test.describe('Group and catalog pages', () => {
  test('the Payments group card lists Invoice generator, which it owns', async ({
    page,
  }) => {
    await signIn(page, '/catalog/default/group/payments');
    const table = page.getByRole('table', { name: 'Roles and readiness' });
    const row = (name: string) =>
      table.getByRole('row').filter({ hasText: name });
    // Owned by Payments (spec.owner); its status depends on earlier tests' edits.
    await expect(row('Invoice generator')).toContainText('Owner');
    await expect(
      row('Invoice generator').getByTestId(/^status-/),
    ).toBeVisible();
    // Owned by the sub-team Payments risk.
    await expect(row('Fraud scoring')).toContainText('Owner via Payments risk');
    await expect(
      row('Fraud scoring').getByTestId('status-blocked'),
    ).toBeVisible();
    await expect(page.getByTestId('group-score')).toContainText(
      'Team readiness',
    );
    await shot(
      page,
      'group-payments',
      page.getByText('Readiness of what this group answers for'),
    );
  });

  test('the catalog lists blocked services only, with their status', async ({
    page,
  }) => {
    await signIn(page, '/catalog');
    await expect(
      page.getByRole('link', { name: 'Payments API service' }),
    ).toBeVisible();
    // On a phone the filters are in a drawer.
    const drawer = page.getByRole('button', { name: 'Filters' });
    const phone = await drawer.isVisible();
    if (phone) await drawer.click();
    await page
      .getByRole('button', { name: 'Readiness', exact: true })
      .and(page.locator('[aria-haspopup="listbox"]'))
      .click();
    await page.getByRole('option', { name: 'Blocked' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: /^All/ }).click();
    if (phone) await page.keyboard.press('Escape');
    await expect(
      page.getByRole('link', { name: 'Payments API service' }),
    ).toHaveCount(0);
    // Fraud scoring is blocked in the demo and no other test edits it.
    await expect(
      page.getByRole('link', { name: 'Fraud scoring' }),
    ).toBeVisible();
    await expect(page.getByText(/^All Components \(\d+\)$/)).toBeVisible();
    const chips = page.getByRole('row').getByTestId(/^status-/);
    await expect(chips.first()).toBeVisible();
    for (const chip of await chips.all())
      await expect(chip).toHaveText('Blocked');
    await expect(page).toHaveURL(/filters%5Breadiness%5D=blocked/);
    await shot(page, 'catalog-blocked');
  });
});

test.describe('Entity tabs', () => {
  test('a blocked service shows what is open first', async ({ page }) => {
    await openReadinessTab(page, 'fraud-scoring');
    await expect(page.getByTestId('status-blocked').first()).toBeVisible();
    await page.getByLabel('Show only open checks').check();
    await expect(page.getByTestId(/^check-/).first()).toBeVisible();
    await shot(page, 'tab-fraud-scoring');
  });

  test('a system links its blocked parts, and does not flag roles its parts hold', async ({
    page,
  }) => {
    await signIn(page, '/catalog/default/system/checkout/readiness');
    const check = page.getByTestId('check-no-blocked-parts');
    await expect(check).toBeVisible();
    const part = check.getByRole('link', { name: 'component:fraud-scoring' });
    await expect(part).toHaveAttribute(
      'href',
      '/catalog/default/component/fraud-scoring/readiness',
    );
    await expect(page.getByText('has 1 owner')).toBeVisible();
    await shot(page, 'tab-system-checkout');
    await part.click();
    await expect(page).toHaveURL(/component\/fraud-scoring\/readiness/);
  });
});

test.describe('Waiting for you', () => {
  test('lists a confirmation about to run out, and the tab says when it was made', async ({
    page,
  }) => {
    // The demo's Data platform (the guest's team) confirmed its technical
    // ownership of Metrics API 80 days ago; the baseline asks every 90.
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await signIn(page, '/readiness');
    const item = page.getByText(
      'Confirm that group:default/data-platform is still technical owner of metrics-api',
    );
    await expect(item).toBeVisible();
    await expect(
      page.getByText(
        `Last confirmed on ${day(80)} by user:default/guest; due ${day(-10)}`,
      ),
    ).toBeVisible();
    // Nothing of it is clipped, on a phone either.
    const clipped = await page
      .getByRole('list', { name: 'Waiting for you' })
      .locator('li > div')
      .evaluateAll(
        els => els.filter(el => el.scrollWidth > el.clientWidth).length,
      );
    expect(clipped).toBe(0);
    await shot(page, 'inbox-confirmation', item);
    await openReadinessTab(page, 'metrics-api');
    await expect(page.getByTestId('owner-technical-confirmed')).toContainText(
      `Confirmed on ${day(
        80,
      )} by guest (Ownership review of the data platform)`,
    );
  });
});
