import { expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn, test } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const PRODUCTION = fs.readFileSync(
  path.join(ROOT, 'examples/scorecards/production.yaml'),
  'utf8',
);

/** Runs the `readiness` command of this repository; its output and exit code. */
function readiness(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve =>
      execFile(
        process.execPath,
        [path.join(ROOT, 'packages/readiness-cli/bin/readiness'), ...args],
        { env: { ...process.env, ...env }, timeout: 60_000 },
        (error, stdout, stderr) => {
          let code = 0;
          if (error) code = typeof error.code === 'number' ? error.code : 1;
          resolve({ code, stdout, stderr });
        },
      ),
  );
}

test.describe('Scorecards as code', () => {
  test('the CLI prints the Markdown diff of a scorecard change against the running demo', async () => {
    // The runbook made critical: every service without one drops to Blocked.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-e2e-'));
    const file = path.join(dir, 'production.yaml');
    fs.writeFileSync(
      file,
      PRODUCTION.replace(
        /(- id: runbook\n\s+title: [^\n]+\n\s+severity: )required/,
        '$1critical',
      ),
    );
    expect(fs.readFileSync(file, 'utf8')).not.toEqual(PRODUCTION);
    const { code, stdout, stderr } = await readiness(
      [
        'preview',
        '--url',
        'http://localhost:7007',
        '-s',
        file,
        '--fail-on-blocked',
      ],
      // The demo's CI token (app-config.yaml), allowed to preview.
      { READINESS_TOKEN: 'readiness-demo-ci-token' },
    );
    expect(stderr).toBe('');
    expect(stdout).toContain('## Production readiness (`production`)');
    expect(stdout).toMatch(/\*\*\d+ entit(y drops|ies drop) to Blocked\.\*\*/);
    expect(stdout).toMatch(
      /\| Runbook is linked \(`runbook`\) \| \d+ \| \d+ \| changed \|/,
    );
    // Support portal has no runbook: Blocked after.
    expect(stdout).toMatch(
      /\| Support portal \(component:support-portal\) \| [^|]+ \| Blocked/,
    );
    expect(code).toBe(1);
    fs.writeFileSync(path.join('e2e-results', 'preview.md'), stdout);
  });
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])
  test(`lowering the pass mark in the Preview panel shows Support portal becoming Ready, saving nothing (${size.width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await signIn(page, '/readiness');
    const card = page.locator('.readiness-card').filter({
      hasText: 'Preview a scorecard change',
    });
    await card
      .getByRole('button', { name: 'Edit Production readiness' })
      .click();
    const editor = card.getByRole('textbox', { name: 'Scorecard YAML' });
    await expect(editor).toHaveValue(/passingScore: 95/);
    const yaml = await editor.inputValue();
    await editor.fill(yaml.replace('passingScore: 95', 'passingScore: 90'));
    await expect(card.getByText(/^Valid: production\./)).toBeVisible();
    await card.getByRole('button', { name: 'Preview' }).click();
    const moves = card.getByRole('table', {
      name: 'Entities that move under Production readiness',
    });
    const row = moves.getByRole('row').filter({ hasText: 'Support portal' });
    await expect(row.getByTestId('status-needs-work')).toBeVisible();
    await expect(row.getByTestId('status-ready')).toBeVisible();
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `e2e-results/preview${size.width < 600 ? '-phone' : ''}.png`,
    });
    // Nothing was saved: the page's own results still say Needs work.
    await signIn(page, '/catalog/default/component/support-portal/readiness');
    await expect(page.getByTestId('status-needs-work').first()).toBeVisible();
  });
