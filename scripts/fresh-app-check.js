/*
 * The adopter's path, tested: builds and packs the publishable packages,
 * checks each tarball's contents, installs the tarballs into the fresh app of
 * fresh-app/ (copied outside the repository), builds it, starts it on SQLite
 * at http://localhost:7010, and checks in headless Chromium that an entity's
 * Readiness tab shows a result. Run by `npm run test:all`; prints one line per
 * check (`fresh app: … passed` / `failed: why`).
 *
 *   node scripts/fresh-app-check.js [--keep]   (--keep: leave the folder)
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root, yarnEnv, yarnRelease, yarnSync } = require('./yarn');
const { PUBLISHABLE, tarballProblems } = require('./tarball-check');
const { CHROMIUM_ARGS } = require('./e2e-server');
const { waitFor } = require('./wait-for');

const BASE = 'http://localhost:7010';
const ENTITY = 'component/default/example-website';
const TAB = '/catalog/default/component/example-website/readiness';

function yarnIn(cwd, args, stdio = 'inherit') {
  execFileSync(process.execPath, [yarnRelease(), ...args], {
    cwd,
    stdio,
    env: yarnEnv({ CI: 'true' }),
  });
}

/** Builds and packs each publishable package into `dir`; returns the tarballs. */
function pack(dir) {
  if (!fs.existsSync(path.join(root, 'dist-types', 'plugins'))) {
    yarnSync(['tsc']); // the declarations `package build` bundles
  }
  return PUBLISHABLE.map(folder => {
    const name = path.basename(folder);
    const cwd = path.join(root, folder);
    yarnIn(cwd, ['backstage-cli', 'package', 'build'], 'ignore');
    const file = path.join(dir, `${name}.tgz`);
    yarnIn(cwd, ['pack', '--out', file], 'ignore');
    return { name, file };
  });
}

/** Problems of every tarball, as `name: problem` lines. */
function checkTarballs(tarballs) {
  return tarballs.flatMap(({ name, file }) => {
    const list = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' });
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    return tarballProblems(list.split('\n').filter(Boolean), manifest).map(
      p => `${name}: ${p}`,
    );
  });
}

/**
 * What docs/install.md tells people to write that the fresh app does not
 * hold (empty when the app follows the guide): the backend lines, the
 * frontend package, the starter scorecard and its config.
 */
function guideDrift() {
  const YAML = require('yaml');
  const read = f => fs.readFileSync(path.join(root, f), 'utf8');
  const guide = read('docs/install.md');
  const drift = [];
  const backend = read('fresh-app/packages/backend/src/index.ts');
  for (const pkg of [
    '@readiness/backstage-plugin-readiness-backend',
    '@readiness/backstage-plugin-catalog-backend-module-readiness',
  ]) {
    const line = `import('${pkg}')`;
    if (!guide.includes(line) || !backend.includes(line))
      drift.push(`backend.add(${line}) is not in both`);
  }
  const app = JSON.parse(read('fresh-app/packages/app/package.json'));
  if (!app.dependencies['@readiness/backstage-plugin-readiness'])
    drift.push(
      'the app does not depend on @readiness/backstage-plugin-readiness',
    );
  const block = guide
    .split('```yaml\n')
    .map(b => b.split('```')[0])
    .find(b => b.startsWith('# readiness/starter.yaml'));
  const starter = YAML.parse(read('fresh-app/readiness/starter.yaml'));
  if (!block) drift.push('the guide has no readiness/starter.yaml block');
  else if (JSON.stringify(YAML.parse(block)) !== JSON.stringify(starter))
    drift.push(
      "the guide's starter scorecard differs from fresh-app/readiness/starter.yaml",
    );
  const config = YAML.parse(read('fresh-app/app-config.yaml'));
  if (config.readiness?.scorecards?.[0]?.file !== 'readiness/starter.yaml')
    drift.push('app-config.yaml does not name readiness/starter.yaml');
  return drift;
}

/** Starts the app's backend (`yarn start:backend`), which serves the built app. */
function startApp(dir) {
  const child = spawn(
    process.execPath,
    [yarnRelease(), 'workspace', 'backend', 'start'],
    {
      cwd: dir,
      env: yarnEnv({ CI: 'true', NODE_ENV: 'development' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const log = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', d => log.push(String(d)));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { child, log, stop };
}

/** The API's answer for the example entity, with a guest token. */
async function entityResult() {
  const auth = await fetch(`${BASE}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  }).then(r => r.json());
  const token = auth.backstageIdentity?.token;
  const res = await fetch(`${BASE}/api/readiness/entities/${ENTITY}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  return body.results?.length ? body.results[0] : undefined;
}

/** The Readiness tab in headless Chromium: signed in as guest, a status shows. */
async function checkTab(screenshot) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(`${BASE}${TAB}`);
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor({ timeout: 60_000 });
    await enter.click();
    const status = page.getByTestId(/^status-/).first();
    await status.waitFor({ state: 'visible', timeout: 60_000 });
    await page
      .getByText('Starter readiness')
      .first()
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshot, fullPage: true });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return (await status.getAttribute('data-testid')) ?? '';
  } finally {
    await browser.close();
  }
}

/** Runs every check; returns `{ passed, failed }` and prints a line each. */
/**
 * Runs the checks; `afterPack` is called once the packages are packed (so a
 * build started then never reads a package.json that packing rewrites).
 */
async function freshAppCheck({ keep = false, afterPack } = {}) {
  const counts = { passed: 0, failed: 0 };
  const report = (what, error) => {
    if (error) {
      counts.failed += 1;
      console.log(`fresh app: ${what} failed: ${error.message ?? error}`);
    } else {
      counts.passed += 1;
      console.log(`fresh app: ${what} passed`);
    }
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-fresh-app-'));
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
  let app;
  try {
    const drift = guideDrift();
    report(
      'docs/install.md and fresh-app/ agree',
      drift.length ? new Error(drift.join('; ')) : undefined,
    );
    fs.cpSync(path.join(root, 'fresh-app'), dir, { recursive: true });
    const tarballDir = path.join(dir, 'tarballs');
    fs.mkdirSync(tarballDir);
    const tarballs = pack(tarballDir);
    const problems = checkTarballs(tarballs);
    report(
      `tarball contents of ${tarballs.length} packages`,
      problems.length ? new Error(problems.join('; ')) : undefined,
    );
    if (problems.length) return counts;
    afterPack?.();

    yarnIn(dir, ['install', '--no-immutable'], ['ignore', 'ignore', 'inherit']);
    console.log(`fresh app: installed in ${dir} (${seconds()})`);
    // The CLI from its tarball validates the scorecard, no schema path given.
    try {
      const out = execFileSync(
        process.execPath,
        [yarnRelease(), 'readiness', 'validate', 'readiness/starter.yaml'],
        { cwd: dir, env: yarnEnv({ CI: 'true' }), encoding: 'utf8' },
      );
      report(`readiness validate in the fresh app (${out.trim()})`);
    } catch (error) {
      report('readiness validate in the fresh app', error);
    }
    yarnIn(dir, ['workspace', 'app', 'build'], ['ignore', 'ignore', 'inherit']);
    console.log(`fresh app: app built (${seconds()})`);

    app = startApp(dir);
    const exited = new Promise(resolve => app.child.on('exit', resolve));
    await Promise.race([
      waitFor(
        'the backend answers',
        () => fetch(`${BASE}/.backstage/health/v1/readiness`).then(r => r.ok),
        240_000,
      ),
      exited.then(code => {
        throw new Error(`the backend exited (${code})`);
      }),
    ]);
    const result = await waitFor(
      `a result for ${ENTITY}`,
      entityResult,
      120_000,
    );
    console.log(
      `fresh app: ${ENTITY} is ${result.status} at ${
        result.score
      } (${seconds()})`,
    );
    const screenshot = path.join(root, 'e2e-results', 'fresh-app-tab.png');
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    const shown = await checkTab(screenshot);
    console.log(`fresh app: the tab shows ${shown} (${seconds()})`);
    report('Readiness tab of a fresh app');
  } catch (error) {
    report('Readiness tab of a fresh app', error);
    if (app) console.log(app.log.join('').split('\n').slice(-40).join('\n'));
  } finally {
    app?.stop();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`fresh app: kept ${dir}`);
  }
  return counts;
}

module.exports = { freshAppCheck, guideDrift };

if (require.main === module) {
  freshAppCheck({ keep: process.argv.includes('--keep') }).then(c => {
    console.log(`${c.passed} passed, ${c.failed} failed`);
    process.exitCode = c.failed ? 1 : 0;
  });
}
