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

const BASE = 'http://localhost:7007';
const PREFIX = 'readiness_prodcheck_';
const TOKEN = require('node:crypto').randomBytes(24).toString('hex');

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

async function waitFor(what, fn, ms) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${what} within ${ms / 1000} s${last ? `: ${last}` : ''}`);
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
      POSTGRES_PASSWORD: decodeURIComponent(url.password),
      APP_CONFIG_backend_database_prefix: PREFIX,
      // Production refuses guest sign-in: the check calls the API with the
      // CI token of app-config.production.yaml, as a pipeline would.
      READINESS_CI_TOKEN: TOKEN,
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
    if (
      res.status !== 200 ||
      names !== 'production, system-rollup, team-rollup'
    ) {
      throw new Error(
        `GET /api/readiness/scorecards answered ${res.status}: ${JSON.stringify(
          body,
        ).slice(0, 300)}`,
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
