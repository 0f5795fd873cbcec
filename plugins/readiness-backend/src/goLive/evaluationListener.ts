import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EvaluationListener } from '../evaluation/events';
import type { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import type { GoLiveStore } from './GoLiveStore';
import { missingSignoffGroups } from './signoffGroups';

/**
 * What go-live takes from each evaluation: a sign-off holds only while the
 * status stays Ready (a result written below Ready voids that scorecard's
 * sign-offs), and a sign-off role whose group the catalog lacks is logged,
 * once each.
 */
export function goLiveEvaluationListener(options: {
  store: GoLiveStore;
  scorecards: ScorecardRegistry;
  logger: LoggerService;
}): EvaluationListener {
  const warned = new Set<string>();
  return {
    async resultsWritten(results, at) {
      const dropped = results.filter(r => r.status !== 'ready');
      if (dropped.length === 0) return;
      await options.store.voidSignoffs(
        dropped.map(r => ({
          entityRef: r.entityRef,
          scorecard: r.scorecard,
          status: r.status,
        })),
        at,
      );
    },
    catalogRead(snapshot) {
      const missing = missingSignoffGroups(
        options.scorecards.list(),
        snapshot.organisation,
      );
      for (const [card, problems] of missing) {
        for (const p of problems) {
          if (warned.has(`${card}:${p}`)) continue;
          warned.add(`${card}:${p}`);
          options.logger.warn(`Readiness scorecard ${card}: ${p}`);
        }
      }
    },
  };
}
