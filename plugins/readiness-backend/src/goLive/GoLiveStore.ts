import { ConflictError } from '@backstage/errors';
import type {
  ClosureReview,
  DailyCheck,
  PhaseItemTick,
  RiskyAction,
  Signoff,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import * as dbUtil from '../platform/database/util';

const {
  signoffs: SIGNOFFS,
  dailyChecks: DAILY,
  riskyActions: RISKY,
} = dbUtil.TABLES;
const { closureReviews: CLOSURE, phaseItems: PHASE_ITEMS } = dbUtil.TABLES;

const toSignoff = (r: any): Signoff => ({
  id: Number(r.id),
  role: r.role,
  scorecard: r.scorecard,
  goLiveDate: r.go_live_date,
  signedBy: r.signed_by,
  signedAt: dbUtil.iso(r.signed_at),
  note: dbUtil.orUndefined(r.note),
  voidedAt: dbUtil.isoOrUndefined(r.voided_at),
  voidReason: dbUtil.orUndefined(r.void_reason),
});

const isUniqueViolation = (e: unknown) =>
  /unique|duplicate/i.test(String((e as Error)?.message));

/**
 * The go-live workflow's records: sign-offs, the first week's daily checks,
 * risky actions and the closure review. Nothing is overwritten: a second
 * daily check of a day, or a second closure review, is a conflict.
 */
export class GoLiveStore {
  constructor(private readonly db: Knex) {}

  async listSignoffs(entityRef: string): Promise<Signoff[]> {
    return (
      await this.db(SIGNOFFS)
        .where('entity_ref', entityRef)
        .orderBy('signed_at', 'desc')
        .orderBy('id', 'desc')
    ).map(toSignoff);
  }

  /** Adds a sign-off; ConflictError when the role has a valid one for this go-live. */
  async addSignoff(
    entityRef: string,
    s: Omit<Signoff, 'id' | 'voidedAt' | 'voidReason'> & {
      scorecard: string;
      goLiveDate: string;
    },
  ): Promise<Signoff> {
    try {
      const [row] = await this.db(SIGNOFFS)
        .insert({
          entity_ref: entityRef,
          scorecard: s.scorecard,
          go_live_date: s.goLiveDate,
          role: s.role,
          signed_by: s.signedBy,
          signed_at: s.signedAt,
          note: s.note ?? null,
        })
        .returning('*');
      return toSignoff(row);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw new ConflictError(
        `${s.role} was signed off a moment ago by someone else`,
      );
    }
  }

  /** Voids one sign-off. */
  async voidSignoff(id: number, reason: string, at: string): Promise<void> {
    await this.db(SIGNOFFS)
      .where('id', id)
      .whereNull('voided_at')
      .update({ voided_at: at, void_reason: reason });
  }

  /**
   * Voids the valid sign-offs of these entities, whose status dropped below
   * Ready (one UPDATE per status and batch); returns how many.
   */
  async voidSignoffs(
    drops: Array<{ entityRef: string; scorecard: string; status: string }>,
    at: string,
  ): Promise<number> {
    const groups = new Map<
      string,
      { scorecard: string; status: string; refs: string[] }
    >();
    for (const d of drops) {
      const k = `${d.scorecard}\u0000${d.status}`;
      const g = groups.get(k) ?? {
        scorecard: d.scorecard,
        status: d.status,
        refs: [],
      };
      g.refs.push(d.entityRef);
      groups.set(k, g);
    }
    let n = 0;
    for (const { scorecard, status, refs } of groups.values()) {
      for (const batch of dbUtil.chunks([...new Set(refs)])) {
        n += await this.db(SIGNOFFS)
          .whereIn('entity_ref', batch)
          .where('scorecard', scorecard)
          .whereNull('voided_at')
          .update({
            voided_at: at,
            void_reason: `the status dropped to ${status} on ${at.slice(
              0,
              10,
            )}`,
          });
      }
    }
    return n;
  }

  /** The phase items ticked off for this go-live date. */
  async listPhaseItems(
    entityRef: string,
    goLiveDate: string,
  ): Promise<PhaseItemTick[]> {
    return (
      await this.db(PHASE_ITEMS)
        .where({ entity_ref: entityRef, go_live_date: goLiveDate })
        .orderBy('done_at')
    ).map(r => ({
      phase: r.phase,
      occurrence: r.occurrence,
      item: r.item,
      doneBy: r.done_by,
      doneAt: dbUtil.iso(r.done_at),
      note: dbUtil.orUndefined(r.note),
    }));
  }

  /** Ticks a phase item off, once; ConflictError when it already is. */
  async addPhaseItem(
    entityRef: string,
    goLiveDate: string,
    tick: PhaseItemTick,
  ): Promise<void> {
    try {
      await this.db(PHASE_ITEMS).insert({
        entity_ref: entityRef,
        go_live_date: goLiveDate,
        phase: tick.phase,
        occurrence: tick.occurrence,
        item: tick.item,
        done_by: tick.doneBy,
        done_at: tick.doneAt,
        note: tick.note ?? null,
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const had = (await this.listPhaseItems(entityRef, goLiveDate)).find(
        t =>
          t.phase === tick.phase &&
          t.occurrence === tick.occurrence &&
          t.item === tick.item,
      );
      throw new ConflictError(
        `item: ${tick.item} was already ticked off by ${had?.doneBy} at ${had?.doneAt}`,
      );
    }
  }

  async listDailyChecks(entityRef: string): Promise<DailyCheck[]> {
    return (
      await this.db(DAILY).where('entity_ref', entityRef).orderBy('day')
    ).map(r => ({
      day: r.day,
      items: JSON.parse(r.items),
      checkedBy: r.checked_by,
      checkedAt: dbUtil.iso(r.checked_at),
    }));
  }

  /** Records a day's check; ConflictError when that day is already checked. */
  async addDailyCheck(entityRef: string, check: DailyCheck): Promise<void> {
    try {
      await this.db(DAILY).insert({
        entity_ref: entityRef,
        day: check.day,
        items: JSON.stringify(check.items),
        checked_by: check.checkedBy,
        checked_at: check.checkedAt,
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const [had] = (await this.listDailyChecks(entityRef)).filter(
        c => c.day === check.day,
      );
      throw new ConflictError(
        `day: ${check.day} was already checked by ${had?.checkedBy} at ${had?.checkedAt}`,
      );
    }
  }

  async listRiskyActions(entityRef: string): Promise<RiskyAction[]> {
    return (
      await this.db(RISKY)
        .where('entity_ref', entityRef)
        .orderBy('recorded_at')
        .orderBy('id')
    ).map(r => ({
      id: Number(r.id),
      kind: r.kind,
      description: r.description,
      owner: r.owner,
      outcome: r.outcome,
      note: dbUtil.orUndefined(r.note),
      recordedBy: r.recorded_by,
      recordedAt: dbUtil.iso(r.recorded_at),
    }));
  }

  async addRiskyAction(
    entityRef: string,
    a: Omit<RiskyAction, 'id'>,
  ): Promise<RiskyAction> {
    const [row] = await this.db(RISKY)
      .insert({
        entity_ref: entityRef,
        kind: a.kind,
        description: a.description,
        owner: a.owner,
        outcome: a.outcome,
        note: a.note ?? null,
        recorded_by: a.recordedBy,
        recorded_at: a.recordedAt,
      })
      .returning('id');
    const id = typeof row === 'object' ? row.id : row;
    return { ...a, id: Number(id) };
  }

  async getClosureReview(
    entityRef: string,
    goLiveDate: string,
  ): Promise<ClosureReview | undefined> {
    const r = await this.db(CLOSURE)
      .where({ entity_ref: entityRef, go_live_date: goLiveDate })
      .first();
    return r
      ? {
          incidents: r.incidents,
          supportRequests: r.support_requests,
          qualityDeviations: r.quality_deviations,
          missingRunbookSteps: r.missing_runbook_steps,
          reviewedBy: r.reviewed_by,
          reviewedAt: dbUtil.iso(r.reviewed_at),
        }
      : undefined;
  }

  /** Records the closure review; ConflictError when one is recorded. */
  async addClosureReview(
    entityRef: string,
    goLiveDate: string,
    r: ClosureReview,
  ): Promise<void> {
    try {
      await this.db(CLOSURE).insert({
        entity_ref: entityRef,
        go_live_date: goLiveDate,
        incidents: r.incidents,
        support_requests: r.supportRequests,
        quality_deviations: r.qualityDeviations,
        missing_runbook_steps: r.missingRunbookSteps,
        reviewed_by: r.reviewedBy,
        reviewed_at: r.reviewedAt,
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const had = await this.getClosureReview(entityRef, goLiveDate);
      throw new ConflictError(
        `The closure review was already recorded by ${had?.reviewedBy} at ${had?.reviewedAt}`,
      );
    }
  }
}
