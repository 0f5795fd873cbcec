#!/usr/bin/env node
/* eslint-disable no-console */
/*
 * yarn bench:compare [components]: Readiness and the community Tech Insights
 * plugin side by side, in one Backstage backend on PostgreSQL, on one
 * generated catalog (default 10,000 components). Measures, for both:
 *   - a full evaluation from the catalog to stored (Readiness) or returned
 *     (Tech Insights: facts stored, then every check run) results;
 *   - the same again with nothing changed;
 *   - API latency under bounded concurrent load from a second process;
 *   - backend memory and table sizes.
 * Prints a table with ratios and writes bench-results/compare-<n>-<time>.json.
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432),
 * BENCH_PORT (7017), BENCH_LOAD_SECONDS (10), BENCH_CONCURRENCY (8); BENCH_CPU_PROF=1
 * profiles the backend and prints where the unchanged Readiness cycle went.
 */
const { spawn, fork } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const knexFactory = require('knex');
const { cycleProfile } = require('./profileWindow');

const N = Number(process.argv[2] ?? process.env.BENCH_COMPONENTS ?? 10_000);
const PG = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const PORT = Number(process.env.BENCH_PORT ?? 7017);
const LOAD_MS = 1000 * Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TOKEN =
  process.env.BENCH_TOKEN ?? crypto.randomBytes(24).toString('base64url');
const BASE = `http://127.0.0.1:${PORT}`;
const PKG = path.resolve(__dirname, '..');
const ROOT = path.resolve(PKG, '../..');
const DEADLINE = Date.now() + 14 * 60_000;
// What the generator makes besides components (see src/generate.ts).
const ORG_ENTITIES = 1 + 20 + 180 + 601 + 20 + 200;

const sleep = ms => new Promise(r => setTimeout(r, ms));
const log = (...a) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

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
      path.join(__dirname, 'backend.js'),
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
  for (const t of [
    'readiness_results',
    'readiness_history',
    'readiness_changes',
    'readiness_evaluation_state',
  ])
    await readiness(t).delete();
  await readiness.destroy();
  const ti = knexFactory({
    client: 'pg',
    connection: `${PG}/bench_compare_tech-insights`,
  });
  await ti('facts').delete();
  await ti.destroy();
}

/** Triggers the Readiness shard tasks and times the cycle from their log lines. */
async function readinessCycle(backend) {
  const { tasks } = await api('/api/readiness/.backstage/scheduler/v1/tasks');
  const ids = tasks
    .map(t => t.taskId)
    .filter(id => id.startsWith('readiness-evaluate-'));
  const since = Date.now();
  for (const id of ids)
    await api(`/api/readiness/.backstage/scheduler/v1/tasks/${id}/trigger`, {
      method: 'POST',
    });
  const found = await backend.waitFor(
    /^Readiness shard \d+\/\d+: /,
    ids.length,
    since,
  );
  const shards = found.map(l => {
    const m =
      /: (\d+) entities, (\d+) evaluated, (\d+) results, (\d+) changed, \d+ removed in (\d+) ms/.exec(
        l.message,
      );
    return {
      end: l.at,
      ms: Number(m[5]),
      entities: Number(m[1]),
      evaluated: Number(m[2]),
      written: Number(m[4]),
    };
  });
  return {
    // From the first shard's start to the last shard's end.
    ms:
      Math.max(...shards.map(s => s.end)) -
      Math.min(...shards.map(s => s.end - s.ms)),
    shards: shards.length,
    entities: shards.reduce((n, s) => n + s.entities, 0),
    evaluated: shards.reduce((n, s) => n + s.evaluated, 0),
    written: shards.reduce((n, s) => n + s.written, 0),
  };
}

/**
 * Tech Insights: triggers the fact retrievers and waits until they stored
 * their facts, then runs every check for the same entities through the bulk
 * endpoint, 750 entities per request as its own client sends them.
 */
async function techInsightsCycle(backend, refs) {
  const retrievers = [
    'readinessFactRetriever',
    'entityOwnershipFactRetriever',
    'entityMetadataFactRetriever',
  ];
  const since = Date.now();
  for (const id of retrievers)
    await api(
      `/api/tech-insights/.backstage/scheduler/v1/tasks/${id}/trigger`,
      { method: 'POST' },
    );
  const stored = await backend.waitFor(
    /^Stored \d+ facts for fact retriever /,
    retrievers.length,
    since,
  );
  // The scheduler starts the three seconds apart; count them as if they ran
  // side by side: the slowest one's own time (its log says it).
  const factsMs = Math.max(
    ...stored.map(l => 1000 * Number(/ in ([\d.]+)s$/.exec(l.message)[1])),
  );
  const t = Date.now();
  let results = 0;
  let passed = 0;
  let errors = 0;
  for (let i = 0; i < refs.length; i += 750) {
    const out = await api('/api/tech-insights/checks/run', {
      method: 'POST',
      body: { entities: refs.slice(i, i + 750) },
    });
    for (const e of out) {
      if (e.error) errors++;
      for (const r of e.results ?? []) {
        results++;
        if (r.result) passed++;
      }
    }
  }
  const checksMs = Date.now() - t;
  return { ms: factsMs + checksMs, factsMs, checksMs, results, passed, errors };
}

function load(requests, token, concurrency) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'load.js'));
    child.once('message', m => {
      child.kill();
      resolve(m);
    });
    child.once('error', reject);
    child.send({
      requests,
      token,
      concurrency,
      durationMs: LOAD_MS,
    });
  });
}

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

const fmtMs = ms =>
  ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
const ratio = (ti, r) => (ti && r ? `${(ti / r).toFixed(1)}×` : '–');

(async () => {
  const machine = `${require('node:os').cpus().length} cores, ${Math.round(
    require('node:os').totalmem() / 2 ** 30,
  )} GiB, Node.js ${process.versions.node}`;
  log(
    `bench:compare: ${N} components, PostgreSQL at ${PG.replace(
      /\/\/[^@]*@/,
      '//',
    )}, ${machine}`,
  );
  await dropDatabases();
  const backend = startBackend();
  const out = { components: N, machine, date: new Date().toISOString() };
  try {
    await until(
      'the backend',
      async () => {
        const res = await fetch(`${BASE}/.backstage/health/v1/readiness`, {
          signal: AbortSignal.timeout(5000),
        });
        // An unread body keeps its connection busy, and fetch queues later
        // requests behind it.
        await res.arrayBuffer();
        return res.ok;
      },
      1000,
    );
    log('backend up; loading the catalog');
    const t0 = Date.now();
    const expected = N + ORG_ENTITIES;
    await until(
      'the catalog',
      async () => {
        const page = await api(
          '/api/catalog/entities/by-query?limit=1&fields=kind',
        );
        return page.totalItems >= expected;
      },
      3000,
    );
    // Settled: relations and etags stop changing.
    let last = '';
    await until(
      'the catalog to settle',
      async () => {
        const etags = (
          await catalogRefs(
            'filter=kind=group,kind=system,kind=domain',
            'metadata.etag',
          )
        )
          .map(e => e.metadata.etag)
          .join();
        const same = etags === last;
        last = etags;
        return same;
      },
      5000,
    );
    out.catalogLoadMs = Date.now() - t0;
    log(`catalog loaded: ${expected} entities in ${fmtMs(out.catalogLoadMs)}`);
    // Both plugins ran once at start, on a catalog still loading: wait for
    // those runs, then forget what they stored so the first measured run is one.
    await backend.waitFor(/^Readiness shard \d+\/\d+: /, 1, 0);
    await backend.waitFor(/^Stored \d+ facts for fact retriever /, 3, 0);
    await clearStored();

    const production = (
      await catalogRefs('filter=kind=component,spec.lifecycle=production')
    ).map(e =>
      `component:${e.metadata.namespace ?? 'default'}/${
        e.metadata.name
      }`.toLowerCase(),
    );
    out.productionComponents = production.length;

    out.readinessFirst = await readinessCycle(backend);
    log('readiness first', out.readinessFirst);
    out.readinessUnchanged = await readinessCycle(backend);
    log('readiness unchanged', out.readinessUnchanged);
    out.techInsightsFirst = await techInsightsCycle(backend, production);
    log('tech insights first', out.techInsightsFirst);
    out.techInsightsUnchanged = await techInsightsCycle(backend, production);
    log('tech insights unchanged', out.techInsightsUnchanged);
    out.memory = backend.memory();

    // A person's token: requests pay for authentication and a permission check.
    const guest = await api('/api/auth/guest/refresh', { token: TOKEN }).catch(
      async () => {
        const res = await fetch(`${BASE}/api/auth/guest/refresh`, {
          headers: { 'x-requested-with': 'XMLHttpRequest' },
        });
        return res.json();
      },
    );
    const userToken = guest.backstageIdentity.token;
    const sample = production.filter(
      (_, i) => i % Math.max(1, Math.floor(production.length / 500)) === 0,
    );
    const names = sample.map(r => r.split('/')[1]);
    out.api = {};
    const routes = {
      readinessEntity: names.map(n => ({
        url: `${BASE}/api/readiness/entities/component/default/${n}`,
      })),
      techInsightsEntity: names.map(n => ({
        url: `${BASE}/api/tech-insights/checks/run/default/component/${n}`,
        method: 'POST',
        body: {},
      })),
      readinessSummary: [
        { url: `${BASE}/api/readiness/summary?groupBy=owner` },
      ],
      readinessResults: [{ url: `${BASE}/api/readiness/results?limit=50` }],
    };
    for (const [name, requests] of Object.entries(routes)) {
      // One at a time (latency), then CONCURRENCY at a time (throughput).
      out.api[name] = {
        one: await load(requests, userToken, 1),
        many: await load(requests, userToken, CONCURRENCY),
      };
      log(name, JSON.stringify(out.api[name]));
    }
    out.memoryAfterLoad = backend.memory();
    out.tables = await tableSizes();
  } finally {
    await backend.stop();
  }
  if (process.env.BENCH_CPU_PROF) {
    // The backend wrote its profile on exit; the last Readiness cycle in it
    // is the unchanged one.
    const dir = path.join(ROOT, 'bench-results');
    const newest = fs
      .readdirSync(dir)
      // The main thread's profile (workers write their own).
      .filter(f => /\.0\.\d+\.cpuprofile$/.test(f))
      .map(f => path.join(dir, f))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    out.unchangedCycleProfile = newest && cycleProfile(newest);
    log(
      'profile of the unchanged Readiness cycle',
      JSON.stringify(out.unchangedCycleProfile, null, 1),
    );
  }

  const r = out;
  const row = (label, ti, rd, fmt = fmtMs) =>
    `| ${label} | ${ti === undefined ? '–' : fmt(ti)} | ${
      rd === undefined ? '–' : fmt(rd)
    } | ${ti !== undefined && rd !== undefined ? ratio(ti, rd) : '–'} |`;
  const lat = a =>
    `${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} / ${a.p99.toFixed(1)} ms${
      a.errors ? ` (${a.errors} errors)` : ''
    }`;
  const rps = a =>
    `${a.rps.toFixed(0)}/s, p95 ${a.p95.toFixed(0)} ms${
      a.errors ? ` (${a.errors} errors)` : ''
    }`;
  const figures = r.api;
  const table = [
    `${N} components (${
      r.productionComponents
    } in production, the entities both evaluate), PostgreSQL, ${machine}; catalog loaded in ${fmtMs(
      r.catalogLoadMs,
    )} (not counted)`,
    '',
    '| measure | Tech Insights | Readiness | Readiness faster by |',
    '|---|---|---|---|',
    row(
      'full evaluation (first run)',
      r.techInsightsFirst.ms,
      r.readinessFirst.ms,
    ),
    // Tech Insights has no incremental mode: its second run is a full
    // evaluation too, and often faster than its first.
    row(
      'full evaluation, the faster of Tech Insights’ two runs',
      Math.min(r.techInsightsFirst.ms, r.techInsightsUnchanged.ms),
      r.readinessFirst.ms,
    ),
    `| … of which | facts ${fmtMs(
      r.techInsightsFirst.factsMs,
    )} + checks ${fmtMs(r.techInsightsFirst.checksMs)} | ${
      r.readinessFirst.evaluated
    } entities, ${r.readinessFirst.shards} shard | |`,
    row(
      'nothing changed, again',
      r.techInsightsUnchanged.ms,
      r.readinessUnchanged.ms,
    ),
    `| single entity p50 / p95 / p99, one request at a time | ${lat(
      figures.techInsightsEntity.one,
    )} | ${lat(figures.readinessEntity.one)} | ${ratio(
      figures.techInsightsEntity.one.p95,
      figures.readinessEntity.one.p95,
    )} at p95 |`,
    `| single entity, ${CONCURRENCY} at a time | ${rps(
      figures.techInsightsEntity.many,
    )} | ${rps(figures.readinessEntity.many)} | ${ratio(
      figures.readinessEntity.many.rps,
      figures.techInsightsEntity.many.rps,
    )} in req/s |`,
    `| \`/summary?groupBy=owner\` one at a time; ${CONCURRENCY} at a time | – | ${lat(
      figures.readinessSummary.one,
    )}; ${rps(figures.readinessSummary.many)} | |`,
    `| \`/results?limit=50\` one at a time; ${CONCURRENCY} at a time | – | ${lat(
      figures.readinessResults.one,
    )}; ${rps(figures.readinessResults.many)} | |`,
    `| stored | facts ${r.tables.techInsightsMb.toFixed(
      1,
    )} MB | ${r.tables.readinessMb.toFixed(1)} MB (${(
      r.tables.readinessResultBytesPerRow / 1024
    ).toFixed(1)} KB per result) | |`,
    `| backend RSS after evaluations (peak) — both plugins in one process | ${r.memory.rssMb.toFixed(
      0,
    )} MB (${r.memory.peakMb.toFixed(0)} MB) | | |`,
    '',
    `Checks: Tech Insights ${r.techInsightsFirst.results} results (22 checks over catalog facts), Readiness ${r.readinessFirst.written} results written (32 checks incl. owners resolved in the catalog, plus systems).`,
  ].join('\n');
  console.log(`\n${table}\n`);
  const dir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `compare-${N}-${out.date.replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(file, `${JSON.stringify({ ...out, table }, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, file)}`);
})().catch(e => {
  console.error(e);
  process.exit(1);
});
