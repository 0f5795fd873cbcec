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
const fs = require('node:fs');
const path = require('node:path');
const { cycleProfile } = require('./profileWindow');
const {
  N,
  PG,
  CONCURRENCY,
  TOKEN,
  BASE,
  ROOT,
  ORG_ENTITIES,
  log,
} = require('./compare/settings');
const {
  api,
  dropDatabases,
  startBackend,
  until,
  catalogRefs,
  clearStored,
  tableSizes,
} = require('./compare/stack');
const {
  readinessCycle,
  techInsightsCycle,
  load,
  freshness,
} = require('./compare/cycles');

/** Components changed and registered for the freshness measure. */
const FRESH_CHANGE = 100;
const FRESH_ADD = 20;

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
    // The catalog module named every entity as the catalog loaded it, and
    // Readiness evaluates those as they come: let that end (20 s without a
    // word of it) before clearing, so nothing is written after the clear.
    await until(
      'Readiness to finish the entities the catalog named',
      async () => {
        const said = backend.lines
          .filter(l => /^Readiness: catalog changes/.test(l.message))
          .pop();
        // At least one (the catalog named every entity as it loaded).
        return Boolean(said) && Date.now() - said.at > 20_000;
      },
      2000,
    );
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
    // Freshness: catalog changes and new entities until Readiness shows them.
    out.freshness = await freshness(FRESH_CHANGE, FRESH_ADD, userToken);
    log('freshness', JSON.stringify(out.freshness));
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
  const fresh = f => (f.n ? `${fmtMs(f.p50)} / ${fmtMs(f.p95)}` : '–');
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
    `| catalog change → new result, p50 / p95 (${
      r.freshness.changed.n
    } of ${FRESH_CHANGE} components; ${
      r.freshness.missed
    } not seen in 2 min) | next fact-retriever run (cron) | ${fresh(
      r.freshness.changed,
    )} | |`,
    `| new entity → first result, p50 / p95 (${
      r.freshness.added.n
    } of ${FRESH_ADD}) | next fact-retriever run (cron) | ${fresh(
      r.freshness.added,
    )} | |`,
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
