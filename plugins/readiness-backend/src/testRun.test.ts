import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { jestCounts } = require(path.join(ROOT, 'scripts/test-all.js'));

/** A jest JSON report with `n` passing tests in each of the given files. */
function report(files: Record<string, number>) {
  const testResults = Object.entries(files).map(([file, n]) => ({
    name: path.join(ROOT, file),
    status: 'passed',
    message: '',
    assertionResults: Array.from({ length: n }, (_, i) => ({
      fullName: `case ${i}`,
      status: 'passed',
    })),
  }));
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  return {
    success: true,
    numPassedTests: total,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    numTotalTests: total,
    numRuntimeErrorTestSuites: 0,
    testResults,
  };
}

function counts(r: object, minimums: Record<string, number>) {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-')),
    'jest.json',
  );
  fs.writeFileSync(file, JSON.stringify(r));
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return { ...jestCounts(0, file, minimums), log: log.mock.calls.flat() };
  } finally {
    log.mockRestore();
  }
}

// `npm run test:all` is what CI runs: a package whose tests drop out must
// fail it, whether or not PostgreSQL answers.
describe('the test run', () => {
  const minimums = {
    'plugins/readiness-backend': 3,
    'plugins/readiness': 2,
  };

  it('passes when every package reports at least its minimum', () => {
    const r = report({
      'plugins/readiness-backend/src/a.test.ts': 2,
      'plugins/readiness-backend/src/b.test.ts': 1,
      'plugins/readiness/src/c.test.tsx': 2,
    });
    expect(counts(r, minimums)).toMatchObject({ passed: 5, failed: 0 });
  });

  it('fails when a package has fewer tests than its minimum, naming it', () => {
    const r = report({
      'plugins/readiness-backend/src/a.test.ts': 2,
      'plugins/readiness/src/c.test.tsx': 2,
    });
    const c = counts(r, minimums);
    expect(c.failed).toBe(1);
    expect(c.log).toContain(
      'jest: plugins/readiness-backend reported 2 tests, fewer than its 3 (scripts/test-minimums.json)',
    );
  });

  it('counts the cases that do not run on PostgreSQL, so the minimum holds with or without it', () => {
    const r = report({ 'plugins/readiness-backend/src/a.test.ts': 3 });
    r.testResults[0].assertionResults[0].fullName = 'on POSTGRES_15 case 0';
    const c = counts(r, { 'plugins/readiness-backend': 3 });
    expect(c.failed).toBe(1);
    expect(c.log).toContain(
      'jest: plugins/readiness-backend reported 2 tests, fewer than its 3 (scripts/test-minimums.json)',
    );
  });

  it('fails when a package reports no test at all, and when nothing ran', () => {
    expect(
      counts(report({ 'plugins/readiness/src/c.test.tsx': 2 }), minimums)
        .failed,
    ).toBe(1);
    const none = counts(report({}), {});
    expect(none.failed).toBe(1);
    expect(none.log).toContain('jest: no test ran');
  });

  it('has a minimum for every package with tests', () => {
    const minimums_ = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'scripts/test-minimums.json'), 'utf8'),
    );
    const withTests = ['plugins', 'packages'].flatMap(dir =>
      fs
        .readdirSync(path.join(ROOT, dir))
        .filter(p => fs.existsSync(path.join(ROOT, dir, p, 'src')))
        .filter(p =>
          fs
            .readdirSync(path.join(ROOT, dir, p, 'src'), { recursive: true })
            .some(f => /\.test\.tsx?$/.test(String(f))),
        )
        .map(p => `${dir}/${p}`),
    );
    expect(Object.keys(minimums_).sort()).toEqual(withTests.sort());
  });
});
