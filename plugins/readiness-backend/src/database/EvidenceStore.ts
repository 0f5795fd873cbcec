import type {
  Attestation,
  Exemption,
  Fact,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import type { EvidenceSet } from './types';
import { chunks, iso, isoOrUndefined, orUndefined, TABLES } from './util';

const {
  facts: FACTS,
  attestations: ATTESTATIONS,
  exemptions: EXEMPTIONS,
} = TABLES;

/** Facts (latest value per entity and fact id), attestations and exemptions. */
export class EvidenceStore {
  constructor(private readonly db: Knex) {}

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
        (r): Attestation => ({
          checkId: r.check_id,
          attestedBy: r.attested_by,
          attestedAt: iso(r.attested_at),
          expiresAt: isoOrUndefined(r.expires_at),
          evidenceUrl: orUndefined(r.evidence_url),
          note: orUndefined(r.note),
        }),
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
      for (const r of await this.db(table).whereIn('entity_ref', refs).select())
        (out[r.entity_ref] ??= []).push(map(r));
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
      await this.db(FACTS)
        .insert(news)
        .onConflict(['entity_ref', 'fact_id'])
        .merge()
        .where(
          `${FACTS}.observed_at`,
          '<=',
          this.db.ref('excluded.observed_at'),
        );
      written += news.length;
    }
    return written;
  }

  async addAttestation(entityRef: string, a: Attestation): Promise<void> {
    await this.db(ATTESTATIONS).insert({
      entity_ref: entityRef,
      check_id: a.checkId,
      attested_by: a.attestedBy,
      attested_at: iso(a.attestedAt),
      expires_at: a.expiresAt ? iso(a.expiresAt) : null,
      evidence_url: a.evidenceUrl ?? null,
      note: a.note ?? null,
    });
  }

  async addExemption(
    entityRef: string,
    e: Exemption,
    createdAt: string,
  ): Promise<void> {
    await this.db(EXEMPTIONS).insert({
      entity_ref: entityRef,
      check_id: e.checkId,
      reason: e.reason,
      approved_by: e.approvedBy,
      created_at: createdAt,
      expires_at: e.expiresAt ? iso(e.expiresAt) : null,
    });
  }
}
