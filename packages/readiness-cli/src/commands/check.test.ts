import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCheck, CheckOptions } from './check';

let dir: string;
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const SCORECARD = `apiVersion: readiness/v1
kind: Scorecard
metadata: { name: mini }
spec:
  appliesTo: { kinds: [Component] }
  passingScore: 90
  areas:
    - id: own
      title: Ownership
      checks:
        - id: incident-owner
          title: Incident owner
          severity: critical
          type: ownership
          with: { rule: role, role: incident, resolve: false }
          remediation: { text: Set readiness/incident-owner }
        - id: docs
          title: Docs
          severity: required
          type: catalog
          with: { path: metadata.description, op: notEmpty }
`;
const entity = (name: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${extra}spec: { type: service, owner: team, lifecycle: production }
`;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function check(files: string[], options: Partial<CheckOptions> = {}) {
  return runCheck(files, {
    scorecard: [write('card.yaml', SCORECARD)],
    format: 'table',
    failOn: 'blocked',
    now: '2026-11-23T00:00:00Z',
    ...options,
  });
}

describe('readiness check', () => {
  it('prints a table with status, score, level and top gaps, and a summary', () => {
    const file = write(
      'catalog-info.yaml',
      `${entity(
        'good',
        '  description: Fine\n  annotations: { readiness/incident-owner: sre }\n',
      )}---\n${entity('bad')}`,
    );
    const { stdout, exitCode } = check([file]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^ENTITY\s+SCORECARD\s+STATUS\s+SCORE\s+LEVEL\s+TOP GAPS/,
    );
    expect(lines[1]).toMatch(
      /^component:good\s+mini\s+ready\s+100\.0\s+-\s+-$/,
    );
    expect(lines[2]).toMatch(
      /^component:bad\s+mini\s+blocked\s+0\.0\s+-\s+incident-owner!, docs$/,
    );
    expect(lines[lines.length - 1]).toBe(
      '2 results: 1 ready, 0 needs work, 1 blocked',
    );
    expect(stdout).not.toContain('\u001b['); // no colours unless asked
    expect(exitCode).toBe(1);
  });

  it('colours statuses when asked', () => {
    const file = write('c.yaml', entity('bad'));
    expect(check([file], { color: true }).stdout).toContain(
      '\u001b[31mblocked',
    );
  });

  it('gates on --fail-on', () => {
    const file = write(
      'c.yaml',
      entity('meh', '  annotations: { readiness/incident-owner: sre }\n'),
    );
    expect(check([file], { failOn: 'blocked' }).exitCode).toBe(0);
    expect(check([file], { failOn: 'needs-work' }).exitCode).toBe(1);
    expect(
      check([write('d.yaml', entity('bad'))], { failOn: 'never' }).exitCode,
    ).toBe(0);
  });

  it('prints JSON and Markdown', () => {
    const file = write('c.yaml', entity('bad'));
    const json = JSON.parse(check([file], { format: 'json' }).stdout);
    expect(json[0]).toMatchObject({
      entityRef: 'component:default/bad',
      status: 'blocked',
      scorecard: 'mini',
    });
    const md = check([file], { format: 'markdown' }).stdout;
    expect(md).toContain('| component:bad | mini | ⛔ blocked | 0.0 | – |');
    expect(md).toContain(
      '- **Incident owner** (critical, fail): No incident owner: set the readiness/incident-owner annotation to a group or user — Set readiness/incident-owner',
    );
  });

  it('resolves owners against --catalog', () => {
    const org = path.join(dir, 'org');
    fs.mkdirSync(org);
    fs.writeFileSync(
      path.join(org, 'groups.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: sre }\nspec: { type: team, children: [] }\n',
    );
    const card = write(
      'resolve.yaml',
      SCORECARD.replace('resolve: false', 'resolve: true'),
    );
    const known = write(
      'a.yaml',
      entity(
        'a',
        '  description: x\n  annotations: { readiness/incident-owner: sre }\n',
      ),
    );
    const unknown = write(
      'b.yaml',
      entity(
        'b',
        '  description: x\n  annotations: { readiness/incident-owner: ghosts }\n',
      ),
    );
    const json = JSON.parse(
      check([known, unknown], {
        scorecard: [card],
        catalog: org,
        format: 'json',
      }).stdout,
    );
    expect(json.map((r: any) => r.status)).toEqual(['ready', 'blocked']);
    expect(json[1].checks[0].message).toBe(
      'incident owner group:default/ghosts does not exist in the catalog',
    );
  });

  it('skips documents that are not entities, with a warning, and checks the rest', () => {
    const file = write(
      'c.yaml',
      `just: text\n---\n${entity('bad')}---\n[broken`,
    );
    const { stdout, stderr } = check([file]);
    expect(stderr).toContain('c.yaml (document 1): not a catalog entity');
    expect(stderr).toContain('c.yaml (document 3): invalid YAML');
    expect(stdout).toContain('component:bad');
  });

  it('says clearly what is wrong with an evidence file', () => {
    const file = write('c.yaml', entity('bad'));
    const facts = write(
      'facts.json',
      JSON.stringify({
        facts: {
          'component:default/bad': [
            { id: 'x', value: 1, observedAt: 'yesterday' },
          ],
        },
      }),
    );
    expect(() => check([file], { facts })).toThrow(
      /facts\.json: facts\.component:default\/bad\[0\]\.observedAt: /,
    );
    expect(() => check([file], { facts: write('bad.json', '{') })).toThrow(
      /bad\.json: /,
    );
  });

  it('rejects an invalid --now', () => {
    expect(() =>
      check([write('c.yaml', entity('a'))], { now: 'someday' }),
    ).toThrow('--now: "someday" is not a date');
  });
});
