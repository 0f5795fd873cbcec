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
 * The evaluation schedule from `readiness.evaluation.schedule`. Shards are
 * global tasks (one replica runs each at a time); a configured `scope` other
 * than `global` would make every replica evaluate every shard, so it is
 * refused with the field named.
 */
export function readSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const key = 'readiness.evaluation.schedule';
  if (!config.has(key)) return DEFAULT_SCHEDULE;
  const scope = config.getOptionalString(`${key}.scope`);
  if (scope !== undefined && scope !== 'global') {
    throw new Error(
      `${key}.scope: evaluation shards always run with scope "global" (one replica at a time); remove "scope: ${scope}"`,
    );
  }
  return readSchedulerServiceTaskScheduleDefinitionFromConfig(
    config.getConfig(key),
  );
}
