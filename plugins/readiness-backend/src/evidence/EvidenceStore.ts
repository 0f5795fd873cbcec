import type {
  Attestation,
  AttestationRecord,
  Exemption,
  ExemptionRecord,
  Fact,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import type { EvaluationStateStore } from '../evaluation/EvaluationStateStore';
import type { EvidenceSet } from '../platform/database/types';
import {
  chunks,
  iso,
  isoOrUndefined,
  orUndefined,
  TABLES,
} from '../platform/database/util';

const {
  facts: FACTS,
  attestations: ATTESTATIONS,
  exemptions: EXEMPTIONS,
} = TABLES;

/** An attestation row as the engine and the API read it. */
function attestationOf(r: any): Attestation {
  return {
    checkId: r.check_id,
    attestedBy: r.attested_by,
    attestedAt: iso(r.attested_at),
    expiresAt: isoOrUndefined(r.expires_at),
    evidenceUrl: orUndefined(r.evidence_url),
    note: orUndefined(r.note),
    revokedAt: isoOrUndefined(r.revoked_at),
    revokedBy: orUndefined(r.revoked_by),
    revokeReason: orUndefined(r.revoke_reason),
  };
}

/**
 * Facts (latest value per entity and fact id), attestations and exemptions.
 * Every write also bumps the entity's evidence version, in the same
 * transaction, so the next evaluation cycle evaluates it again.
 */
export class EvidenceStore {
  /**
   * @param state - whose evidence versions every write bumps, in the
   *   write's transaction
   */
  constructor(
    private readonly db: Knex,
    private readonly state: EvaluationStateStore,
  ) {}

  /** Runs a write and bumps the evidence version of these entities with it. */
  private async writing<T>(
    entityRefs: string[],
    write: (tx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async tx => {
      const out = await write(tx);
      if (out !== false && out !== 0)
        await this.state.bumpEvidence(entityRefs, tx);
      return out;
    });
  }

  /** All evidence of these entities, keyed by entity ref, as the engine takes it. */
  async loadEvidence(entityRefs: string[]): Promise<EvidenceSet> {
    const [facts, attestations, exemptions] = await Promise.all([
      this.byEntity(
        FACTS,
        entityRefs,
        (r): Fact => ({
          id: r.fact_id,
          value: JSON.parse(r.value),
          observedAt: iso(r.observed_at),
          source: orUndefined(r.source),
        }),
      ),
      this.byEntity(
        ATTESTATIONS,
        entityRefs,
        // Revoked ones come too: the check says who revoked it and why.
        attestationOf,
      ),
      this.byEntity(
        EXEMPTIONS,
        entityRefs,
        (r): Exemption => ({
          checkId: r.check_id,
          reason: r.reason,
          approvedBy: r.approved_by,
          expiresAt: isoOrUndefined(r.expires_at),
        }),
      ),
    ]);
    return { facts, attestations, exemptions };
  }

  /** Rows of one table for these entities, mapped and grouped by entity ref. */
  private async byEntity<T>(
    table: string,
    entityRefs: string[],
    map: (row: any) => T,
  ): Promise<Record<string, T[]>> {
    const out: Record<string, T[]> = {};
    for (const refs of chunks(entityRefs)) {
      const q = this.db(table).whereIn('entity_ref', refs);
      if (table === EXEMPTIONS) q.whereNull('revoked_at');
      if (table === EXEMPTIONS) q.whereNotNull('approved_by');
      for (const r of await q.select()) (out[r.entity_ref] ??= []).push(map(r));
    }
    return out;
  }

  /**
   * Stores facts; a fact replaces the stored one of the same entity and id
   * only when it is at least as new, so an older report arriving late (or a
   * retry) changes nothing. Returns how many rows were written.
   */
  async upsertFacts(
    facts: Array<{ entityRef: string; fact: Fact }>,
  ): Promise<number> {
    let written = 0;
    for (const batch of chunks(facts)) {
      const rows = batch.map(({ entityRef, fact }) => ({
        entity_ref: entityRef,
        fact_id: fact.id,
        value: JSON.stringify(fact.value),
        observed_at: iso(fact.observedAt),
        source: fact.source ?? null,
      }));
      // What is stored already, to tell a retry from news.
      const stored = await this.db(FACTS)
        .whereIn(
          'entity_ref',
          rows.map(r => r.entity_ref),
        )
        .select('entity_ref', 'fact_id', 'value', 'observed_at', 'source');
      const have = new Map<string, Map<string, (typeof stored)[number]>>();
      for (const r of stored) {
        if (!have.has(r.entity_ref)) have.set(r.entity_ref, new Map());
        have.get(r.entity_ref)!.set(r.fact_id, r);
      }
      const news = rows.filter(r => {
        const old = have.get(r.entity_ref)?.get(r.fact_id);
        if (!old) return true;
        const oldAt = iso(old.observed_at);
        if (oldAt > r.observed_at) return false;
        return !(
          oldAt === r.observed_at &&
          old.value === r.value &&
          (old.source ?? null) === r.source
        );
      });
      if (news.length === 0) continue;
      // The WHERE keeps the newer fact if another writer got there first.
      await this.writing(
        news.map(r => r.entity_ref),
        tx =>
          tx(FACTS)
            .insert(news)
            .onConflict(['entity_ref', 'fact_id'])
            .merge()
            .where(`${FACTS}.observed_at`, '<=', tx.ref('excluded.observed_at'))
            .then(() => true),
      );
      written += news.length;
    }
    return written;
  }

  /** Stores an attestation; returns its id. */
  async addAttestation(entityRef: string, a: Attestation): Promise<string> {
    const [row] = await this.writing([entityRef], tx =>
      tx(ATTESTATIONS)
        .insert({
          entity_ref: entityRef,
          check_id: a.checkId,
          attested_by: a.attestedBy,
          attested_at: iso(a.attestedAt),
          expires_at: a.expiresAt ? iso(a.expiresAt) : null,
          evidence_url: a.evidenceUrl ?? null,
          note: a.note ?? null,
        })
        .returning('id'),
    );
    return String(typeof row === 'object' ? row.id : row);
  }

  /**
   * Stores an exemption: granted when `approvedBy` is given, else requested
   * (by `requestedBy`) until someone grants it. Returns its id.
   */
  async addExemption(
    entityRef: string,
    e: Partial<Exemption> & Pick<Exemption, 'checkId' | 'reason'>,
    options: { createdAt: string; requestedBy?: string },
  ): Promise<string> {
    const [row] = await this.writing([entityRef], tx =>
      tx(EXEMPTIONS)
        .insert({
          entity_ref: entityRef,
          check_id: e.checkId,
          reason: e.reason,
          approved_by: e.approvedBy ?? null,
          requested_by: options.requestedBy ?? null,
          created_at: options.createdAt,
          granted_at: e.approvedBy ? options.createdAt : null,
          expires_at: e.expiresAt ? iso(e.expiresAt) : null,
        })
        .returning('id'),
    );
    return String(typeof row === 'object' ? row.id : row);
  }

  /**
   * Exemption requests nobody granted, revoked or withdrew yet, and whose
   * asked-for end has not passed, oldest first (at most 500).
   */
  async listPendingExemptions(now: Date): Promise<
    Array<{
      id: string;
      entityRef: string;
      checkId: string;
      reason: string;
      requestedBy?: string;
      createdAt: string;
    }>
  > {
    const rows = await this.db(EXEMPTIONS)
      .whereNull('approved_by')
      .whereNull('revoked_at')
      .where(q =>
        q.whereNull('expires_at').orWhere('expires_at', '>', now.toISOString()),
      )
      .orderBy('created_at', 'asc')
      .limit(500);
    return rows.map(r => ({
      id: String(r.id),
      entityRef: r.entity_ref,
      checkId: r.check_id,
      reason: r.reason,
      requestedBy: orUndefined(r.requested_by),
      createdAt: iso(r.created_at),
    }));
  }

  /** Every attestation of an entity, newest first (at most 200). */
  /**
   * Attestations and granted exemptions in force that run out between `from`
   * and `to`, for "expires soon" notifications.
   */
  async listExpiring(
    from: Date,
    to: Date,
  ): Promise<
    Array<{
      entityRef: string;
      checkId: string;
      kind: 'attestation' | 'exemption';
      expiresAt: string;
      /** Who attested, or who granted the exemption. */
      by: string;
    }>
  > {
    const window = (q: Knex.QueryBuilder, by: string) =>
      q
        .whereNull('revoked_at')
        .where('expires_at', '>', from.toISOString())
        .where('expires_at', '<=', to.toISOString())
        .select('entity_ref', 'check_id', 'expires_at', `${by} as by`);
    const [attestations, exemptions] = await Promise.all([
      // A renewed attestation replaces the older one: only the newest counts.
      window(
        this.db(`${TABLES.attestations} as a`),
        'attested_by',
      ).whereNotExists(
        this.db(`${TABLES.attestations} as b`)
          .whereRaw('b.entity_ref = a.entity_ref')
          .whereRaw('b.check_id = a.check_id')
          .whereRaw('b.attested_at > a.attested_at')
          .whereNull('b.revoked_at')
          .select(this.db.raw('1')),
      ),
      window(
        this.db(TABLES.exemptions).whereNotNull('granted_at'),
        'approved_by',
      ),
    ]);
    const row = (kind: 'attestation' | 'exemption') => (r: any) => ({
      entityRef: r.entity_ref,
      checkId: r.check_id,
      kind,
      expiresAt: iso(r.expires_at),
      by: r.by as string,
    });
    return [
      ...attestations.map(row('attestation')),
      ...exemptions.map(row('exemption')),
    ];
  }

  async listAttestations(entityRef: string, now: Date) {
    const rows = await this.newest(ATTESTATIONS, entityRef, 'attested_at');
    return rows.map(
      (r): AttestationRecord => ({
        id: String(r.id),
        entityRef: r.entity_ref,
        ...attestationOf(r),
        status: statusOf(r, now, 'valid'),
      }),
    );
  }

  /** Every exemption of an entity, newest first (at most 200). */
  async listExemptions(entityRef: string, now: Date) {
    const rows = await this.newest(EXEMPTIONS, entityRef, 'created_at');
    return rows.map(
      (r): ExemptionRecord => ({
        id: String(r.id),
        entityRef: r.entity_ref,
        checkId: r.check_id,
        reason: r.reason,
        requestedBy: orUndefined(r.requested_by),
        approvedBy: orUndefined(r.approved_by),
        createdAt: iso(r.created_at),
        grantedAt: isoOrUndefined(r.granted_at),
        expiresAt: isoOrUndefined(r.expires_at),
        revokedAt: isoOrUndefined(r.revoked_at),
        revokedBy: orUndefined(r.revoked_by),
        revokeReason: orUndefined(r.revoke_reason),
        status: r.approved_by
          ? statusOf(r, now, 'granted')
          : statusOf(r, now, 'requested'),
      }),
    );
  }

  /** The latest 200 rows of one entity in a table, newest first. */
  private newest(table: string, entityRef: string, timeColumn: string) {
    return this.db(table)
      .where('entity_ref', entityRef)
      .orderBy(timeColumn, 'desc')
      .orderBy('id', 'desc')
      .limit(200);
  }

  /** Marks an attestation or exemption of this entity revoked; false when there is none to revoke. */
  async revoke(
    kind: 'attestation' | 'exemption',
    entityRef: string,
    id: string,
    by: string,
    at: string,
    reason?: string,
  ): Promise<boolean> {
    if (!/^\d+$/.test(id)) return false;
    const updated = await this.writing([entityRef], tx =>
      tx(kind === 'attestation' ? ATTESTATIONS : EXEMPTIONS)
        .where({ entity_ref: entityRef, id: Number(id) })
        .whereNull('revoked_at')
        .update({
          revoked_at: at,
          revoked_by: by,
          revoke_reason: reason ?? null,
        }),
    );
    return updated === 1;
  }

  /** Grants a requested exemption; false when it is not a pending request of this entity. */
  async grantExemption(
    entityRef: string,
    id: string,
    by: string,
    at: string,
  ): Promise<boolean> {
    if (!/^\d+$/.test(id)) return false;
    const updated = await this.writing([entityRef], tx =>
      tx(EXEMPTIONS)
        .where({ entity_ref: entityRef, id: Number(id) })
        .whereNull('approved_by')
        .whereNull('revoked_at')
        .update({ approved_by: by, granted_at: at }),
    );
    return updated === 1;
  }
}

/** `revoked`, `expired`, or the given live status. */
function statusOf<T extends string>(
  r: { revoked_at: unknown; expires_at: unknown },
  now: Date,
  live: T,
): T | 'revoked' | 'expired' {
  if (r.revoked_at) return 'revoked';
  const expires = isoOrUndefined(r.expires_at);
  if (expires && Date.parse(expires) <= now.getTime()) return 'expired';
  return live;
}
