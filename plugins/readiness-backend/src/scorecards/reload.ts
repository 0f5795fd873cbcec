import {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import type { ScorecardRegistry } from '../evaluation/ScorecardRegistry';

/** How often each replica reads its scorecard files again, unless configured. */
const DEFAULT_FREQUENCY: HumanDuration = { seconds: 30 };

/** `readiness.scorecardReload`: on (every 30 s) unless `enabled: false`. */
export function readReloadConfig(config: Config): {
  enabled: boolean;
  frequency: HumanDuration;
} {
  const enabled =
    config.getOptionalBoolean('readiness.scorecardReload.enabled') ?? true;
  const frequency = config.has('readiness.scorecardReload.frequency')
    ? readDurationFromConfig(config, {
        key: 'readiness.scorecardReload.frequency',
      })
    : DEFAULT_FREQUENCY;
  if (durationToMilliseconds(frequency) < 1000)
    throw new Error(
      'readiness.scorecardReload.frequency: at least one second',
    );
  return { enabled, frequency };
}

/**
 * Reads the scorecard files again and logs what happened: a change with
 * the new revision, a refusal (the field that is wrong; the running
 * scorecards stay) once per distinct problem, so a broken file does not
 * fill the log every period.
 */
export function scorecardReloader(
  registry: ScorecardRegistry,
  logger: LoggerService,
) {
  let lastLogged: string | undefined;
  return () => {
    const before = registry.revision();
    try {
      const { changed, revision } = registry.reload();
      lastLogged = undefined;
      if (changed)
        logger.info(
          `Readiness: scorecards reloaded, revision ${revision} (was ${before})`,
        );
      return { changed, revision };
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastLogged)
        logger.error(`Readiness: scorecards not reloaded: ${message}`);
      lastLogged = message;
      throw error;
    }
  };
}

/**
 * Each replica reads its scorecard files again every period (a local task:
 * every replica keeps its own copy), so a change deployed to the files
 * (a ConfigMap, a git sync) is picked up without a restart, and replicas
 * with the same files converge on the same revision within one period.
 */
export async function scheduleScorecardReload(options: {
  scheduler: SchedulerService;
  config: Config;
  reload: () => unknown;
}) {
  const { enabled, frequency } = readReloadConfig(options.config);
  if (!enabled) return;
  await options.scheduler.scheduleTask({
    id: 'readiness-scorecard-reload',
    scope: 'local',
    frequency,
    timeout: { minutes: 1 },
    initialDelay: frequency,
    fn: async () => {
      try {
        options.reload();
      } catch {
        // Logged by the reloader; the running scorecards stay.
      }
    },
  });
}
