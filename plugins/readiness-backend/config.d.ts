import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Readiness plugins. */
  readiness?: {
    /**
     * Scorecard files, validated at start-up (an invalid one stops the
     * backend with the field that is wrong). Relative paths are resolved
     * against the repository root (where Backstage finds app-config.yaml;
     * /app in the built image), whatever the working directory.
     */
    scorecards?: Array<{
      /** Path of a YAML file with one or more scorecards. */
      file: string;
    }>;
    evaluation?: {
      /**
       * How often each shard evaluates its entities.
       * Default: every 10 minutes, 15 seconds after start, 5 minute timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Number of shards the catalog is cut into by entity-ref hash. Each
       * shard is a scheduled task that runs on one replica at a time. Default 4.
       */
      shards?: number;
    };
    history?: {
      /** Days of daily history and change log to keep. Default 180. */
      retentionDays?: number;
    };
  };
}
