import { defineConfig } from '@playwright/test';
const { CHROMIUM_ARGS } = require('./scripts/e2e-server');

/**
 * End-to-end tests in headless Chromium against the built app, served by the
 * backend on :7007 (see scripts/e2e-server.js). Uses the system's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium); Playwright downloads no browser.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  globalSetup: require.resolve('./packages/app/e2e-tests/globalSetup.ts'),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: 'e2e-results/e2e-results.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-results/report' }],
  ],
  outputDir: 'e2e-results/artifacts',
  webServer: [
    {
      command: 'node scripts/e2e-server.js',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Production scorecard, no demo evidence: see app-config.e2e-live.yaml.
      command: 'node scripts/e2e-server.js --live',
      url: 'http://localhost:7008/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', testIgnore: 'live/**' },
    {
      // The pages as people use them, on a phone (#15).
      name: 'phone',
      testMatch: 'pages.test.ts',
      use: { viewport: { width: 390, height: 844 } },
    },
    {
      name: 'live',
      testMatch: 'live/**/*.test.ts',
      use: { baseURL: 'http://localhost:7008' },
    },
  ],
});
