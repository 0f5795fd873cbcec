import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

/**
 * A schedule from config (default: `readiness.evaluation.schedule`, every 10
 * minutes). Readiness tasks are global (one replica runs each at a time); a
 * configured `scope` other than `global` would make every replica do the
 * same work, so it is refused with the field named.
 */
export function readSchedule(
  config: Config,
  key = 'readiness.evaluation.schedule',
  defaults: SchedulerServiceTaskScheduleDefinition = DEFAULT_SCHEDULE,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) return defaults;
  const scope = config.getOptionalString(`${key}.scope`);
  if (scope !== undefined && scope !== 'global') {
    throw new Error(
      `${key}.scope: Readiness tasks always run with scope "global" (one replica at a time); remove "scope: ${scope}"`,
    );
  }
  return readSchedulerServiceTaskScheduleDefinitionFromConfig(
    config.getConfig(key),
  );
}
