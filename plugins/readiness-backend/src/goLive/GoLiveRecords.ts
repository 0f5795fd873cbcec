import { ConflictError, InputError } from '@backstage/errors';
import {
  EntityReadinessResponse,
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

const noGoLiveDate = (ref: string) =>
  new InputError(
    `${ref} has no go-live date (readiness/go-live-date); set one first`,
  );

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
  tickPhaseItem(
    user: UserCredentials,
    entityRef: string,
    body: { phase?: unknown; week?: unknown; item?: unknown; note?: unknown },
  ): Promise<GoLiveResponse> {
    return this.record(user, entityRef, 'tick off go-live items', async by => {
      const state = await this.core.stateOf(by.entity, user);
      if (!state.goLiveDate) throw noGoLiveDate(by.entity.entityRef);
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
      // T-7's checklist may be worked through early; later phases from their day.
      if (phase !== 'checklist' && list.opensOn > by.at.slice(0, 10))
        throw new ConflictError(
          `${list.label} opens on ${list.opensOn}; its items are ticked off from then`,
        );
      const note = text(body?.note, 'note', 1000);
      await this.core.options.store.addPhaseItem(
        by.entity.entityRef,
        state.goLiveDate,
        {
          phase,
          occurrence,
          item,
          doneBy: by.user,
          doneAt: by.at,
          ...(note ? { note } : {}),
        },
      );
    });
  }

  /** Records the daily check of a first-week day (today or a day before). */
  recordDailyCheck(
    user: UserCredentials,
    entityRef: string,
    body: { day?: unknown; items?: unknown },
  ): Promise<GoLiveResponse> {
    return this.record(user, entityRef, 'record checks', async by => {
      const date = by.entity.owners.goLiveDate;
      if (parseGoLiveDate(date) === undefined)
        throw noGoLiveDate(by.entity.entityRef);
      const today = by.at.slice(0, 10);
      const day = body?.day === undefined ? today : String(body.day).trim();
      if (!isFirstWeekDay(date, day)) {
        const week = firstWeek(date, this.core.now(), []);
        throw new InputError(
          `day: "${day}" is not a day of the first production week (${week[0].date} … ${week[6].date})`,
        );
      }
      if (day > today)
        throw new InputError(
          `day: ${day} has not come yet (today is ${today})`,
        );
      const items = parseDailyCheckItems(body?.items);
      await this.core.options.store.addDailyCheck(by.entity.entityRef, {
        day,
        items,
        checkedBy: by.user,
        checkedAt: by.at,
      });
    });
  }

  /** Records a risky action of the first weeks. */
  recordRiskyAction(
    user: UserCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<GoLiveResponse> {
    return this.record(user, entityRef, 'record risky actions', by =>
      this.core.options.store.addRiskyAction(
        by.entity.entityRef,
        parseRiskyAction(body, by.user, by.at),
      ),
    );
  }

  /** Records the closure review, from day 7 of the first week on. */
  recordClosureReview(
    user: UserCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<GoLiveResponse> {
    return this.record(user, entityRef, 'record the closure review', by => {
      const date = by.entity.owners.goLiveDate;
      const start = parseGoLiveDate(date);
      if (start === undefined || !date) throw noGoLiveDate(by.entity.entityRef);
      const opens = start + 7 * DAY_MS;
      if (Date.parse(by.at) < opens)
        throw new ConflictError(
          `The closure review comes at the end of the first week, from ${new Date(
            opens,
          )
            .toISOString()
            .slice(0, 10)}`,
        );
      return this.core.options.store.addClosureReview(
        by.entity.entityRef,
        date,
        parseClosureReview(body, by.user, by.at),
      );
    });
  }

  /**
   * Writes one record if the caller may (`readiness.attestation.create`
   * on the entity, people only), then answers as GET does for them.
   */
  private async record(
    user: UserCredentials,
    entityRef: string,
    what: string,
    write: (by: {
      entity: EntityReadinessResponse;
      user: string;
      at: string;
    }) => Promise<unknown>,
  ): Promise<GoLiveResponse> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `${what} of ${r}`,
    );
    await write({
      entity,
      user: user.principal.userEntityRef,
      at: this.core.now().toISOString(),
    });
    return this.core.forCaller(entity, user);
  }
}
