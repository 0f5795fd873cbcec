import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { readinessConfig } from './__testUtils__/testUtils';

/** How long the load runs (READINESS_SOAK_SECONDS, default 60). */
const SOAK_MS = Number(process.env.READINESS_SOAK_SECONDS ?? 60) * 1000;
/** Clients sending requests at once, each waiting for its answer. */
const CLIENTS = 8;
jest.setTimeout(SOAK_MS + 120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgres = databases.eachSupportedId();

const API = '/api/readiness';
/** Few entities, so that edits collide and must be refused with 409. */
const EDITED = ['ledger-service', 'payments-api', 'session-service'];
const SERVICES = [
  'ledger-service',
  'payments-api',
  'session-service',
  'support-portal',
  'invoice-generator',
  'deploy-bot',
];

type Sample = { route: string; ms: number; status: number };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** Replica processes still running, killed after the tests whatever happened. */
const children = new Set<ReturnType<typeof fork>>();
afterAll(() => children.forEach(c => c.kill('SIGKILL')));

/** Starts a replica in its own Node.js process; resolves with its URL and a stop. */
function replicaProcess(db: object, config: object) {
  const child = fork(path.join(__dirname, '__testUtils__/replicaProcess.js'), {
    env: {
      ...process.env,
      READINESS_REPLICA_DB: JSON.stringify(db),
      READINESS_REPLICA_CONFIG: JSON.stringify(config),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', d => (stderr += d));
  const exited = new Promise<void>(r =>
    child.on('exit', () => {
      children.delete(child);
      r();
    }),
  );
  return new Promise<{ url: string; stop: () => Promise<void> }>(
    (resolve, reject) => {
      // Backstage's node transform also sends `watch` messages: wait for the port.
      child.on('message', (m: any) =>
        typeof m?.port !== 'number'
          ? undefined
          : resolve({
              url: `http://127.0.0.1:${m.port}`,
              stop: async () => {
                child.kill('SIGTERM');
                await exited;
              },
            }),
      );
      child.on('exit', code =>
        reject(new Error(`replica exited with ${code}: ${stderr}`)),
      );
    },
  );
}

// Two backend processes on one PostgreSQL database, each with Backstage's
// real scheduler evaluating every few seconds, under a load of reads,
// ownership edits, fact pushes and attestations from CLIENTS clients on
// loopback.
(postgres.length ? describe : describe.skip)(
  'two replicas under load on one POSTGRES_15 database',
  () => {
    it('loses no update, writes no duplicate history, and ends equal to a serial replay of the accepted writes', async () => {
      const knex = await databases.init('POSTGRES_15');
      const config = readinessConfig({
        evaluation: {
          shards: 2,
          schedule: {
            frequency: { seconds: 5 },
            timeout: { seconds: 60 },
            initialDelay: { seconds: 0 },
          },
        },
      });
      const db = (knex.client as any).connectionSettings;
      // One after the other: the first creates the tables.
      const replicas = [
        await replicaProcess(db, config),
        await replicaProcess(db, config),
      ];
      const servers = replicas.map(r => r.url);
      const pick = <T>(list: T[]) =>
        list[Math.floor(Math.random() * list.length)];

      const samples: Sample[] = [];
      /** Answers other than the expected 200 (or 409 for an edit). */
      const unexpected: string[] = [];
      const timed = async (route: string, send: () => request.Test) => {
        const t0 = performance.now();
        const res = await send();
        samples.push({ route, ms: performance.now() - t0, status: res.status });
        if (res.status >= 500) {
          unexpected.push(`${route}: ${res.status} ${res.text}`);
        }
        return res;
      };

      /** Accepted edits: each sets a runbook link no other edit sets. */
      const edits: Array<{ entity: string; runbook: string }> = [];
      let conflicts = 0;
      /**
       * The last accepted value of each client's fact per entity: clients push
       * to the same entities at once, each its own fact id, so "last" is defined.
       */
      const lastFact = new Map<
        string,
        { entity: string; id: string; value: number }
      >();
      let attestations = 0;

      const client = async (index: number, until: number) => {
        let n = 0;
        while (Date.now() < until) {
          n += 1;
          const seq = n;
          const server = pick(servers);
          const op = Math.random();
          if (op < 0.35) {
            const name = pick(EDITED);
            const url = `${API}/entities/component/default/${name}/ownership`;
            const read = await timed('GET ownership', () =>
              request(pick(servers)).get(url),
            );
            const runbook = `https://runbooks.example/soak/${index}-${seq}`;
            const res = await timed('PUT ownership', () =>
              request(server)
                .put(url)
                .set('If-Match', `"${read.body.version}"`)
                .send({ roles: { runbook }, reason: `soak ${index}/${seq}` }),
            );
            if (res.status === 200) {
              edits.push({ entity: name, runbook });
            } else if (res.status === 409) {
              conflicts += 1;
            } else {
              unexpected.push(`PUT ownership: ${res.status} ${res.text}`);
            }
          } else if (op < 0.5) {
            const entity = pick(SERVICES);
            const id = `soak.client-${index}`;
            const value = index * 1_000_000 + seq;
            const res = await timed('POST facts', () =>
              request(server)
                .post(`${API}/facts`)
                .set('Authorization', mockCredentials.service.header())
                .send({
                  entityRef: `component:default/${entity}`,
                  facts: [{ id, value }],
                }),
            );
            if (res.status === 200)
              lastFact.set(`${entity}|${id}`, { entity, id, value });
            else unexpected.push(`POST facts: ${res.status} ${res.text}`);
          } else if (op < 0.6) {
            const res = await timed('POST attestations', () =>
              request(server)
                .post(
                  `${API}/entities/component/default/${pick(
                    SERVICES,
                  )}/attestations`,
                )
                .send({ checkId: 'runbook-reviewed', note: `soak ${index}` }),
            );
            if (res.status === 200) attestations += 1;
            else unexpected.push(`POST attestations: ${res.status}`);
          } else if (op < 0.8) {
            await timed('GET results', () =>
              request(server).get(`${API}/results?scorecard=production`),
            );
          } else if (op < 0.9) {
            await timed('GET summary', () =>
              request(server).get(`${API}/summary?groupBy=owner`),
            );
          } else {
            await timed('GET entity', () =>
              request(server).get(
                `${API}/entities/component/default/${pick(SERVICES)}`,
              ),
            );
          }
        }
      };

      const logBefore = Number(
        (await knex('readiness_ownership_changes').max({ id: 'id' }))[0].id ??
          0,
      );
      const versionsBefore = new Map<string, number>();
      for (const name of EDITED) {
        const res = await request(servers[0]).get(
          `${API}/entities/component/default/${name}/ownership`,
        );
        versionsBefore.set(name, res.body.version);
      }
      const started = Date.now();
      const attestationsBefore = Number(
        (await knex('readiness_attestations').count({ n: '*' }))[0].n,
      );
      try {
        await Promise.all(
          Array.from({ length: CLIENTS }, (_, i) =>
            client(i, started + SOAK_MS),
          ),
        );
      } finally {
        await Promise.all(replicas.map(r => r.stop()));
      }
      const seconds = (Date.now() - started) / 1000;
      expect(unexpected).toEqual([]);

      // No lost update: every accepted edit is in the change log once, each
      // logged change starts from the one before it (nobody saved over a
      // change they had not seen), the version counts the accepted edits, and
      // replaying the log in order gives what is stored.
      for (const name of EDITED) {
        const entityRef = `component:default/${name}`;
        const accepted = edits.filter(e => e.entity === name);
        expect(accepted.length).toBeGreaterThan(0);
        const soakLog = await knex('readiness_ownership_changes')
          .where({ entity_ref: entityRef })
          .andWhere('id', '>', logBefore)
          .orderBy('id');
        expect(
          soakLog.map(l => JSON.parse(l.new_roles).runbook).sort(),
        ).toEqual(accepted.map(e => e.runbook).sort());
        expect(
          soakLog.slice(1).map(l => JSON.parse(l.old_roles).runbook),
        ).toEqual(
          soakLog.slice(0, -1).map(l => JSON.parse(l.new_roles).runbook),
        );
        const [stored] = await knex('readiness_ownership').where({
          entity_ref: entityRef,
        });
        expect(Number(stored.version) - (versionsBefore.get(name) ?? 0)).toBe(
          accepted.length,
        );
        const overrides = JSON.parse(stored.roles);
        const last = JSON.parse(soakLog[soakLog.length - 1].new_roles);
        for (const [field, value] of Object.entries(overrides))
          expect([field, value || undefined]).toEqual([field, last[field]]);
      }
      expect(conflicts).toBeGreaterThan(0);

      expect(lastFact.size).toBeGreaterThan(CLIENTS);
      for (const { entity, id, value } of lastFact.values()) {
        const [fact] = await knex('readiness_facts').where({
          entity_ref: `component:default/${entity}`,
          fact_id: id,
        });
        expect([entity, id, JSON.parse(fact.value)]).toEqual([
          entity,
          id,
          value,
        ]);
      }
      const attestationsAfter = Number(
        (await knex('readiness_attestations').count({ n: '*' }))[0].n,
      );
      expect(attestationsAfter - attestationsBefore).toBe(attestations);

      // Evaluation ran throughout, and today's history has a point for every
      // result (its primary key, entity + scorecard + day, allows no second).
      const today = new Date().toISOString().slice(0, 10);
      const results = await knex('readiness_results').count({ n: '*' });
      const points = await knex('readiness_history')
        .where({ day: today })
        .count({ n: '*' });
      expect(Number(points[0].n)).toBe(Number(results[0].n));
      const shards = await knex('readiness_shards').select();
      expect(shards).toHaveLength(2);
      for (const s of shards) {
        expect(new Date(s.last_success_at).getTime()).toBeGreaterThan(
          started + SOAK_MS / 2,
        );
      }

      // Throughput and latency per route, for the README.
      const routes = [...new Set(samples.map(s => s.route))].sort();
      const report = {
        seconds: Math.round(seconds),
        clients: CLIENTS,
        requests: samples.length,
        perSecond: Math.round(samples.length / seconds),
        conflicts,
        acceptedEdits: edits.length,
        routes: Object.fromEntries(
          routes.map(route => {
            const ms = samples.filter(s => s.route === route).map(s => s.ms);
            return [
              route,
              {
                requests: ms.length,
                p50: Math.round(percentile(ms, 0.5)),
                p95: Math.round(percentile(ms, 0.95)),
              },
            ];
          }),
        ),
      };
      const out = path.resolve(__dirname, '../../../e2e-results/soak.json');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`soak: ${JSON.stringify(report)}\n`);
    });
  },
);
