import { Knex } from 'knex';
import { parseGoLiveDate } from '@readiness/backstage-plugin-readiness-common';
import { chunks, iso, TABLES } from '../platform/database/util';

const { evaluationState: STATE } = TABLES;

/** What the evaluator last saw of one entity. */
export interface EvaluationState {
  entityRef: string;
  /** Hash of what the evaluation read from the catalog; undefined before the first. */
  inputHash?: string;
  /** Bumped by every evidence write for the entity. */
  evidenceVersion: number;
  /** `evidenceVersion` as the last evaluation read it. */
  evaluatedVersion: number;
  /** Evaluate again at this time (epoch ms) even when nothing changed. */
  recheckAt?: number;
}

/** The owners of an entity as the API returns them (see `ownersOf`). */
export type StoredOwners = Record<string, string | undefined>;

/**
 * Per-entity evaluation state: lets a cycle skip entities whose inputs have
 * not changed. Evidence writes bump the version, evaluations record what
 * they read; both upsert different columns of the same row.
 */
export class EvaluationStateStore {
  constructor(private readonly db: Knex) {}

  /** Every entity's state, by entity ref. */
  async listStates(): Promise<Map<string, EvaluationState>> {
    const rows = await this.db(STATE).select(
      'entity_ref',
      'input_hash',
      'evidence_version',
      'evaluated_version',
      'recheck_at',
    );
    return new Map(rows.map(r => [r.entity_ref, toState(r)]));
  }

  /** The states of these entities (those that have one), by entity ref. */
  async getStates(entityRefs: string[]): Promise<Map<string, EvaluationState>> {
    const out = new Map<string, EvaluationState>();
    for (const refs of chunks(entityRefs)) {
      const rows = await this.db(STATE)
        .whereIn('entity_ref', refs)
        .select(
          'entity_ref',
          'input_hash',
          'evidence_version',
          'evaluated_version',
          'recheck_at',
        );
      for (const r of rows) out.set(r.entity_ref, toState(r));
    }
    return out;
  }

  /** The owners stored by the entity's last evaluation; undefined before one. */
  async getOwners(entityRef: string): Promise<StoredOwners | undefined> {
    return (await this.getLastEvaluation(entityRef)).owners;
  }

  /** The owners and the time of the entity's last evaluation; empty before one. */
  async getLastEvaluation(
    entityRef: string,
  ): Promise<{ owners?: StoredOwners; evaluatedAt?: string }> {
    const row = await this.db(STATE)
      .where('entity_ref', entityRef)
      .first('owners', 'evaluated_at');
    return {
      ...(row?.owners ? { owners: JSON.parse(row.owners) } : {}),
      ...(row?.evaluated_at ? { evaluatedAt: iso(row.evaluated_at) } : {}),
    };
  }

  /** The evidence version of each of these entities (0 when never written). */
  async getEvidenceVersions(
    entityRefs: string[],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const refs of chunks(entityRefs)) {
      const rows = await this.db(STATE)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'evidence_version');
      for (const r of rows) out.set(r.entity_ref, Number(r.evidence_version));
    }
    return out;
  }

  /** Those of these entities never evaluated (no state, or no input hash yet). */
  async listNeverEvaluated(entityRefs: string[]): Promise<string[]> {
    const seen = new Set<string>();
    for (const refs of chunks(entityRefs)) {
      const rows = await this.db(STATE)
        .whereIn('entity_ref', refs)
        .whereNotNull('input_hash')
        .select('entity_ref');
      for (const r of rows) seen.add(r.entity_ref);
    }
    return entityRefs.filter(r => !seen.has(r));
  }

  /** Records evidence news for these entities: they are evaluated again. */
  async bumpEvidence(entityRefs: string[], tx: Knex = this.db): Promise<void> {
    const refs = [...new Set(entityRefs)].sort();
    for (const batch of chunks(refs)) {
      await tx(STATE)
        .insert(batch.map(entity_ref => ({ entity_ref, evidence_version: 1 })))
        .onConflict('entity_ref')
        .merge({
          evidence_version: tx.raw('?? + 1', [`${STATE}.evidence_version`]),
        });
    }
  }

  /** Records what evaluations read; leaves `evidence_version` alone. */
  async saveStates(
    states: Array<
      Omit<EvaluationState, 'evidenceVersion'> & {
        owners: StoredOwners;
        /** When it was evaluated (ISO); absent: not recorded. */
        evaluatedAt?: string;
      }
    >,
  ): Promise<void> {
    const sorted = [...states].sort((a, b) =>
      a.entityRef < b.entityRef ? -1 : 1,
    );
    for (const batch of chunks(sorted)) {
      await this.db(STATE)
        .insert(
          batch.map(s => ({
            entity_ref: s.entityRef,
            input_hash: s.inputHash ?? null,
            evaluated_version: s.evaluatedVersion,
            recheck_at:
              s.recheckAt === undefined
                ? null
                : new Date(s.recheckAt).toISOString(),
            owners: JSON.stringify(s.owners),
            evaluated_at: s.evaluatedAt ?? null,
            go_live_date:
              parseGoLiveDate(s.owners.goLiveDate) === undefined
                ? null
                : s.owners.goLiveDate,
          })),
        )
        .onConflict('entity_ref')
        .merge([
          'input_hash',
          'evaluated_version',
          'recheck_at',
          'owners',
          'evaluated_at',
          'go_live_date',
        ]);
    }
  }

  /** Entities whose last evaluation saw a valid go-live date, by date. */
  async listGoLives(): Promise<
    Array<{ entityRef: string; goLiveDate: string }>
  > {
    return (
      await this.db(STATE)
        .whereNotNull('go_live_date')
        .orderBy('go_live_date')
        .orderBy('entity_ref')
        .select('entity_ref', 'go_live_date')
    ).map(r => ({ entityRef: r.entity_ref, goLiveDate: r.go_live_date }));
  }

  /** Forgets entities gone from the catalog. */
  async deleteStates(entityRefs: string[]): Promise<void> {
    for (const refs of chunks(entityRefs)) {
      await this.db(STATE).whereIn('entity_ref', refs).delete();
    }
  }
}

function toState(r: any): EvaluationState {
  return {
    entityRef: r.entity_ref,
    inputHash: r.input_hash ?? undefined,
    evidenceVersion: Number(r.evidence_version),
    evaluatedVersion: Number(r.evaluated_version),
    recheckAt: r.recheck_at ? Date.parse(iso(r.recheck_at)) : undefined,
  };
}
