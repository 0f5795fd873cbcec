/*
 * `npm run test:all`: installs the dependencies and runs every test:
 * the unit and integration tests (jest, on SQLite and PostgreSQL) and the
 * end-to-end tests (Playwright in headless Chromium against the built app).
 * Ends with the line `N passed, N failed`.
 *
 * Options (environment):
 *   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING  PostgreSQL to test on
 *       (default postgresql://postgres@127.0.0.1:5432). Without a server the
 *       PostgreSQL cases are skipped with a warning, or fail the run when CI is set.
 *   SKIP_INSTALL=1  do not run `yarn install` first.
 *   SKIP_E2E=1      run only the jest tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, yarnSync } = require('./yarn');

const results = path.join(root, 'e2e-results');
const jestJson = path.join(results, 'jest-results.json');
const e2eJson = path.join(results, 'e2e-results.json');

function jestCounts() {
  const r = JSON.parse(fs.readFileSync(jestJson, 'utf8'));
  const all = r.testResults.flatMap(s => s.assertionResults);
  const postgres = all.filter(t => t.fullName.includes('POSTGRES'));
  // A suite that fails to load has no assertion results; count it as a failure.
  const brokenSuites = r.testResults.filter(
    s => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenSuites,
    skipped: r.numPendingTests + r.numTodoTests,
    postgresPassed: postgres.filter(t => t.status === 'passed').length,
  };
}

function e2eCounts() {
  if (!fs.existsSync(e2eJson)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + (stats.errors?.length ?? 0),
    skipped: stats.skipped,
  };
}

function attempt(fn) {
  try {
    fn();
    return true;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return false;
  }
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
  attempt(() =>
    yarnSync(['test', '--json', `--outputFile=${jestJson}`], { env }),
  );
  if (!fs.existsSync(jestJson)) throw new Error('jest wrote no results');
  const jest = jestCounts();
  console.log(
    `jest: ${jest.passed} passed, ${jest.failed} failed, ${jest.skipped} skipped (${jest.postgresPassed} on PostgreSQL)`,
  );
  if (postgres && jest.postgresPassed === 0) {
    console.log(
      'jest: the PostgreSQL cases did not run although PostgreSQL answers',
    );
    jest.failed += 1;
  }

  let e2e = { passed: 0, failed: 0, skipped: 0 };
  if (!process.env.SKIP_E2E) {
    fs.rmSync(e2eJson, { force: true });
    const built = attempt(() => yarnSync(['build:e2e']));
    if (built) attempt(() => yarnSync(['test:e2e'], { env: { CI: 'true' } }));
    e2e = built ? e2eCounts() : { passed: 0, failed: 1, skipped: 0 };
    console.log(
      `e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`,
    );
  }

  const passed = jest.passed + e2e.passed;
  const failed = jest.failed + e2e.failed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(error => {
  console.error(error.message);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
