#!/usr/bin/env node
/* eslint-disable no-console */
/*
 * Engine micro-benchmark: 10,000 generated entities against the default
 * scorecard (examples/scorecards/production.yaml), with a catalog of users and
 * groups and facts, attestations and exemptions for most entities.
 * Reports the median of 15 timed runs after 5 warm-up runs. Not a test: it
 * prints figures. Run with `yarn bench` from the repository root.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const path = require('node:path');
const {
  parseScorecardYaml,
  compileScorecard,
  createEvaluationContext,
  evaluateEntity,
} = require('../src');

const N = Number(process.env.BENCH_ENTITIES ?? 10_000);
const root = path.resolve(__dirname, '../../..');
const [spec] = parseScorecardYaml(
  fs.readFileSync(
    path.join(root, 'examples/scorecards/production.yaml'),
    'utf8',
  ),
  'production.yaml',
);
const card = compileScorecard(spec);

// Deterministic pseudo-random numbers, so every run measures the same data.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = list => list[Math.floor(rand() * list.length)];

const groups = Array.from({ length: 200 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: `team-${i}` },
  spec: {
    type: 'team',
    children: [],
    ...(i % 7 ? { profile: { email: `team-${i}@example.com` } } : {}),
  },
}));
const users = Array.from({ length: 1000 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: `user-${i}` },
  spec: {
    profile: { email: `user-${i}@example.com` },
    memberOf: [`team-${i % 200}`],
  },
}));
const at = '2026-11-20T00:00:00.000Z';
const entities = [];
const facts = {};
const attestations = {};
const exemptions = {};
for (let i = 0; i < N; i++) {
  const name = `svc-${i}`;
  const team = () => `group:team-${Math.floor(rand() * 220)}`; // some do not exist
  const annotations = {};
  if (rand() < 0.9) annotations['readiness/incident-owner'] = team();
  if (rand() < 0.9)
    annotations['readiness/technical-owner'] =
      rand() < 0.05 ? 'Not A Ref!' : team();
  if (rand() < 0.85) annotations['readiness/communication-owner'] = team();
  if (rand() < 0.8)
    annotations['readiness/communication-channel'] = `slack:#svc-${i}`;
  if (rand() < 0.7)
    annotations['readiness/runbook'] = `https://runbooks.example.com/${name}`;
  if (rand() < 0.8)
    annotations['readiness/health-url'] = `https://${name}.example.com/healthz`;
  if (rand() < 0.5) annotations['backstage.io/techdocs-ref'] = 'dir:.';
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      description: rand() < 0.8 ? 'A service' : undefined,
      annotations,
      links:
        rand() < 0.6
          ? [{ url: `https://grafana.example.com/${name}`, type: 'dashboard' }]
          : [],
    },
    spec: {
      type: pick(['service', 'website']),
      lifecycle: 'production',
      owner: `team-${i % 200}`,
      system: `system-${i % 300}`,
    },
    relations: [
      { type: 'partOf', targetRef: `system:default/system-${i % 300}` },
    ],
  });
  const ref = `component:default/${name}`;
  if (rand() < 0.8) {
    facts[ref] = [
      {
        id: 'http',
        observedAt: '2026-11-22T23:00:00.000Z',
        value: {
          url: annotations['readiness/health-url'] ?? '',
          status: pick([200, 200, 200, 503]),
          latencyMs: rand() * 1500,
          tlsDaysLeft: Math.floor(rand() * 90),
          httpsRedirect: rand() < 0.8,
          hsts: rand() < 0.7,
        },
      },
      {
        id: 'load-test',
        observedAt: at,
        value: { p95Ms: rand() * 400, errorRate: rand() * 0.002 },
      },
      {
        id: 'secret-scan',
        observedAt: at,
        value: { findings: rand() < 0.95 ? 0 : 1 },
      },
      {
        id: 'rollback-rehearsal',
        observedAt: at,
        value: { succeeded: rand() < 0.9 },
      },
    ];
    attestations[ref] = [
      'runbook-reviewed',
      'data-boundary',
      'alert-thresholds',
      'support-ready',
    ]
      .filter(() => rand() < 0.7)
      .map(checkId => ({
        checkId,
        attestedBy: 'user:default/user-1',
        attestedAt: at,
      }));
  }
  if (rand() < 0.05)
    exemptions[ref] = [
      {
        checkId: 'restore-tested',
        reason: 'stateless',
        approvedBy: 'user:default/user-2',
      },
    ];
}

const now = '2026-11-23T00:00:00.000Z';
const catalog = [...groups, ...users];
let indexMs = 0;
function run() {
  const t = process.hrtime.bigint();
  const ctx = createEvaluationContext({
    now,
    entities: catalog,
    facts,
    attestations,
    exemptions,
  });
  indexMs = Number(process.hrtime.bigint() - t) / 1e6;
  const statuses = { ready: 0, 'needs-work': 0, blocked: 0 };
  for (const e of entities) statuses[evaluateEntity(card, e, ctx).status] += 1;
  return statuses;
}
const time = fn => {
  const t = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
};
for (let i = 0; i < 5; i++) run();
const runs = Array.from({ length: 15 }, () => ({ ...time(run), indexMs }));
const ms = runs.map(r => r.ms).sort((a, b) => a - b);
const median = ms[Math.floor(ms.length / 2)];
const checks = card.checks.length;
console.log(
  `engine: ${N} entities x ${checks} checks (default scorecard), ${
    groups.length + users.length
  } users/groups`,
);
console.log(`  statuses: ${JSON.stringify(runs[0].r)}`);
const idx = runs.map(r => r.indexMs).sort((a, b) => a - b);
console.log(
  `  median ${median.toFixed(1)} ms, min ${ms[0].toFixed(1)} ms, max ${ms[
    ms.length - 1
  ].toFixed(1)} ms over ${ms.length} runs`,
);
console.log(
  `  of which indexing the context (catalog, facts, attestations): median ${idx[
    Math.floor(idx.length / 2)
  ].toFixed(1)} ms`,
);
console.log(
  `  throughput: ${Math.round((N / median) * 1000).toLocaleString(
    'en-US',
  )} entities/s, ${Math.round(((N * checks) / median) * 1000).toLocaleString(
    'en-US',
  )} checks/s`,
);
let verdict = 'n/a';
if (N === 10_000) verdict = median < 200 ? 'met' : 'NOT met';
console.log(`  target: 10,000 entities under 200 ms on one core: ${verdict}`);
