import { test as base, expect, Locator, Page } from '@playwright/test';

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

/** Presses Tab until `target` has the focus (at most `max` times). */
export async function tabTo(page: Page, target: Locator, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate(el => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} never got the focus in ${max} Tab presses`);
}

/** The focus is drawn: MUI marks keyboard focus, and the outline or shadow shows it. */
export async function expectVisibleFocus(target: Locator) {
  const drawn = await target.evaluate(el => {
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return (
      el.classList.contains('Mui-focusVisible') ||
      el.matches(':focus-visible') ||
      outline
    );
  });
  expect(drawn).toBe(true);
}

/** Tabs to `target`, checks its focus is drawn, and presses Enter on it. */
export async function pressFromKeyboard(page: Page, target: Locator) {
  await tabTo(page, target);
  await expectVisibleFocus(target);
  await page.keyboard.press('Enter');
}

/**
 * Backstage's own start-up notice about its default icons (catalog, search,
 * kind:api …): not Readiness's to fix.
 */
const BACKSTAGE_NOTICES = [
  /^The following icons were registered as IconComponent/,
  // Backstage's signals socket, cut while the guest sign-in reloads the app
  // (seen on a busy first test); the signals client connects again.
  /^WebSocket connection to '[^']*\/api\/signals' failed: WebSocket is closed before the connection is established/,
];

/**
 * The tests' `test`: fails a test when the page logs a warning or an error
 * (React's, MUI's, ours, a deprecation), or throws one nothing caught.
 * Network answers the UI handles (a 403, a 409 after a conflict) and
 * Backstage's own notices are not counted.
 */
export const test = base.extend<{ quietConsole: void }>({
  quietConsole: [
    async ({ page }, use) => {
      const said: string[] = [];
      page.on('console', m => {
        if (m.type() !== 'error' && m.type() !== 'warning') return;
        const text = m.text();
        if (/Failed to load resource/.test(text)) return;
        if (BACKSTAGE_NOTICES.some(n => n.test(text))) return;
        said.push(`console.${m.type()}: ${text.split('\n')[0]}`);
      });
      page.on('pageerror', e => said.push(`uncaught: ${e.message}`));
      await use();
      expect(said, 'warnings and errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
