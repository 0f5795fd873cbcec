/*
 * `yarn bench:picker`: how fast the ownership dialog's owner pickers answer
 * with 10,000 users and 500 groups in the catalog. Generates them in
 * e2e-results/bench-picker, starts the backend on :7007 with them (the
 * catalog only; run `yarn build:e2e` first), waits until the catalog has
 * them all, then times what a picker sends as a person types (the catalog's
 * `by-query` with a full-text filter, 20 at a time) against loading every
 * user and group at once (what the picker did before). Not a test.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startE2eBackend } = require('./e2e-server');

const root = path.resolve(__dirname, '..');
const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const GROUPS = 500;
const dir = path.join(root, 'e2e-results', 'bench-picker');
fs.mkdirSync(dir, { recursive: true });

const FIRST = ['priya', 'noah', 'aiko', 'liam', 'fatima', 'grace', 'omar'];
const LAST = ['raman', 'mensah', 'tanaka', 'ortiz', 'haddad', 'kim', 'nunez'];

function catalogYaml() {
  const docs = [];
  for (let g = 0; g < GROUPS; g++)
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: picker-team-${g}, title: Picker team ${g} }\nspec: { type: team, children: [] }`,
    );
  for (let u = 0; u < USERS; u++) {
    const name = `${FIRST[u % 7]}.${LAST[Math.floor(u / 7) % 7]}-${u}`;
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { displayName: ${name.replace(
        '.',
        ' ',
      )} }, memberOf: [picker-team-${u % GROUPS}] }`,
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function time(label, runs, send) {
  const times = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    items = (await send(i)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(
      times,
      95,
    ).toFixed(1)} ms (${runs} requests; ${items} entities in the last)`,
  );
}

async function main() {
  fs.writeFileSync(path.join(dir, 'catalog.yaml'), catalogYaml());
  fs.writeFileSync(
    path.join(dir, 'app-config.bench.yaml'),
    `catalog:\n  locations:\n    - type: file\n      target: ${path.join(
      dir,
      'catalog.yaml',
    )}\n      rules: [{ allow: [User, Group] }]\n`,
  );
  const server = startE2eBackend({
    extraConfigs: [path.join(dir, 'app-config.bench.yaml')],
    env: { LOG_LEVEL: 'warn', READINESS_DEMO_EVIDENCE: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => server.kill('SIGTERM');
  try {
    const base = 'http://localhost:7007';
    const started = Date.now();
    let token;
    const get = url =>
      fetch(`${base}${url}`, { headers: { Authorization: `Bearer ${token}` } });
    for (;;) {
      await new Promise(r => setTimeout(r, 5000));
      try {
        token ??= (
          await (
            await fetch(`${base}/api/auth/guest/refresh`, {
              headers: { 'X-Requested-With': 'XMLHttpRequest' },
            })
          ).json()
        ).backstageIdentity.token;
        const res = await get(
          '/api/catalog/entities/by-query?filter=kind=user&limit=1',
        );
        const { totalItems } = await res.json();
        process.stdout.write(
          `\r${Math.round(
            (Date.now() - started) / 1000,
          )} s: ${totalItems} users`,
        );
        if (totalItems >= USERS) break;
      } catch {
        // not up yet
      }
      if (Date.now() - started > 20 * 60_000)
        throw new Error('gave up waiting for the catalog');
    }
    console.log(`\n${USERS} users and ${GROUPS} groups in the catalog`);
    // What the picker sends (CatalogClient, as the frontend's catalogApi).
    const { CatalogClient } = require(require.resolve(
      '@backstage/catalog-client',
      {
        paths: [root],
      },
    ));
    const client = new CatalogClient({
      discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` },
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: `Bearer ${token}` },
          }),
      },
    });
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'spec.profile.displayName',
    ];
    const terms = ['pri', 'noah', 'tanaka', 'liam.or', 'team 4', 'kim-12'];
    await time(
      'picker search (queryEntities, full text, 20)',
      60,
      async i =>
        (
          await client.queryEntities({
            filter: { kind: ['Group', 'User'] },
            fullTextFilter: {
              term: terms[i % terms.length],
              fields: [
                'metadata.name',
                'metadata.title',
                'spec.profile.displayName',
              ],
            },
            orderFields: { field: 'metadata.name', order: 'asc' },
            limit: 20,
            fields,
          })
        ).items,
    );
    await time(
      'every user and group at once (before)',
      5,
      async () =>
        (
          await client.getEntities({
            filter: { kind: ['Group', 'User'] },
            fields,
          })
        ).items,
    );
  } finally {
    stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
