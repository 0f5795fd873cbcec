import type { ScorecardPreview } from '@readiness/backstage-plugin-readiness-common';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createProgram } from '../program';

/** A preview as the backend answers it: one entity drops to Blocked. */
const PREVIEW: ScorecardPreview = {
  evaluatedAt: '2026-12-07T12:00:00.000Z',
  scorecards: [
    {
      name: 'production',
      title: 'Production readiness',
      base: 'running',
      entities: { before: 3, after: 3 },
      totals: {
        before: { ready: 2, 'needs-work': 1, blocked: 0 },
        after: { ready: 1, 'needs-work': 1, blocked: 1 },
      },
      meanScore: { before: 90, after: 80 },
      moves: [
        {
          entityRef: 'component:default/payments-api',
          title: 'Payments | API',
          before: { status: 'ready', score: 100 },
          after: { status: 'blocked', score: 90 },
          newlyFailing: ['runbook'],
          newlyPassing: [],
        },
      ],
      movesTotal: 2,
      toBlocked: 1,
      checks: [
        {
          checkId: 'runbook',
          title: 'Runbook is linked',
          failingBefore: 0,
          failingAfter: 1,
        },
      ],
    },
  ],
};

const received: Array<{ url?: string; auth?: string; body: any }> = [];
let answer: { status: number; body: unknown } = { status: 200, body: PREVIEW };
let server: http.Server;
let url = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-preview-cli-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', c => (text += c));
    req.on('end', () => {
      received.push({
        url: req.url,
        auth: req.headers.authorization,
        body: JSON.parse(text),
      });
      res.statusCode = answer.status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(r => server.close(r)));
beforeEach(() => {
  received.length = 0;
  answer = { status: 200, body: PREVIEW };
  process.env.READINESS_TOKEN = 'ci-token';
});
afterEach(() => {
  delete process.env.READINESS_TOKEN;
  process.exitCode = undefined;
});

async function run(...args: string[]) {
  const out: string[] = [];
  await createProgram(
    '1.0.0',
    s => out.push(s),
    () => {},
  ).parseAsync(['node', 'readiness', 'preview', '--url', `${url}/`, ...args]);
  return out.join('');
}

describe('readiness preview', () => {
  it('sends the changed scorecard with the token and prints the diff as Markdown', async () => {
    const file = write('production.yaml', 'kind: Scorecard # changed\n');
    const out = await run('-s', file);
    expect(received).toEqual([
      {
        url: '/api/readiness/scorecards/preview',
        auth: 'Bearer ci-token',
        body: { yaml: 'kind: Scorecard # changed\n' },
      },
    ]);
    expect(out).toContain('## Production readiness (`production`)');
    expect(out).toContain('| Before | 2 | 1 | 0 | 90 |');
    expect(out).toContain('| After | 1 | 1 | 1 | 80 |');
    expect(out).toContain('**1 entity drops to Blocked.**');
    expect(out).toContain(
      '| Payments \\| API (component:payments-api) | Ready 100 | Blocked 90 | `runbook` |  |',
    );
    expect(out).toContain('…and 1 more.');
    expect(out).toContain('| Runbook is linked (`runbook`) | 0 | 1 |  |');
    expect(process.exitCode).toBeUndefined();
  });

  it('compares with a base file, joins several scorecards, and prints JSON', async () => {
    const a = write('a.yaml', 'a: 1\n');
    const b = write('b.yaml', 'b: 2\n');
    const base = write('base.yaml', 'base: 0\n');
    const out = await run(
      '-s',
      a,
      '-s',
      b,
      '--base',
      base,
      '--format',
      'json',
      '--limit',
      '10',
    );
    expect(received[0].body).toEqual({
      yaml: 'a: 1\n\n---\nb: 2\n',
      base: 'base: 0\n',
      limit: 10,
    });
    expect(JSON.parse(out)).toEqual(PREVIEW);
  });

  it('exits 1 with --fail-on-blocked when an entity drops to Blocked, and 0 when none does', async () => {
    const file = write('p.yaml', 'x: 1\n');
    await run('-s', file, '--fail-on-blocked');
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    const calm = structuredClone(PREVIEW);
    calm.scorecards[0].toBlocked = 0;
    answer = { status: 200, body: calm };
    await run('-s', file, '--fail-on-blocked');
    expect(process.exitCode).toBeUndefined();
  });

  it('stops with the backend’s message on a 400, and without a token', async () => {
    const file = write('bad.yaml', 'x: 1\n');
    answer = {
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'Invalid scorecard yaml:\n  - spec.passingScore: too big',
        },
        request: { method: 'POST', url: '/api/readiness/scorecards/preview' },
        response: { statusCode: 400 },
      },
    };
    await expect(run('-s', file)).rejects.toThrow(/spec\.passingScore/);
    delete process.env.READINESS_TOKEN;
    await expect(run('-s', file)).rejects.toThrow(/READINESS_TOKEN is not set/);
    await expect(run('-s', path.join(dir, 'missing.yaml'))).rejects.toThrow(
      /READINESS_TOKEN/,
    );
  });

  it('names the file it cannot read', async () => {
    await expect(run('-s', path.join(dir, 'missing.yaml'))).rejects.toThrow(
      /^--scorecard: cannot read .*missing\.yaml/,
    );
  });
});
