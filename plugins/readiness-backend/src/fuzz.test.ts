import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import request from 'supertest';
import { startReadinessBackend } from './__testUtils__/testBackend';
import { spec } from './schema/openapi.generated';

jest.setTimeout(600_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Random requests per database, spread over every operation of openapi.yaml. */
const HTTP_FUZZ_RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? 1500);

const PREFIX = '/api/readiness';

type Operation = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  query: string[];
  body: string[];
};

/** Every operation in the spec, with its query parameter and body field names. */
const operations: Operation[] = Object.entries(spec.paths).flatMap(
  ([path, ops]) =>
    Object.entries(ops as Record<string, any>).map(([method, op]) => {
      const schema =
        op.requestBody?.content?.['application/json']?.schema ?? {};
      const resolved = schema.$ref
        ? (spec as any).components.schemas[schema.$ref.split('/').pop()]
        : schema;
      return {
        method: method as Operation['method'],
        path,
        query: (op.parameters ?? [])
          .map((p: any) =>
            p.$ref
              ? (spec as any).components.parameters[p.$ref.split('/').pop()]
              : p,
          )
          .filter((p: any) => p.in === 'query')
          .map((p: any) => p.name as string),
        body: Object.keys(resolved.properties ?? {}),
      };
    }),
);

/** Strings people and scripts send by mistake, or on purpose. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '%',
  '_',
  '_%',
  '\\',
  "'",
  '"',
  "' OR 1=1 --",
  '\u0000',
  'a\u0000b',
  '../..',
  'component:default/payments-api',
  'component:default/ghost',
  'group:default/payments',
  'payments',
  'production',
  'needs-work',
  'owner',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  '[]',
  '{}',
  '=HYPERLINK("x")',
  '😀',
  'Zürich',
  'x'.repeat(3000),
  ',',
  ',,,',
  'true',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
);
const text = fc.oneof(
  nasty,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer().map(String),
);
const jsonValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);
/** Percent-encodings that do not decode, sent as they are. */
const raw = fc.constantFrom('%', '%FF', '%E0%A4%A', '%00', '%2F', '%25');

const segment = (real: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: text.map(encodeURIComponent) },
    { weight: 1, arbitrary: raw },
  );

const PATH_VALUES: Record<string, string[]> = {
  kind: ['component', 'system', 'Component', 'group'],
  namespace: ['default'],
  name: ['payments-api', 'ledger-service', 'checkout', 'loyalty-points'],
  id: ['1', '2', '999999', '0'],
  scorecard: ['production', 'system-rollup'],
  checkId: ['runbook', 'incident-owner', 'load-test-p95'],
};

/** A request to one operation with random path parameters, query and body. */
const requestArb = fc.constantFrom(...operations).chain(op =>
  fc.record({
    op: fc.constant(op),
    path: fc.record(
      Object.fromEntries(
        [...op.path.matchAll(/\{(\w+)\}/g)].map(([, p]) => [
          p,
          segment(PATH_VALUES[p] ?? ['x']),
        ]),
      ),
    ),
    query: fc.array(
      fc.tuple(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('x', ...op.query) },
          { weight: 1, arbitrary: text },
        ),
        fc.oneof(
          { weight: 5, arbitrary: text.map(encodeURIComponent) },
          { weight: 1, arbitrary: raw },
        ),
      ),
      { maxLength: 4 },
    ),
    body: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.dictionary(
          fc.constantFrom('x', ...op.body, ...(op.body.length ? [] : ['y'])),
          jsonValue,
          { maxKeys: 4 },
        ),
      },
      { weight: 1, arbitrary: jsonValue },
    ),
    ifMatch: fc.oneof(
      fc.constantFrom('"0"', '0', '"1"', '*', 'W/"0"'),
      text.filter(t => /^[\x20-\x7e]*$/.test(t)),
    ),
    asService: fc.boolean(),
  }),
);

describe.each(databases.eachSupportedId())(
  'the REST API under random input on %s',
  databaseId => {
    it(`answers ${HTTP_FUZZ_RUNS} random requests over every operation without a 5xx, each error as JSON with a message`, async () => {
      const rejections: unknown[] = [];
      const onRejection = (e: unknown) => rejections.push(e);
      process.on('unhandledRejection', onRejection);
      const { server } = await startReadinessBackend({ databases, databaseId });
      const seen = new Set<string>();
      try {
        await fc.assert(
          fc.asyncProperty(requestArb, async r => {
            const path = r.op.path.replace(
              /\{(\w+)\}/g,
              (_, p) => (r.path as Record<string, string>)[p],
            );
            const query = r.query
              .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
              .join('&');
            const url = `${PREFIX}${path}${query ? `?${query}` : ''}`;
            let req = request(server)[r.op.method](url);
            req = req.set(
              'Authorization',
              r.asService
                ? mockCredentials.service.header()
                : mockCredentials.user.header(),
            );
            if (r.op.method === 'put' || r.op.path.endsWith('/revert')) {
              req = req.set('If-Match', r.ifMatch);
            }
            if (r.op.method === 'post' || r.op.method === 'put') {
              req = req
                .set('Content-Type', 'application/json')
                .send(JSON.stringify(r.body));
            }
            if (process.env.FUZZ_TRACE)
              process.stderr.write(`${r.op.method} ${url.slice(0, 200)}\n`);
            const res = await req.timeout(10_000);
            seen.add(`${r.op.method} ${r.op.path}`);
            if (res.status >= 500) {
              throw new Error(
                `${r.op.method.toUpperCase()} ${url} answered ${
                  res.status
                }: ${res.text.slice(0, 300)}`,
              );
            }
            // 431 (a URL over Node's header limit) comes from Node's HTTP parser, before any route.
            if (res.status >= 400 && res.status !== 431) {
              const message = res.body?.error?.message;
              if (typeof message !== 'string' || !message) {
                throw new Error(
                  `${r.op.method.toUpperCase()} ${url} answered ${
                    res.status
                  } without an error message: ${res.text.slice(0, 300)}`,
                );
              }
            }
          }),
          { numRuns: HTTP_FUZZ_RUNS },
        );
        // Let any stray promise settle before counting rejections.
        await new Promise(r => setTimeout(r, 200));
      } finally {
        process.off('unhandledRejection', onRejection);
      }
      expect(rejections).toEqual([]);
      // Random choice reaches every operation at this many runs.
      expect(seen.size).toBe(operations.length);
    });
  },
);
