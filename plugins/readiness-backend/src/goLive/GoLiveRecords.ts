import { ConflictError, InputError } from '@backstage/errors';
import {
  firstWeek,
  GoLiveResponse,
  isFirstWeekDay,
  parseGoLiveDate,
  readinessAttestationCreatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import { DAY_MS, text } from '../platform/input';
import type { GoLiveCore, UserCredentials } from './goLiveCore';
import {
  oneOf,
  parseClosureReview,
  parseDailyCheckItems,
  parseRiskyAction,
} from './goLiveInput';

/**
 * What people record during a go-live, each with
 * `readiness.attestation.create` on the entity (a person vouching for what
 * they saw): the phases' checklist items, the first week's daily checks, its
 * risky actions and the closure review.
 */
export class GoLiveRecords {
  constructor(private readonly core: GoLiveCore) {}

  /**
   * Ticks off an item of a phase's checklist (`goLive.phases`) for the
   * current go-live date: once, from the day its phase opens; weekly
   * reviews name their week (2, 3 or 4).
   */
  async tickPhaseItem(
    user: UserCredentials,
    entityRef: string,
    body: { phase?: unknown; week?: unknown; item?: unknown; note?: unknown },
  ): Promise<GoLiveResponse> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `tick off go-live items of ${r}`,
    );
    const ref = entity.entityRef;
    const state = await this.core.stateOf(entity, user);
    if (!state.goLiveDate)
      throw new InputError(
        `${ref} has no go-live date (readiness/go-live-date); set one first`,
      );
    const phases = [...new Set(state.checklists.map(c => c.phase))];
    if (phases.length === 0)
      throw new InputError(
        `phase: the scorecard ${
          state.scorecard ?? ''
        } lists no go-live phase items (goLive.phases)`,
      );
    const phase = oneOf(body?.phase, 'phase', phases);
    const occurrence =
      phase === 'weekly-review'
        ? `week-${oneOf(String(body?.week ?? ''), 'week', ['2', '3', '4'])}`
        : '';
    const list = state.checklists.find(
      c => c.phase === phase && c.occurrence === occurrence,
    )!;
    const item = oneOf(
      body?.item,
      'item',
      list.items.map(i => i.id),
    );
    const today = this.core.now().toISOString().slice(0, 10);
    // T-7's checklist may be worked through early; later phases from their day.
    if (phase !== 'checklist' && list.opensOn > today)
      throw new ConflictError(
        `${list.label} opens on ${list.opensOn}; its items are ticked off from then`,
      );
    const note = text(body?.note, 'note', 1000);
    await this.core.options.store.addPhaseItem(ref, state.goLiveDate, {
      phase,
      occurrence,
      item,
      doneBy: user.principal.userEntityRef,
      doneAt: this.core.now().toISOString(),
      ...(note ? { note } : {}),
    });
    return this.core.forCaller(entity, user);
  }

  /** Records the daily check of a first-week day (today or a day before). */
  async recordDailyCheck(
    user: UserCredentials,
    entityRef: string,
    body: { day?: unknown; items?: unknown },
  ): Promise<GoLiveResponse> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `record checks of ${r}`,
    );
    const ref = entity.entityRef;
    const date = entity.owners.goLiveDate;
    if (parseGoLiveDate(date) === undefined)
      throw new InputError(
        `${ref} has no go-live date (readiness/go-live-date); set one first`,
      );
    const today = this.core.now().toISOString().slice(0, 10);
    const day = body?.day === undefined ? today : String(body.day).trim();
    if (!isFirstWeekDay(date, day)) {
      const week = firstWeek(date, this.core.now(), []);
      throw new InputError(
        `day: "${day}" is not a day of the first production week (${week[0].date} … ${week[6].date})`,
      );
    }
    if (day > today)
      throw new InputError(`day: ${day} has not come yet (today is ${today})`);
    const items = parseDailyCheckItems(body?.items);
    await this.core.options.store.addDailyCheck(ref, {
      day,
      items,
      checkedBy: user.principal.userEntityRef,
      checkedAt: this.core.now().toISOString(),
    });
    return this.core.forCaller(entity, user);
  }

  /** Records a risky action of the first weeks. */
  async recordRiskyAction(
    user: UserCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<GoLiveResponse> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `record risky actions of ${r}`,
    );
    const ref = entity.entityRef;
    const action = parseRiskyAction(
      body,
      user.principal.userEntityRef,
      this.core.now().toISOString(),
    );
    await this.core.options.store.addRiskyAction(ref, action);
    return this.core.forCaller(entity, user);
  }

  /** Records the closure review, from day 7 of the first week on. */
  async recordClosureReview(
    user: UserCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<GoLiveResponse> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `record the closure review of ${r}`,
    );
    const ref = entity.entityRef;
    const date = entity.owners.goLiveDate;
    const start = parseGoLiveDate(date);
    if (start === undefined || !date)
      throw new InputError(
        `${ref} has no go-live date (readiness/go-live-date); set one first`,
      );
    if (this.core.now().getTime() < start + 7 * DAY_MS)
      throw new ConflictError(
        `The closure review comes at the end of the first week, from ${new Date(
          start + 7 * DAY_MS,
        )
          .toISOString()
          .slice(0, 10)}`,
      );
    const review = parseClosureReview(
      body,
      user.principal.userEntityRef,
      this.core.now().toISOString(),
    );
    await this.core.options.store.addClosureReview(ref, date, review);
    return this.core.forCaller(entity, user);
  }
}
