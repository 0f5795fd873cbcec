import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  isFailing,
  type Attestation,
  Exemption,
  Fact,
  OwnershipRoles,
  ReadinessSummary,
} from '@readiness/backstage-plugin-readiness-common';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { ReadinessStore } from './ReadinessStore';
import type {
  CheckChange,
  EvidenceSet,
  HistoryPoint,
  OwnershipChange,
  StoredOwnership,
  ResultFilter,
  ResultRow,
  ResultSort,
  ShardRun,
  StoredResult,
  StoredResultWithDetail,
} from './types';

const RESULTS = 'readiness_results';
const HISTORY = 'readiness_history';
const CHANGES = 'readiness_changes';
const SHARDS = 'readiness_shards';
const FACTS = 'readiness_facts';
const ATTESTATIONS = 'readiness_attestations';
const EXEMPTIONS = 'readiness_exemptions';
const OWNERSHIP = 'readiness_ownership';
const OWNERSHIP_CHANGES = 'readiness_ownership_changes';

/** Rows per INSERT, and refs per WHERE IN: well under SQLite's 32k parameter limit. */
const BATCH = 200;

/**
 * Runs the package's knex migrations. Replicas that start together can race
 * to create knex's own bookkeeping tables; the loser retries, and knex's
 * migration lock lets only one of them apply each migration.
 */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  const directory = resolvePackagePath(
    '@readiness/backstage-plugin-readiness-backend',
    'migrations',
  );
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({
        directory,
        tableName: 'readiness_knex_migrations',
      });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise(r =>
        setTimeout(r, 200 * attempt + Math.random() * 300),
      );
    }
  }
}

const key = (entityRef: string, scorecard: string) =>
  `${entityRef}|${scorecard}`;
const splitKey = (k: string) => {
  const i = k.lastIndexOf('|');
  return { entityRef: k.slice(0, i), scorecard: k.slice(i + 1) };
};
const iso = (v: unknown): string =>
  (v instanceof Date ? v : new Date(v as string)).toISOString();
const isoOrUndefined = (v: unknown) =>
  v === null || v === undefined ? undefined : iso(v);
const orUndefined = <T>(v: T | null): T | undefined =>
  v === null ? undefined : v;
const bars = (list: string[]) => (list.length ? `|${list.join('|')}|` : '');
const unbar = (s: string) => (s ? s.slice(1, -1).split('|') : []);
const attestationRow = (entityRef: string, a: Attestation) => ({
  entity_ref: entityRef,
  check_id: a.checkId,
  attested_by: a.attestedBy,
  attested_at: iso(a.attestedAt),
  expires_at: a.expiresAt ? iso(a.expiresAt) : null,
  evidence_url: a.evidenceUrl ?? null,
  note: a.note ?? null,
});
const exemptionRow = (entityRef: string, e: Exemption, createdAt: string) => ({
  entity_ref: entityRef,
  check_id: e.checkId,
  reason: e.reason,
  approved_by: e.approvedBy,
  created_at: createdAt,
  expires_at: e.expiresAt ? iso(e.expiresAt) : null,
});
const toOwnership = (r: any): StoredOwnership => ({
  entityRef: r.entity_ref,
  roles: JSON.parse(r.roles),
  version: Number(r.version),
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
});
function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type ResultDbRow = {
  entity_ref: string;
  scorecard: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  status: StoredResult['status'];
  score: number;
  level: string | null;
  failing_checks: string;
  failing_areas: string;
  area_scores: string;
  result?: string;
  hash: string;
  search: string;
  changed_at: string | Date;
  stale: boolean | number;
};

const LIST_COLUMNS = [
  'entity_ref',
  'scorecard',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'status',
  'score',
  'level',
  'failing_checks',
  'area_scores',
  'changed_at',
  'stale',
];

function toStored(row: ResultDbRow): StoredResult {
  return {
    entityRef: row.entity_ref,
    scorecard: row.scorecard,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: orUndefined(row.title),
    type: orUndefined(row.type),
    lifecycle: orUndefined(row.lifecycle),
    owner: orUndefined(row.owner),
    system: orUndefined(row.system),
    domain: orUndefined(row.domain),
    status: row.status,
    score: Number(row.score),
    level: orUndefined(row.level),
    failingChecks: unbar(row.failing_checks),
    areaScores: JSON.parse(row.area_scores),
    changedAt: iso(row.changed_at),
    stale: Boolean(row.stale),
  };
}
const toDetail = (row: ResultDbRow): StoredResultWithDetail => ({
  ...toStored(row),
  result: JSON.parse(row.result!),
});

const SORTS: Record<ResultSort, Array<[string, 'asc' | 'desc']>> = {
  score: [['score', 'asc']],
  '-score': [['score', 'desc']],
  name: [['name', 'asc']],
  '-name': [['name', 'desc']],
  status: [['status', 'asc']],
  '-status': [['status', 'desc']],
  changed: [['changed_at', 'asc']],
  '-changed': [['changed_at', 'desc']],
};

/** Knex implementation of {@link ReadinessStore}, for SQLite and PostgreSQL. */
export class DatabaseReadinessStore implements ReadinessStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await applyDatabaseMigrations(client);
    }
    return new DatabaseReadinessStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async ping(): Promise<void> {
    await this.db.raw('select 1 as ok');
  }

  async getHashes(entityRefs: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const refs of chunks(entityRefs)) {
      const rows = await this.db(RESULTS)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'scorecard', 'hash');
      for (const r of rows) out.set(key(r.entity_ref, r.scorecard), r.hash);
    }
    return out;
  }

  async getDetails(
    keys: string[],
  ): Promise<Map<string, StoredResultWithDetail>> {
    const out = new Map<string, StoredResultWithDetail>();
    const wanted = new Set(keys);
    const refs = [...new Set(keys.map(k => splitKey(k).entityRef))];
    for (const batch of chunks(refs)) {
      const rows: ResultDbRow[] = await this.db(RESULTS)
        .whereIn('entity_ref', batch)
        .select();
      for (const r of rows) {
        const k = key(r.entity_ref, r.scorecard);
        if (wanted.has(k)) out.set(k, toDetail(r));
      }
    }
    return out;
  }

  async writeResults(
    rows: ResultRow[],
    changes: CheckChange[],
    now: string,
  ): Promise<void> {
    if (rows.length === 0 && changes.length === 0) return;
    await this.db.transaction(async tx => {
      for (const batch of chunks(rows)) {
        await tx(RESULTS)
          .insert(
            batch.map(r => {
              const failing = r.result.checks.filter(isFailing);
              return {
                entity_ref: r.entityRef,
                scorecard: r.scorecard,
                kind: r.kind,
                namespace: r.namespace,
                name: r.name,
                title: r.title ?? null,
                type: r.type ?? null,
                lifecycle: r.lifecycle ?? null,
                owner: r.owner ?? null,
                system: r.system ?? null,
                domain: r.domain ?? null,
                status: r.result.status,
                score: r.result.score,
                level: r.result.level?.id ?? null,
                failing_checks: bars(failing.map(c => c.checkId)),
                failing_areas: bars([...new Set(failing.map(c => c.area))]),
                area_scores: JSON.stringify(
                  Object.fromEntries(r.result.areas.map(a => [a.id, a.score])),
                ),
                result: JSON.stringify(r.result),
                hash: r.hash,
                search: `${r.entityRef} ${r.title ?? ''}`
                  .toLowerCase()
                  .slice(0, 512),
                changed_at: now,
                stale: false,
              };
            }),
          )
          .onConflict(['entity_ref', 'scorecard'])
          .merge();
      }
      for (const batch of chunks(changes)) {
        await tx(CHANGES).insert(
          batch.map(c => ({
            entity_ref: c.entityRef,
            scorecard: c.scorecard,
            check_id: c.checkId,
            old_result: c.oldResult ?? null,
            new_result: c.newResult ?? null,
            old_message: c.oldMessage ?? null,
            new_message: c.newMessage ?? null,
            changed_at: c.changedAt,
          })),
        );
      }
    });
  }

  async listSummaries(): Promise<ReadinessSummary[]> {
    const rows = await this.db(RESULTS).select(
      'entity_ref',
      'scorecard',
      'status',
      'score',
    );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      scorecard: r.scorecard,
      status: r.status,
      score: Number(r.score),
    }));
  }

  async listKeys(): Promise<string[]> {
    const rows = await this.db(RESULTS).select('entity_ref', 'scorecard');
    return rows.map(r => key(r.entity_ref, r.scorecard));
  }

  async deleteResults(keys: string[]): Promise<number> {
    let deleted = 0;
    await this.db.transaction(async tx => {
      for (const k of keys) {
        const { entityRef, scorecard } = splitKey(k);
        deleted += await tx(RESULTS)
          .where({ entity_ref: entityRef, scorecard })
          .delete();
        await tx(HISTORY).where({ entity_ref: entityRef, scorecard }).delete();
        await tx(CHANGES).where({ entity_ref: entityRef, scorecard }).delete();
      }
    });
    return deleted;
  }

  async setStale(entityRefs: string[], stale: boolean): Promise<void> {
    for (const refs of chunks(entityRefs)) {
      await this.db(RESULTS)
        .whereIn('entity_ref', refs)
        .whereNot('stale', stale)
        .update({ stale });
    }
  }

  async recordHistory(
    points: Array<HistoryPoint & { entityRef: string; changed: boolean }>,
  ): Promise<number> {
    let written = 0;
    const rows = (list: typeof points) =>
      list.map(p => ({
        entity_ref: p.entityRef,
        scorecard: p.scorecard,
        day: p.day,
        status: p.status,
        score: p.score,
        level: p.level ?? null,
      }));
    for (const batch of chunks(points)) {
      const changed = batch.filter(p => p.changed);
      if (changed.length) {
        await this.db(HISTORY)
          .insert(rows(changed))
          .onConflict(['entity_ref', 'scorecard', 'day'])
          .merge();
        written += changed.length;
      }
      // Unchanged results: add today's point only where it is missing.
      const unchanged = batch.filter(p => !p.changed);
      if (unchanged.length === 0) continue;
      const existing = await this.db(HISTORY)
        .whereIn('entity_ref', [...new Set(unchanged.map(p => p.entityRef))])
        .andWhere('day', unchanged[0].day)
        .select('entity_ref', 'scorecard');
      const have = new Set(existing.map(r => key(r.entity_ref, r.scorecard)));
      const missing = unchanged.filter(
        p => !have.has(key(p.entityRef, p.scorecard)),
      );
      if (missing.length) {
        await this.db(HISTORY)
          .insert(rows(missing))
          .onConflict(['entity_ref', 'scorecard', 'day'])
          .ignore();
        written += missing.length;
      }
    }
    return written;
  }

  async pruneHistory(beforeDay: string): Promise<void> {
    await this.db(HISTORY).where('day', '<', beforeDay).delete();
    await this.db(CHANGES)
      .where('changed_at', '<', `${beforeDay}T00:00:00.000Z`)
      .delete();
  }

  async recordShardRun(run: ShardRun): Promise<void> {
    const row: Record<string, unknown> = {
      shard: run.shard,
      shards: run.shards,
    };
    if (run.lastAttemptAt) row.last_attempt_at = run.lastAttemptAt;
    if (run.lastSuccessAt) row.last_success_at = run.lastSuccessAt;
    row.last_error = run.lastError ?? null;
    await this.db(SHARDS).insert(row).onConflict('shard').merge();
  }

  async listShardRuns(): Promise<ShardRun[]> {
    const rows = await this.db(SHARDS).select().orderBy('shard');
    return rows.map(r => ({
      shard: r.shard,
      shards: r.shards,
      lastAttemptAt: isoOrUndefined(r.last_attempt_at),
      lastSuccessAt: isoOrUndefined(r.last_success_at),
      lastError: orUndefined(r.last_error),
    }));
  }

  async loadEvidence(entityRefs: string[]): Promise<EvidenceSet> {
    const out: EvidenceSet = { facts: {}, attestations: {}, exemptions: {} };
    const push = <T>(map: Record<string, T[]>, ref: string, v: T) => {
      (map[ref] ??= []).push(v);
    };
    for (const refs of chunks(entityRefs)) {
      for (const r of await this.db(FACTS)
        .whereIn('entity_ref', refs)
        .select()) {
        push(out.facts, r.entity_ref, {
          id: r.fact_id,
          value: JSON.parse(r.value),
          observedAt: iso(r.observed_at),
          source: orUndefined(r.source),
        });
      }
      for (const r of await this.db(ATTESTATIONS)
        .whereIn('entity_ref', refs)
        .select()) {
        push(out.attestations, r.entity_ref, {
          checkId: r.check_id,
          attestedBy: r.attested_by,
          attestedAt: iso(r.attested_at),
          expiresAt: isoOrUndefined(r.expires_at),
          evidenceUrl: orUndefined(r.evidence_url),
          note: orUndefined(r.note),
        });
      }
      for (const r of await this.db(EXEMPTIONS)
        .whereIn('entity_ref', refs)
        .select()) {
        push(out.exemptions, r.entity_ref, {
          checkId: r.check_id,
          reason: r.reason,
          approvedBy: r.approved_by,
          expiresAt: isoOrUndefined(r.expires_at),
        });
      }
    }
    return out;
  }

  async upsertFacts(
    facts: Array<{ entityRef: string; fact: Fact }>,
  ): Promise<void> {
    for (const batch of chunks(facts)) {
      await this.db(FACTS)
        .insert(
          batch.map(({ entityRef, fact }) => ({
            entity_ref: entityRef,
            fact_id: fact.id,
            value: JSON.stringify(fact.value),
            observed_at: iso(fact.observedAt),
            source: fact.source ?? null,
          })),
        )
        .onConflict(['entity_ref', 'fact_id'])
        .merge();
    }
  }

  async replaceManualEvidence(
    entityRefs: string[],
    attestations: Array<{ entityRef: string; attestation: Attestation }>,
    exemptions: Array<{ entityRef: string; exemption: Exemption }>,
  ): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction(async tx => {
      for (const refs of chunks(entityRefs)) {
        await tx(ATTESTATIONS).whereIn('entity_ref', refs).delete();
        await tx(EXEMPTIONS).whereIn('entity_ref', refs).delete();
      }
      for (const batch of chunks(attestations)) {
        await tx(ATTESTATIONS).insert(
          batch.map(({ entityRef, attestation }) =>
            attestationRow(entityRef, attestation),
          ),
        );
      }
      for (const batch of chunks(exemptions)) {
        await tx(EXEMPTIONS).insert(
          batch.map(({ entityRef, exemption }) =>
            exemptionRow(entityRef, exemption, now),
          ),
        );
      }
    });
  }

  async addAttestation(entityRef: string, a: Attestation): Promise<void> {
    await this.db(ATTESTATIONS).insert(attestationRow(entityRef, a));
  }

  async addExemption(
    entityRef: string,
    e: Exemption,
    createdAt: string,
  ): Promise<void> {
    await this.db(EXEMPTIONS).insert(exemptionRow(entityRef, e, createdAt));
  }

  async getOwnership(entityRef: string): Promise<StoredOwnership | undefined> {
    const row = await this.db(OWNERSHIP).where('entity_ref', entityRef).first();
    return row ? toOwnership(row) : undefined;
  }

  async listOwnerships(): Promise<StoredOwnership[]> {
    return (await this.db(OWNERSHIP).select()).map(toOwnership);
  }

  async saveOwnership(
    entityRef: string,
    roles: OwnershipRoles,
    options: {
      expectedVersion: number;
      by: string;
      reason?: string;
      at: string;
    },
  ): Promise<StoredOwnership> {
    return this.db.transaction(async tx => {
      const current = await tx(OWNERSHIP)
        .where('entity_ref', entityRef)
        .first();
      const version = current ? Number(current.version) : 0;
      if (version !== options.expectedVersion) {
        throw new ConflictError(
          `The ownership of ${entityRef} was changed by ${
            current?.updated_by ?? 'someone'
          } since version ${
            options.expectedVersion
          } (now version ${version}); reload and try again`,
        );
      }
      const next = {
        entity_ref: entityRef,
        roles: JSON.stringify(roles),
        version: version + 1,
        updated_by: options.by,
        updated_at: options.at,
      };
      if (current) {
        const updated = await tx(OWNERSHIP)
          .where({ entity_ref: entityRef, version })
          .update(next);
        if (updated !== 1)
          throw new ConflictError(
            `The ownership of ${entityRef} changed while saving; reload and try again`,
          );
      } else {
        try {
          await tx(OWNERSHIP).insert(next);
        } catch (e) {
          throw new ConflictError(
            `The ownership of ${entityRef} was just created by someone else; reload and try again`,
          );
        }
      }
      await tx(OWNERSHIP_CHANGES).insert({
        entity_ref: entityRef,
        old_roles: current ? current.roles : null,
        new_roles: next.roles,
        changed_by: options.by,
        changed_at: options.at,
        reason: options.reason ?? null,
      });
      return toOwnership(next);
    });
  }

  async getOwnershipChanges(
    entityRef: string,
    limit = 50,
  ): Promise<OwnershipChange[]> {
    const rows = await this.db(OWNERSHIP_CHANGES)
      .where('entity_ref', entityRef)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(r => ({
      entityRef: r.entity_ref,
      oldRoles: r.old_roles ? JSON.parse(r.old_roles) : undefined,
      newRoles: JSON.parse(r.new_roles),
      changedBy: r.changed_by,
      changedAt: iso(r.changed_at),
      reason: orUndefined(r.reason),
    }));
  }

  async getEntityResults(entityRef: string): Promise<StoredResultWithDetail[]> {
    const rows: ResultDbRow[] = await this.db(RESULTS)
      .where('entity_ref', entityRef)
      .orderBy('scorecard')
      .select();
    return rows.map(toDetail);
  }

  private filtered(filter: ResultFilter): Knex.QueryBuilder {
    const q = this.db(RESULTS);
    if (filter.scorecard) q.where('scorecard', filter.scorecard);
    const inList = (column: string, values?: string[]) => {
      if (values && values.length > 0) q.whereIn(column, values);
    };
    inList('status', filter.status);
    inList('owner', filter.owner);
    inList('system', filter.system);
    inList('domain', filter.domain);
    inList('lifecycle', filter.lifecycle);
    inList('kind', filter.kind);
    inList('type', filter.type);
    inList('entity_ref', filter.entityRefs);
    if (filter.failingArea)
      q.where('failing_areas', 'like', `%|${filter.failingArea}|%`);
    if (filter.failingCheck)
      q.where('failing_checks', 'like', `%|${filter.failingCheck}|%`);
    if (filter.text) {
      const escaped = filter.text
        .toLowerCase()
        .replace(/[\\%_]/g, c => `\\${c}`);
      q.whereRaw(`search like ? escape '\\'`, [`%${escaped}%`]);
    }
    return q;
  }

  private sorted(
    q: Knex.QueryBuilder,
    sort: ResultSort = 'score',
  ): Knex.QueryBuilder {
    for (const [column, dir] of SORTS[sort]) q.orderBy(column, dir);
    return q.orderBy('entity_ref', 'asc').orderBy('scorecard', 'asc');
  }

  async queryResults(options: {
    filter: ResultFilter;
    sort?: ResultSort;
    offset?: number;
    limit?: number;
  }) {
    const [{ count }] = await this.filtered(options.filter).count({
      count: '*',
    });
    const rows: ResultDbRow[] = await this.sorted(
      this.filtered(options.filter).select(LIST_COLUMNS),
      options.sort,
    )
      .offset(options.offset ?? 0)
      .limit(options.limit ?? 50);
    return { items: rows.map(toStored), totalItems: Number(count) };
  }

  async *streamResults(options: {
    filter: ResultFilter;
    sort?: ResultSort;
    batchSize?: number;
  }): AsyncIterable<StoredResult[]> {
    const size = options.batchSize ?? 500;
    for (let offset = 0; ; offset += size) {
      const rows: ResultDbRow[] = await this.sorted(
        this.filtered(options.filter).select(LIST_COLUMNS),
        options.sort,
      )
        .offset(offset)
        .limit(size);
      if (rows.length === 0) return;
      yield rows.map(toStored);
      if (rows.length < size) return;
    }
  }

  async getHistory(entityRef: string, sinceDay: string, scorecard?: string) {
    const points = this.db(HISTORY)
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', sinceDay);
    const changes = this.db(CHANGES)
      .where('entity_ref', entityRef)
      .andWhere('changed_at', '>=', `${sinceDay}T00:00:00.000Z`);
    if (scorecard) {
      points.andWhere('scorecard', scorecard);
      changes.andWhere('scorecard', scorecard);
    }
    const [p, c] = await Promise.all([
      points.orderBy('day').select(),
      changes
        .orderBy('changed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .select(),
    ]);
    return {
      points: p.map(r => ({
        scorecard: r.scorecard,
        day: r.day,
        status: r.status,
        score: Number(r.score),
        level: orUndefined(r.level),
      })),
      changes: c.map(r => ({
        entityRef: r.entity_ref,
        scorecard: r.scorecard,
        checkId: r.check_id,
        oldResult: orUndefined(r.old_result),
        newResult: orUndefined(r.new_result),
        oldMessage: orUndefined(r.old_message),
        newMessage: orUndefined(r.new_message),
        changedAt: iso(r.changed_at),
      })),
    };
  }

  async getCheckFailures(
    scorecard: string,
    checkId: string,
  ): Promise<StoredResultWithDetail[]> {
    const rows: ResultDbRow[] = await this.filtered({
      scorecard,
      failingCheck: checkId,
    })
      .orderBy('entity_ref')
      .select();
    return rows.map(toDetail);
  }
}
