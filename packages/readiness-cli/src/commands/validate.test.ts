import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { createProgram } from '../program';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  process.exitCode = undefined;
  createProgram(
    '0.0.0',
    s => out.push(s),
    s => err.push(s),
  ).parse(['node', 'readiness', ...args]);
  const exitCode = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { out: out.join(''), err: err.join(''), exitCode };
}

describe('readiness validate', () => {
  const examples = path.resolve(__dirname, '../../../../examples/scorecards');

  it('accepts the example scorecards', () => {
    const r = run([
      'validate',
      path.join(examples, 'production.yaml'),
      path.join(examples, 'systems.yaml'),
    ]);
    expect(r.out).toMatch(
      /✓ .*production\.yaml: production — 8 areas, 41 checks, 3 levels/,
    );
    expect(r.exitCode).toBe(0);
  });

  it('prints every error with file, check id and field path, and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-validate-'));
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      file,
      'apiVersion: readiness/v1\nkind: Scorecard\nmetadata: { name: bad }\nspec:\n  areas:\n    - id: a\n      title: A\n      checks:\n        - { id: x, title: X, severity: critical, type: ownership, with: { rule: role, role: boss } }\n',
    );
    const r = run(['validate', file]);
    expect(r.err).toContain(`Invalid scorecard ${file}:`);
    expect(r.err).toContain(
      'spec.areas[0].checks[0].with.role (check "x"): expected one of incident, technical, communication',
    );
    expect(r.err).toContain('1 of 1 file invalid');
    expect(r.exitCode).toBe(1);
    fs.rmSync(dir, { recursive: true });
  });
});
