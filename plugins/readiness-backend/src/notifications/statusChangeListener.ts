import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EvaluationListener } from '../evaluation/events';
import type { ReadinessNotifier } from './ReadinessNotifier';

/**
 * Tells an entity's owners when its status changes (a first result is no
 * change). Telling people never fails an evaluation: errors are logged.
 */
export function statusChangeListener(
  notifier: ReadinessNotifier,
  logger: LoggerService,
): EvaluationListener {
  return {
    async resultsWritten(results) {
      const transitions = results.flatMap(r =>
        r.previousStatus && r.previousStatus !== r.status
          ? [
              {
                entityRef: r.entityRef,
                scorecard: r.scorecard,
                from: r.previousStatus,
                to: r.status,
              },
            ]
          : [],
      );
      if (transitions.length === 0) return;
      await notifier
        .statusChanged(transitions)
        .catch(error =>
          logger.warn(`Readiness: could not notify status changes: ${error}`),
        );
    },
  };
}
