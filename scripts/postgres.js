/*
 * Finds the PostgreSQL server the database tests run against. Backstage's
 * TestDatabases reads BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING and
 * silently skips PostgreSQL when it is missing, so we look first and say so.
 */
const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432';
const ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/** Resolves to the connection string, or undefined when no server answers. */
async function findPostgres() {
  const url = process.env[ENV] || DEFAULT_URL;
  // Resolved from the repository's node_modules (a dependency of the backend).
  const { Client } = require('pg');
  const client = new Client({
    connectionString: `${url}/postgres`,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch (error) {
    process.stderr.write(
      `PostgreSQL at ${url} did not answer: ${error.message}\n`,
    );
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

module.exports = { findPostgres, POSTGRES_ENV: ENV };
