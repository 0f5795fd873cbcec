/*
 * `npm run test:all`: installs the dependencies and runs every test:
 * the unit and integration tests (jest, on SQLite and PostgreSQL) and the
 * production start (the README's `yarn start:backend` command with the
 * production config against PostgreSQL: healthy, serves the scorecards) and the
 * end-to-end tests (Playwright in headless Chromium against the built app).
 * Ends with the line `N passed, N failed`.
 *
 * Options (environment):
 *   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING  PostgreSQL to test on
 *       (default postgresql://postgres@127.0.0.1:5432). Without a server the
 *       PostgreSQL cases are skipped with a warning, or fail the run when CI is set.
 *   SKIP_INSTALL=1  do not run `yarn install` first.
 *   SKIP_E2E=1      run only the jest tests.
 *   SKIP_FRESH_APP=1  do not install the packed packages into fresh-app/.
 *
 * Besides jest, the production start and the end-to-end tests, it runs the
 * adopter's path (scripts/fresh-app-check.js): every publishable package
 * packed and its tarball checked, then installed into a fresh app that must
 * show an entity's Readiness tab.
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, yarnSync, yarnSpawn } = require('./yarn');
const { productionCheck } = require('./production-check');
const { freshAppCheck } = require('./fresh-app-check');

const results = path.join(root, 'e2e-results');
const jestJson = path.join(results, 'jest-results.json');
const e2eJson = path.join(results, 'e2e-results.json');

/**
 * The fewest jest tests each package must report, counting the cases that
 * do not run on PostgreSQL (passed, failed or skipped: the same number with
 * or without a PostgreSQL server): a package whose tests silently drop out (a
 * file no longer found or loaded, a describe.each over nothing) fails the run.
 * Raise a number when a package gains tests.
 */
const MIN_TESTS = require('./test-minimums.json');

/** `plugins/readiness-backend` for a test file's absolute path. */
function packageOf(file) {
  return path.relative(root, file).split(path.sep).slice(0, 2).join('/');
}

/** Messages for the packages below their minimum (and for no test at all). */
function missingTests(report, minimums = MIN_TESTS) {
  const counts = {};
  for (const s of report.testResults) {
    const p = packageOf(s.name);
    const cases = s.assertionResults.filter(
      t => !String(t.fullName).includes('POSTGRES'),
    );
    counts[p] = (counts[p] ?? 0) + cases.length;
  }
  const out = [];
  if (report.numTotalTests === 0 || report.testResults.length === 0)
    out.push('no test ran');
  for (const [pkg, min] of Object.entries(minimums)) {
    const n = counts[pkg] ?? 0;
    if (n < min)
      out.push(
        `${pkg} reported ${n} tests, fewer than its ${min} (scripts/test-minimums.json)`,
      );
  }
  return out;
}

/**
 * Counts from jest's JSON report and its exit code. A suite that fails outside
 * a test (it does not load, or a hook such as afterAll throws) counts as one
 * failure; so does a non-zero exit that the report does not explain, and
 * each package with fewer tests than its minimum.
 */
function jestCounts(exitCode, file = jestJson, minimums = MIN_TESTS) {
  if (!fs.existsSync(file)) {
    console.log(`jest: no report (exit ${exitCode})`);
    return { passed: 0, failed: 1, skipped: 0, postgresPassed: 0 };
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const all = r.testResults.flatMap(s => s.assertionResults);
  const postgres = all.filter(t => t.fullName.includes('POSTGRES'));
  const suiteErrors = r.testResults.filter(
    s =>
      s.status === 'failed' &&
      !s.assertionResults.some(t => t.status === 'failed'),
  );
  for (const s of suiteErrors) {
    console.log(
      `jest: ${path.relative(root, s.name)} failed outside its tests: ${
        String(s.message)
          .split('\n')
          .find(l => l.trim()) ?? ''
      }`,
    );
  }
  let failed = r.numFailedTests + suiteErrors.length;
  if (r.numRuntimeErrorTestSuites > suiteErrors.length) {
    failed += r.numRuntimeErrorTestSuites - suiteErrors.length;
  }
  if ((exitCode !== 0 || r.success === false) && failed === 0) {
    console.log(`jest: exit ${exitCode} with no failure in its report`);
    failed = 1;
  }
  for (const message of missingTests(r, minimums)) {
    console.log(`jest: ${message}`);
    failed += 1;
  }
  return {
    passed: r.numPassedTests,
    failed,
    skipped: r.numPendingTests + r.numTodoTests,
    postgresPassed: postgres.filter(t => t.status === 'passed').length,
  };
}

/**
 * Counts from Playwright's JSON report and its exit code. Errors outside a
 * test (the web server did not start, a file did not load, `.only` under CI)
 * are in the report's top-level `errors`; each counts as a failure. No test
 * run at all is a failure, and so is a non-zero exit the report does not explain.
 */
function e2eCounts(exitCode, file = e2eJson) {
  if (!fs.existsSync(file)) {
    console.log(`e2e: no report (exit ${exitCode})`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { stats } = report;
  const errors = [...(report.errors ?? []), ...(stats.errors ?? [])];
  for (const e of errors) {
    console.log(
      `e2e: error outside a test: ${String(e.message ?? e).split('\n')[0]}`,
    );
  }
  const passed = stats.expected + stats.flaky;
  let failed = stats.unexpected + errors.length;
  if (passed + failed === 0) {
    console.log('e2e: no test ran');
    failed = 1;
  }
  if (exitCode !== 0 && failed === 0) {
    console.log(`e2e: exit ${exitCode} with no failure in its report`);
    failed = 1;
  }
  return { passed, failed, skipped: stats.skipped };
}

/** Runs yarn with the arguments; returns its exit code instead of throwing. */
function run(args, options) {
  try {
    yarnSync(args, options);
    return 0;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode ?? 1;
  }
}

/**
 * Starts `yarn build:e2e` with its output in e2e-results/build-e2e.log;
 * resolves to its exit code (printing the log's end when it fails).
 */
function buildInBackground() {
  const logFile = path.join(results, 'build-e2e.log');
  const out = fs.openSync(logFile, 'w');
  const child = yarnSpawn(['build:e2e'], { stdio: ['ignore', out, out] });
  return new Promise(resolve => {
    let finished = false;
    const done = code => {
      if (finished) return;
      finished = true;
      fs.closeSync(out);
      if (code !== 0)
        console.log(
          fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
        );
      resolve(code ?? 1);
    };
    child.once('error', () => done(1));
    child.once('exit', done);
  });
}

/** Prints how long a phase took, for CI logs. */
function took(phase, since) {
  console.log(`[time] ${phase}: ${Math.round((Date.now() - since) / 1000)} s`);
}

async function main() {
  if (!process.env.SKIP_INSTALL) yarnSync(['install']);
  fs.mkdirSync(results, { recursive: true });
  const { findPostgres, POSTGRES_ENV } = require('./postgres');

  const postgres = await findPostgres();
  const env = { CI: 'true', BACKSTAGE_TEST_DISABLE_DOCKER: '1' };
  if (postgres) {
    env[POSTGRES_ENV] = postgres;
  } else if (process.env.CI) {
    throw new Error(
      'PostgreSQL is required when CI is set; see README "Testing"',
    );
  } else {
    process.stderr.write(
      'WARNING: no PostgreSQL; its test cases will be skipped.\n',
    );
  }

  fs.rmSync(jestJson, { force: true });
  let since = Date.now();
  const jestExit = run(['test', '--json', `--outputFile=${jestJson}`], {
    env,
  });
  took('jest', since);
  const jest = jestCounts(jestExit);
  console.log(
    `jest: ${jest.passed} passed, ${jest.failed} failed, ${jest.skipped} skipped (${jest.postgresPassed} on PostgreSQL)`,
  );
  if (postgres && jest.postgresPassed === 0) {
    console.log(
      'jest: the PostgreSQL cases did not run although PostgreSQL answers',
    );
    jest.failed += 1;
  }
  // Nothing is skipped where PostgreSQL answers: a PostgreSQL case (or the
  // two-replica test) that skips itself would otherwise pass unseen.
  if (postgres && jest.skipped > 0) {
    console.log(
      `jest: ${jest.skipped} skipped although PostgreSQL answers; every case must run`,
    );
    jest.failed += 1;
  }

  // The README's production command, against the local PostgreSQL.
  since = Date.now();
  const production = { passed: 0, failed: 0, skipped: 0 };
  if (postgres) {
    try {
      const names = await productionCheck(postgres);
      console.log(`production start: passed (${names})`);
      production.passed = 1;
    } catch (error) {
      console.log(`production start: failed: ${error.message}`);
      production.failed = 1;
    }
  } else {
    console.log('production start: skipped (no PostgreSQL)');
    production.skipped = 1;
  }

  took('production start', since);
  since = Date.now();
  // The adopter's path: tarballs checked, installed into a fresh app. The
  // end-to-end app builds meanwhile, once the packages are packed (the
  // machine's two cores share the two installs and builds).
  let fresh = { passed: 0, failed: 0 };
  let e2eBuild;
  if (!process.env.SKIP_FRESH_APP) {
    try {
      fresh = await freshAppCheck({
        afterPack: process.env.SKIP_E2E
          ? undefined
          : () => {
              e2eBuild = buildInBackground();
            },
      });
    } catch (error) {
      console.log(`fresh app: failed: ${error.message}`);
      fresh = { passed: 0, failed: 1 };
    }
  }

  took('fresh app', since);
  let e2e = { passed: 0, failed: 0, skipped: 0 };
  if (!process.env.SKIP_E2E) {
    since = Date.now();
    fs.rmSync(e2eJson, { force: true });
    const buildExit = e2eBuild ? await e2eBuild : run(['build:e2e']);
    took('e2e app build (the rest of it)', since);
    since = Date.now();
    if (buildExit === 0) {
      e2e = e2eCounts(run(['test:e2e'], { env: { CI: 'true' } }));
      took('e2e tests', since);
    } else {
      console.log(`e2e: the app did not build (exit ${buildExit})`);
      e2e = { passed: 0, failed: 1, skipped: 0 };
    }
    console.log(
      `e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`,
    );
  }

  const passed = jest.passed + production.passed + fresh.passed + e2e.passed;
  const failed = jest.failed + production.failed + fresh.failed + e2e.failed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

module.exports = { jestCounts, e2eCounts, missingTests };

if (require.main === module) {
  main().catch(error => {
    console.error(error.message);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  });
}
