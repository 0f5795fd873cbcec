/*
 * `yarn bench:ui`: how fast the org-wide Readiness page renders at 10,000
 * entities. Generates a catalog of 10,000 components (with groups, users and
 * systems) in e2e-results/bench, starts the built app on :7007 with it
 * (run `yarn build:e2e` first), waits until every component is evaluated,
 * then opens /readiness in headless Chromium three times and prints the time
 * from navigation to the first rows of the results table. Not a test.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startE2eBackend, CHROMIUM_ARGS } = require('./e2e-server');

const root = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_ENTITIES ?? 10_000);
const dir = path.join(root, 'e2e-results', 'bench');
fs.mkdirSync(dir, { recursive: true });

function catalogYaml() {
  const docs = [];
  const groups = 60;
  for (let g = 0; g < groups; g++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: bench-team-${g} }\nspec: { type: team, children: [], ${
        g >= 6 ? `parent: bench-team-${g % 6}, ` : ''
      }profile: { email: bench-team-${g}@example.com } }`,
    );
  }
  for (let s = 0; s < 200; s++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: { name: bench-system-${s} }\nspec: { owner: bench-team-${
        s % groups
      } }`,
    );
  }
  for (let i = 0; i < N; i++) {
    const t = k => `group:bench-team-${(i * 7 + k) % groups}`;
    const a = [
      `readiness/incident-owner: "${t(1)}"`,
      `readiness/technical-owner: "${t(2)}"`,
    ];
    if (i % 3) a.push(`readiness/communication-owner: "${t(3)}"`);
    if (i % 4)
      a.push(`readiness/runbook: https://runbooks.example.com/svc-${i}`);
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bench-svc-${i}\n  annotations: { ${a.join(
        ', ',
      )} }\nspec: { type: service, lifecycle: production, owner: bench-team-${
        i % groups
      }, system: bench-system-${i % 200} }`,
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

async function main() {
  fs.writeFileSync(path.join(dir, 'catalog.yaml'), catalogYaml());
  fs.writeFileSync(
    path.join(dir, 'app-config.bench.yaml'),
    `catalog:\n  locations:\n    - type: file\n      target: ${path.join(
      dir,
      'catalog.yaml',
    )}\n      rules: [{ allow: [Component, System, Group] }]\nreadiness:\n  evaluation:\n    shards: 4\n    schedule: { frequency: { seconds: 30 }, timeout: { minutes: 5 }, initialDelay: { seconds: 20 } }\n`,
  );
  const server = startE2eBackend({
    extraConfigs: [path.join(dir, 'app-config.bench.yaml')],
    env: { LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => server.kill('SIGTERM');
  try {
    const base = 'http://localhost:7007';
    const started = Date.now();
    let token;
    for (;;) {
      await new Promise(r => setTimeout(r, 5000));
      try {
        if (!token) {
          const auth = await fetch(`${base}/api/auth/guest/refresh`, {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          });
          token = (await auth.json()).backstageIdentity.token;
        }
        const res = await fetch(`${base}/api/readiness/results?limit=1`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const { totalItems } = await res.json();
        process.stdout.write(
          `\r${Math.round(
            (Date.now() - started) / 1000,
          )} s: ${totalItems} results`,
        );
        if (totalItems >= N) break;
      } catch {
        // not up yet
      }
      if (Date.now() - started > 20 * 60_000)
        throw new Error('gave up waiting for evaluation');
    }
    console.log(
      `\nall ${N} components evaluated after ${Math.round(
        (Date.now() - started) / 1000,
      )} s`,
    );

    const { chromium } = require(require.resolve('playwright-core', {
      paths: [root],
    }));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
    });
    await page.goto(`${base}/readiness`);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('table', { name: 'Readiness results' })
      .getByRole('row')
      .nth(1)
      .waitFor({ timeout: 60_000 });
    const times = [];
    for (let i = 0; i < 3; i++) {
      // In-app navigation to the page, as a person clicking Readiness in the sidebar.
      await page.getByRole('link', { name: 'Catalog' }).first().click();
      await page.waitForLoadState('networkidle');
      const t0 = Date.now();
      await page.getByRole('link', { name: 'Readiness' }).first().click();
      await page
        .getByRole('table', { name: 'Readiness results' })
        .getByRole('row')
        .nth(1)
        .waitFor({ timeout: 60_000 });
      await page.getByTestId('tile-Entities').waitFor();
      times.push(Date.now() - t0);
    }
    await page.screenshot({ path: path.join(dir, 'readiness-page-10k.png') });
    await browser.close();
    times.sort((a, b) => a - b);
    console.log(
      `org page at ${N} entities: first render (tiles and first table rows) ${times.join(
        ', ',
      )} ms; median ${times[1]} ms`,
    );
  } finally {
    stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
