import http from 'node:http';
import { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgram } from '../program';

const received: Array<{ url?: string; auth?: string; body: any }> = [];
let status = 200;
let server: http.Server;
let url = '';

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
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(
        status === 200
          ? JSON.stringify({
              stored: 1,
              unchanged: 0,
              entityRefs: ['component:default/a'],
            })
          : // Backstage's error body
            JSON.stringify({
              error: {
                name: 'InputError',
                message: 'facts[0].id: "X" is not a fact id',
              },
              request: { method: 'POST', url: req.url },
              response: { statusCode: 400 },
            }),
      );
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(r => server.close(r)));
beforeEach(() => {
  received.length = 0;
  status = 200;
  process.env.READINESS_TOKEN = 'ci-token';
});
afterEach(() => delete process.env.READINESS_TOKEN);

async function run(...args: string[]) {
  const out: string[] = [];
  await createProgram(
    '1.0.0',
    s => out.push(s),
    () => {},
  ).parseAsync(['node', 'readiness', 'push', '--url', `${url}/`, ...args]);
  return out.join('');
}

describe('readiness push', () => {
  it('sends --fact values with the token and prints what was stored', async () => {
    const out = await run(
      '--entity',
      'component:default/a',
      '--fact',
      'load-test={"p95Ms":120}',
      '--fact',
      'build=green',
      '--source',
      'ci:github',
    );
    expect(received).toEqual([
      {
        url: '/api/readiness/facts',
        auth: 'Bearer ci-token',
        body: {
          items: [
            {
              entityRef: 'component:default/a',
              facts: [
                { source: 'ci:github', id: 'load-test', value: { p95Ms: 120 } },
                { source: 'ci:github', id: 'build', value: 'green' },
              ],
            },
          ],
        },
      },
    ]);
    expect(out).toBe(
      '✓ 1 stored, 0 unchanged; re-evaluated component:default/a\n',
    );
  });

  it('sends a file of facts', async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'push-')),
      'f.json',
    );
    fs.writeFileSync(
      file,
      JSON.stringify({
        entityRef: 'component:default/a',
        facts: [{ id: 'x', value: 1 }],
      }),
    );
    await run('--file', file);
    expect(received[0].body).toEqual({
      items: [
        { entityRef: 'component:default/a', facts: [{ id: 'x', value: 1 }] },
      ],
    });
  });

  it("shows the server's message when it refuses", async () => {
    status = 400;
    await expect(
      run('--entity', 'component:default/a', '--fact', 'X=1'),
    ).rejects.toThrow('facts[0].id: "X" is not a fact id');
  });

  it('says what is missing', async () => {
    delete process.env.READINESS_TOKEN;
    await expect(run('--entity', 'a', '--fact', 'x=1')).rejects.toThrow(
      'READINESS_TOKEN is not set',
    );
    process.env.READINESS_TOKEN = 't';
    await expect(run('--fact', 'x=1')).rejects.toThrow('--fact needs --entity');
    await expect(run()).rejects.toThrow('nothing to send');
    expect(received).toEqual([]);
  });
});
