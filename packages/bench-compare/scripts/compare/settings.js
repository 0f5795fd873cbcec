/* Settings of `yarn bench:compare`, from the command line and the environment. */
const crypto = require('node:crypto');
const path = require('node:path');

const N = Number(process.argv[2] ?? process.env.BENCH_COMPONENTS ?? 10_000);
const PG = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const PORT = Number(process.env.BENCH_PORT ?? 7017);
const LOAD_MS = 1000 * Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TOKEN =
  process.env.BENCH_TOKEN ?? crypto.randomBytes(24).toString('base64url');
const BASE = `http://127.0.0.1:${PORT}`;
const PKG = path.resolve(__dirname, '../..');
const ROOT = path.resolve(PKG, '../..');
const DEADLINE = Date.now() + 14 * 60_000;
// What the generator makes besides components (see src/generate.ts).
const ORG_ENTITIES = 1 + 20 + 180 + 601 + 20 + 200;

const sleep = ms => new Promise(r => setTimeout(r, ms));
const log = (...a) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

module.exports = {
  N,
  PG,
  PORT,
  LOAD_MS,
  CONCURRENCY,
  TOKEN,
  BASE,
  PKG,
  ROOT,
  DEADLINE,
  ORG_ENTITIES,
  sleep,
  log,
};
