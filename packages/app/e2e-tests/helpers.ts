import { Page } from '@playwright/test';

/** Guest sign-in; the session lives in the page, so every load asks again. */
export async function enterAsGuest(page: Page) {
  const enter = page.getByRole('button', { name: 'Enter' });
  // The sign-in page, or the app already signed in (its sidebar): whichever comes first.
  await enter
    .or(page.getByRole('navigation').first())
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  if (await enter.isVisible()) await enter.click();
}

/** Opens a page and signs in as guest. */
export async function signIn(page: Page, path: string) {
  await page.goto(path);
  await enterAsGuest(page);
}

/** Opens a component's Readiness tab, reloading until its first evaluation has stored results. */
export async function openReadinessTab(page: Page, name: string) {
  await signIn(page, `/catalog/default/component/${name}/readiness`);
  for (let i = 0; i < 6; i++) {
    // Wait for the tab to show a status (`isVisible` would not wait).
    const shown = await page
      .getByTestId(/^status-/)
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    await page.reload();
    await enterAsGuest(page);
  }
  throw new Error(`no readiness results for ${name}`);
}
