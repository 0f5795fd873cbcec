/* The bench's stack: the backend process, PostgreSQL, the catalog, and API calls. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const knexFactory = require('knex');
const {
  N,
  PG,
  PORT,
  TOKEN,
  BASE,
  PKG,
  ROOT,
  DEADLINE,
  sleep,
  log,
} = require('./settings');

async function api(
  pathname,
  { method = 'GET', body, token = TOKEN, timeoutMs = 120_000 } = {},
) {
  const res = await fetch(BASE + pathname, {
    method,
    signal: AbortSignal.timeout(timeoutMs),
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(
      `${method} ${pathname}: ${res.status} ${text.slice(0, 300)}`,
    );
  return text ? JSON.parse(text) : undefined;
}

async function dropDatabases() {
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  const { rows } = await admin.raw(
    "select datname from pg_database where datname like 'bench_compare_%'",
  );
  for (const { datname } of rows)
    await admin.raw(`drop database "${datname}" with (force)`);
  await admin.destroy();
}

/** The backend as a child process; its JSON log lines are kept with their times. */
function startBackend() {
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = fs.createWriteStream(
    path.join(ROOT, 'bench-results', 'compare-backend.log'),
  );
  const lines = [];
  const waiters = [];
  const child = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF=1: profile the backend, to show where a cycle goes.
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench-results')}`]
        : []),
      path.join(__dirname, '..', 'backend.js'),
      '--config',
      'app-config.yaml',
    ],
    {
      cwd: PKG,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        BENCH_PORT: String(PORT),
        BENCH_PG: PG,
        BENCH_TOKEN: TOKEN,
        BENCH_COMPONENTS: String(N),
        BENCH_EXAMPLES: path.join(ROOT, 'examples'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let buffer = '';
  const onData = chunk => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      file.write(`${line}\n`);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        entry = { message: line };
      }
      entry.at = entry.timestamp ? Date.parse(entry.timestamp) : Date.now();
      lines.push(entry);
      if (entry.level === 'error') log('backend error:', entry.message);
      for (const w of [...waiters]) w(entry);
    }
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  let exited = false;
  // Never leave a backend behind, whatever ends this process.
  process.once('exit', () => child.kill('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.once(signal, () => process.exit(130));
  child.once('exit', code => {
    exited = true;
    for (const w of [...waiters]) w({ exit: code });
  });
  /** Waits for `count` log lines matching `re` logged after `since`. */
  const waitFor = (re, count, since, timeoutMs = 10 * 60_000) =>
    new Promise((resolve, reject) => {
      const found = lines.filter(
        l => l.at >= since && re.test(l.message ?? ''),
      );
      if (found.length >= count) {
        resolve(found.slice(0, count));
        return;
      }
      const self = {};
      const done = () => {
        clearTimeout(self.timer);
        waiters.splice(waiters.indexOf(self.w), 1);
      };
      self.timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${count} × ${re}`));
      }, Math.min(timeoutMs, DEADLINE - Date.now()));
      self.w = entry => {
        if (entry.exit !== undefined) {
          done();
          reject(new Error(`backend exited with ${entry.exit}`));
        } else if (entry.at >= since && re.test(entry.message ?? '')) {
          found.push(entry);
          if (found.length >= count) {
            done();
            resolve(found);
          }
        }
      };
      waiters.push(self.w);
    });
  const memory = () => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = key => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  };
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    // A profiled backend writes its profile as it exits: give it time.
    const waitMs = process.env.BENCH_CPU_PROF ? 120_000 : 10_000;
    for (let i = 0; i < waitMs / 100 && !exited; i++) await sleep(100);
    if (!exited) child.kill('SIGKILL');
  };
  return {
    waitFor,
    memory,
    stop,
    lines,
    get exited() {
      return exited;
    },
  };
}

async function until(what, fn, everyMs = 2000) {
  const errors = [];
  const attempt = () =>
    fn().catch(e => {
      if (String(e) !== String(errors.at(-1)) && process.env.BENCH_DEBUG)
        log(`still waiting for ${what}: ${e}`);
      errors.push(e);
      return undefined;
    });
  for (;;) {
    if (Date.now() > DEADLINE)
      throw new Error(
        `gave up waiting for ${what}: ${errors.at(-1) ?? 'no error'}`,
      );
    const v = await attempt();
    if (v) return v;
    await sleep(everyMs);
  }
}

/** Entities of a kind (optionally one lifecycle), paged through the catalog. */
async function catalogRefs(
  filter,
  fields = 'kind,metadata.namespace,metadata.name',
) {
  const out = [];
  let cursor;
  do {
    const q = cursor
      ? `cursor=${encodeURIComponent(cursor)}`
      : `${filter}&limit=1000&fields=${fields}`;
    const page = await api(
      `/api/catalog/entities/by-query?${q}${
        cursor ? `&limit=1000&fields=${fields}` : ''
      }`,
    );
    out.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return out;
}

async function clearStored() {
  const readiness = knexFactory({
    client: 'pg',
    connection: `${PG}/bench_compare_readiness`,
  });
  // TRUNCATE, not DELETE: the table sizes measured later must not count the
  // dead rows of what the plugins wrote before the clear.
  for (const t of [
    'readiness_results',
    'readiness_history',
    'readiness_changes',
    'readiness_evaluation_state',
  ])
    await readiness(t).truncate();
  await readiness.destroy();
  const ti = knexFactory({
    client: 'pg',
    connection: `${PG}/bench_compare_tech-insights`,
  });
  await ti('facts').truncate();
  await ti.destroy();
}

/** Triggers the Readiness shard tasks and times the cycle from their log lines. */
async function tableSizes() {
  const size = async (db, like) => {
    const k = knexFactory({ client: 'pg', connection: `${PG}/${db}` });
    try {
      const { rows } = await k.raw(
        `select sum(pg_total_relation_size(quote_ident(tablename)))::bigint as bytes
         from pg_tables where schemaname = 'public' and tablename like ?`,
        [like],
      );
      return Number(rows[0].bytes ?? 0);
    } finally {
      await k.destroy();
    }
  };
  const rowBytes = async (db, table) => {
    const k = knexFactory({ client: 'pg', connection: `${PG}/${db}` });
    try {
      const { rows } = await k.raw(
        `select count(*)::bigint as n, pg_total_relation_size(?)::bigint as bytes from ${table}`,
        [table],
      );
      return Number(rows[0].n) ? Number(rows[0].bytes) / Number(rows[0].n) : 0;
    } finally {
      await k.destroy();
    }
  };
  return {
    readinessMb:
      (await size('bench_compare_readiness', 'readiness_%')) / 2 ** 20,
    readinessResultBytesPerRow: await rowBytes(
      'bench_compare_readiness',
      'readiness_results',
    ),
    techInsightsMb:
      (await size('bench_compare_tech-insights', 'fact%')) / 2 ** 20,
  };
}

module.exports = {
  api,
  dropDatabases,
  startBackend,
  until,
  catalogRefs,
  clearStored,
  tableSizes,
};
