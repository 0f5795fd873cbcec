/*
 * Starts the real backend the way the README's production command does
 * (`yarn start:backend --config app-config.yaml --config app-config.production.yaml`
 * from the repository root) against the local PostgreSQL, and checks that it
 * becomes healthy and serves /api/readiness/scorecards. Run by
 * `npm run test:all`; prints `production start: passed` or the reason it failed.
 *
 * Its databases get their own prefix (readiness_prodcheck_), dropped first,
 * so it never touches another backend's data.
 */
const { startBackend } = require('./start-backend');
const { waitFor } = require('./wait-for');

const BASE = 'http://localhost:7007';
const PREFIX = 'readiness_prodcheck_';
const { randomBytes } = require('node:crypto');

const TOKEN = randomBytes(24).toString('hex');
/** A token nobody issued: refused, and never written to the log either. */
const WRONG_TOKEN = randomBytes(24).toString('hex');
/** PostgreSQL's trust authentication ignores it; the backend must not log it. */
const DB_PASSWORD = `pw-${randomBytes(12).toString('hex')}`;

async function dropDatabases(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: `${url}/postgres` });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select datname from pg_database where datname like $1',
      [`${PREFIX}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

/**
 * In production, errors answer a JSON message without a stack trace or source
 * path, and neither the tokens a client sent nor the database password reach
 * the log.
 */
async function checkErrorsAndLogs(log) {
  const api = (path, init = {}) =>
    fetch(`${BASE}/api/readiness${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
  const cases = [
    ['bad parameter', await api('/results?limit=abc'), 400],
    [
      'unknown entity',
      await api('/entities/component/default/ghost/history'),
      404,
    ],
    ['no route', await api('/entities/component/default//ownership'), 404],
    [
      'bad fact',
      await api('/facts', {
        method: 'POST',
        body: JSON.stringify({
          entityRef: 'component:default/ghost',
          facts: [{ id: 'X!' }],
        }),
      }),
      400,
    ],
    [
      'token nobody issued',
      await api('/scorecards', {
        headers: { Authorization: `Bearer ${WRONG_TOKEN}` },
      }),
      401,
    ],
  ];
  for (const [what, res, status] of cases) {
    const text = await res.text();
    const body = JSON.parse(text);
    if (res.status !== status || typeof body.error?.message !== 'string') {
      throw new Error(
        `${what}: answered ${res.status} ${text.slice(
          0,
          200,
        )}, expected ${status} with a message`,
      );
    }
    if (/"stack"|\n\s+at |\.ts:\d|node_modules/.test(text)) {
      throw new Error(
        `${what}: the error body shows a stack trace or source path: ${text.slice(
          0,
          300,
        )}`,
      );
    }
  }
  // Let the log catch up with the requests.
  await new Promise(r => setTimeout(r, 500));
  for (const [name, secret] of [
    ['the CI token', TOKEN],
    ['a refused token', WRONG_TOKEN],
    ['the database password', DB_PASSWORD],
  ]) {
    if (log().includes(secret))
      throw new Error(`${name} appears in the backend's log`);
  }
}

/** Resolves when the check passes; rejects with the reason otherwise. */
async function productionCheck(postgresUrl) {
  const url = new URL(postgresUrl);
  await dropDatabases(postgresUrl);
  let output = '';
  const child = startBackend({
    configs: ['app-config.yaml', 'app-config.production.yaml'],
    env: {
      POSTGRES_HOST: url.hostname,
      POSTGRES_PORT: url.port || '5432',
      POSTGRES_USER: decodeURIComponent(url.username) || 'postgres',
      POSTGRES_PASSWORD: decodeURIComponent(url.password) || DB_PASSWORD,
      NODE_ENV: 'production',
      APP_CONFIG_backend_database_prefix: PREFIX,
      // Production refuses guest sign-in: the check calls the API with the
      // CI token of app-config.production.yaml, as a pipeline would.
      READINESS_CI_TOKEN: TOKEN,
      // Nothing listens there: the check starts the e-mail module, it sends nothing.
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '2599',
      READINESS_MAIL_FROM: 'readiness@acme.example',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  let exited;
  child.on('exit', code => (exited = code));
  try {
    await waitFor(
      'the backend did not become healthy',
      async () => {
        if (exited !== undefined)
          throw new Error(`the backend exited with code ${exited}`);
        const res = await fetch(`${BASE}/api/readiness/health`);
        return res.ok && (await res.json()).database === 'ok';
      },
      180_000,
    );
    const res = await fetch(`${BASE}/api/readiness/scorecards`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    const body = await res.json();
    const names = (body.items ?? []).map(s => s.name).join(', ');
    // The scorecards of app-config.production.yaml, in order.
    const expected =
      'production, system-rollup, team-rollup, ownership-baseline';
    if (res.status !== 200 || names !== expected) {
      throw new Error(
        `GET /api/readiness/scorecards answered ${res.status} with ${
          names || JSON.stringify(body).slice(0, 300)
        }; expected ${expected}`,
      );
    }
    // The demo's CI token of app-config.yaml must not open a production backend.
    const demo = await fetch(`${BASE}/api/readiness/scorecards`, {
      headers: { Authorization: 'Bearer readiness-demo-ci-token' },
    });
    if (demo.status !== 401) {
      throw new Error(
        `the demo CI token was answered ${demo.status} in production, expected 401`,
      );
    }
    await checkErrorsAndLogs(() => output);
    return names;
  } catch (error) {
    process.stderr.write(`${output.split('\n').slice(-40).join('\n')}\n`);
    throw error;
  } finally {
    child.kill('SIGTERM');
    await new Promise(r => (exited !== undefined ? r() : child.on('exit', r)));
  }
}

module.exports = { productionCheck };

if (require.main === module) {
  const { findPostgres } = require('./postgres');
  findPostgres()
    .then(pg => {
      if (!pg) throw new Error('no PostgreSQL');
      return productionCheck(pg);
    })
    .then(names => console.log(`production start: passed (${names})`))
    .catch(error => {
      console.log(`production start: failed: ${error.message}`);
      process.exitCode = 1;
    });
}
