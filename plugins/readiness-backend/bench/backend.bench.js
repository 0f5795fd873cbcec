#!/usr/bin/env node
/* eslint-disable no-console */
/*
 * Backend benchmark: 10,000 generated components (plus systems, groups and
 * users) evaluated end to end against the example scorecards, on PostgreSQL
 * (BENCH_DB=pg, default, BENCH_PG=connection string) or SQLite
 * (BENCH_DB=sqlite). Prints: full evaluation time (4 shards started
 * together, as the scheduler starts them), rows written by an unchanged
 * second run, and the latency of GET /entities/…, /results and /summary
 * through the real router and services. Not a test.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const path = require('node:path');
const express = require('express');
const knexFactory = require('knex');
const { mockServices } = require('@backstage/backend-test-utils');
const {
  MiddlewareFactory,
} = require('@backstage/backend-defaults/rootHttpRouter');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
const { createReadinessStores } = require('../src/stores');
const { CatalogReader } = require('../src/evaluation/CatalogReader');
const { Evaluator } = require('../src/evaluation/Evaluator');
const { ScorecardRegistry } = require('../src/evaluation/ScorecardRegistry');
const { FactCollector } = require('../src/evidence/facts/FactCollector');
const { FactsService } = require('../src/evidence/facts/FactsService');
const { ReadinessService } = require('../src/results/ReadinessService');
const { OwnershipService } = require('../src/ownership/OwnershipService');
const {
  ManualEvidenceService,
} = require('../src/evidence/manual/ManualEvidenceService');
const { createRouter } = require('../src/router');
const { PreviewService } = require('../src/scorecards/PreviewService');
const fs = require('node:fs');

const N = Number(process.env.BENCH_ENTITIES ?? 10_000);
const SHARDS = 4;
const examples = path.resolve(__dirname, '../../../examples');

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function entities() {
  const out = [];
  const groups = 60;
  for (let g = 0; g < groups; g++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${g}` },
      spec: {
        type: 'team',
        parent: g < 6 ? undefined : `team-${g % 6}`,
        children: [],
        profile: g % 9 ? { email: `team-${g}@example.com` } : {},
      },
    });
  }
  for (let u = 0; u < 300; u++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${u}` },
      spec: {
        profile: { email: `user-${u}@example.com` },
        memberOf: [`team-${u % groups}`],
      },
    });
  }
  for (let s = 0; s < 200; s++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s}` },
      spec: { owner: `team-${s % groups}` },
    });
  }
  for (let i = 0; i < N; i++) {
    const team = () => `group:team-${Math.floor(rand() * 66)}`;
    const a = {};
    if (rand() < 0.9) a['readiness/incident-owner'] = team();
    if (rand() < 0.9) a['readiness/technical-owner'] = team();
    if (rand() < 0.85) a['readiness/communication-owner'] = team();
    if (rand() < 0.8) a['readiness/communication-channel'] = `slack:#svc-${i}`;
    if (rand() < 0.7)
      a['readiness/runbook'] = `https://runbooks.example.com/svc-${i}`;
    if (rand() < 0.8)
      a['readiness/health-url'] = `https://svc-${i}.example.com/healthz`;
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${i}`,
        title: `Service ${i}`,
        description: 'A service',
        annotations: a,
        links:
          rand() < 0.6
            ? [{ url: 'https://grafana.example.com', type: 'dashboard' }]
            : [],
      },
      spec: {
        type: rand() < 0.8 ? 'service' : 'website',
        lifecycle: 'production',
        owner: `team-${i % groups}`,
        system: `system-${i % 200}`,
      },
    });
  }
  // The catalog gives every entity an etag that changes with it.
  for (const e of out) e.metadata.etag = 'v1';
  return out;
}

async function database() {
  if (process.env.BENCH_DB === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  const url = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const admin = knexFactory({ client: 'pg', connection: `${url}/postgres` });
  await admin.raw('drop database if exists readiness_bench');
  await admin.raw('create database readiness_bench');
  await admin.destroy();
  return knexFactory({ client: 'pg', connection: `${url}/readiness_bench` });
}

const ms = t => Number(process.hrtime.bigint() - t) / 1e6;

/**
 * With BENCH_PROFILE=<name>, runs `fn` under the V8 profiler and prints the
 * functions that took the most time (self time, by function and file).
 */
async function profiled(name, fn) {
  if (process.env.BENCH_PROFILE !== name) return fn();
  const { Session } = require('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const out = await fn();
  const { profile } = await session.post('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const { callFrame: f } = byId.get(id);
    const key = `${f.functionName || '(anonymous)'} ${f.url
      .replace(/^.*node_modules\//, '')
      .replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `profile of "${name}" (${total.toFixed(0)} ms sampled), top self time:`,
  );
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  return out;
}
const median = xs =>
  xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const knex = await database();
  const config = mockServices.rootConfig({
    data: {
      readiness: {
        scorecards: [
          { file: path.join(examples, 'scorecards/production.yaml') },
          { file: path.join(examples, 'scorecards/systems.yaml') },
        ],
      },
    },
  });
  const scorecards = ScorecardRegistry.fromConfig(config);
  const stores = await createReadinessStores({
    database: mockServices.database({ knex }),
    scorecards: name => scorecards.get(name),
  });
  const all = entities();
  const catalog = catalogServiceMock({ entities: all });
  const logger = mockServices.rootLogger({ level: 'warn' });
  const auth = mockServices.auth();
  const permissions = mockServices.permissions();
  const reader = new CatalogReader(catalog, auth, scorecards);
  const evaluator = new Evaluator({
    stores,
    reader,
    scorecards,
    logger,
    historyRetentionDays: 180,
  });

  // The shards of one cycle, started together as the scheduler does.
  const run = async () => {
    const t = process.hrtime.bigint();
    const reports = await Promise.all(
      Array.from({ length: SHARDS }, (_, s) => evaluator.runShard(s, SHARDS)),
    );
    return {
      ms: ms(t),
      evaluated: reports.reduce((n, r) => n + r.evaluated, 0),
      written: reports.reduce((n, r) => n + r.written, 0),
      results: reports.reduce((n, r) => n + r.results, 0),
      history: reports.reduce((n, r) => n + r.historyRows, 0),
    };
  };
  const first = await profiled('first', run);
  const second = await profiled('unchanged', run);
  // Ten services change in the catalog (a new runbook annotation).
  for (let i = 0; i < 10; i++) {
    const svc = all.find(e => e.metadata.name === `svc-${i * 997}`);
    svc.metadata.annotations[
      'readiness/runbook'
    ] = `https://runbooks.example.com/new-${i}`;
    svc.metadata.etag = 'v2';
  }
  const ten = await run();

  const facts = new FactCollector({
    evidence: stores.evidence,
    reader,
    evaluator,
    logger,
  });
  const app = express();
  app.use(
    await createRouter({
      service: new ReadinessService({
        stores,
        scorecards,
        reader,
        evaluator,
        facts,
        catalog,
        permissions,
        auth,
      }),
      ownership: new OwnershipService({
        ownership: stores.ownership,
        evaluator,
        catalog,
        auth,
        permissions,
        logger,
      }),
      facts: new FactsService({
        evidence: stores.evidence,
        reader,
        evaluator,
        permissions,
      }),
      manualEvidence: new ManualEvidenceService({
        evidence: stores.evidence,
        scorecards,
        evaluator,
        catalog,
        auth,
        permissions,
        maxExemptionDays: 90,
      }),
      preview: new PreviewService({
        stores,
        reader,
        scorecards,
        preparer: evaluator.preparer,
        permissions,
      }),
      ping: stores.ping,
      httpAuth: mockServices.httpAuth(),
      auditor: {
        createEvent: async () => ({
          success: async () => {},
          fail: async () => {},
        }),
      },
      logger,
    }),
  );
  app.use(MiddlewareFactory.create({ config, logger }).error());
  const server = app.listen(0, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const time = async (url, n = 15) => {
    const xs = [];
    for (let i = 0; i < n; i++) {
      const t = process.hrtime.bigint();
      const res = await fetch(
        base + (typeof url === 'function' ? url(i) : url),
      );
      await res.text();
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      xs.push(ms(t));
    }
    return median(xs);
  };
  const entity = await time(
    i => `/entities/component/default/svc-${i * 97}`,
    50,
  );
  const results = await time('/results?limit=50&sort=score');
  const filtered = await time(
    '/results?status=blocked&owner=group:default/team-1&limit=50',
  );
  const summaryOwner = await time('/summary?groupBy=owner');
  const summarySystem = await time('/summary?groupBy=system');
  const csv = await time('/results?format=csv', 3);
  // A scorecard change previewed: the production scorecard with no
  // critical check (every one required), evaluated beside the running one
  // for every entity; most generated services leave Blocked.
  const candidate = fs
    .readFileSync(path.join(examples, 'scorecards/production.yaml'), 'utf8')
    .replace(/severity: critical/g, 'severity: required');
  const previews = [];
  let moved = 0;
  let totals;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(`${base}/scorecards/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ yaml: candidate }),
    });
    const body = await res.json();
    if (!res.ok)
      throw new Error(`preview: ${res.status} ${JSON.stringify(body)}`);
    previews.push(ms(t));
    moved = body.scorecards[0].movesTotal;
    totals = body.scorecards[0].totals;
  }
  const preview = median(previews);
  server.close();
  await knex.destroy();

  const db =
    process.env.BENCH_DB === 'sqlite' ? 'SQLite (in memory)' : 'PostgreSQL 15';
  console.log(
    `backend: ${N} components + 200 systems, ${SHARDS} shards, ${db}`,
  );
  const line = (label, r) =>
    console.log(
      `  ${label}: ${r.evaluated} entities evaluated, ${
        r.written
      } results written, ${r.history} history rows in ${(r.ms / 1000).toFixed(
        2,
      )} s`,
    );
  line('first evaluation', first);
  line('unchanged second run', second);
  line('10 services changed', ten);
  console.log(
    `  GET /entities/component/default/svc-… median ${entity.toFixed(1)} ms`,
  );
  console.log(
    `  GET /results?limit=50 median ${results.toFixed(
      1,
    )} ms; with status+owner filter ${filtered.toFixed(1)} ms`,
  );
  console.log(
    `  GET /summary?groupBy=owner median ${summaryOwner.toFixed(
      1,
    )} ms; groupBy=system ${summarySystem.toFixed(1)} ms`,
  );
  console.log(
    `  GET /results?format=csv (all rows) median ${csv.toFixed(0)} ms`,
  );
  console.log(
    `  POST /scorecards/preview (production, no check critical; ${moved} entities move) median ${preview.toFixed(
      0,
    )} ms of 5 (before ${JSON.stringify(totals.before)}, after ${JSON.stringify(
      totals.after,
    )})`,
  );
  // The whole process: evaluator, catalog snapshot, the catalog mock's own
  // copy of the entities and the stores' connections.
  const mb = n => `${Math.round(n / 1024 / 1024)} MB`;
  const mem = process.memoryUsage();
  console.log(
    `  memory after the runs: RSS ${mb(mem.rss)}, heap used ${mb(
      mem.heapUsed,
    )} (peak RSS ${mb(process.resourceUsage().maxRSS * 1024)})`,
  );
})().catch(e => {
  console.error(e);
  process.exit(1);
});
