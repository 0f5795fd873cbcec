import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Every test file under `dir` (node_modules and dist left out). */
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    if (d.name === 'node_modules' || d.name === 'dist') return [];
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

// The CI guard counts PostgreSQL cases and refuses skipped ones; this keeps
// a new test file from using a database on SQLite alone.
describe('database tests', () => {
  it('run on PostgreSQL in every test file that uses TestDatabases', () => {
    const files = ['plugins', 'packages'].flatMap(d =>
      testFiles(path.join(ROOT, d)),
    );
    const users = files.filter(
      f =>
        f !== __filename &&
        fs.readFileSync(f, 'utf8').includes('TestDatabases.create('),
    );
    expect(users.length).toBeGreaterThan(10);
    const sqliteOnly = users
      .filter(f => {
        const ids = /TestDatabases\.create\(\{\s*ids:\s*\[([^\]]*)\]/.exec(
          fs.readFileSync(f, 'utf8'),
        );
        return !ids || !ids[1].includes('POSTGRES_15');
      })
      .map(f => path.relative(ROOT, f));
    expect(sqliteOnly).toEqual([]);
  });
});
