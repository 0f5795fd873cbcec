import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Readiness plugins. */
  readiness?: {
    /**
     * Scorecard files, validated at start-up (an invalid one stops the
     * backend with the field that is wrong) and on every reload. Relative paths are resolved
     * against the repository root (the workspace root above the working
     * directory; /app in the built image); elsewhere use absolute paths.
     */
    scorecards?: Array<{
      /** Path of a YAML file with one or more scorecards. */
      file: string;
    }>;
    /**
     * Scorecard files are read again without a restart: every replica checks
     * its files this often and before each shard runs (a valid change applies
     * to every evaluation that starts after it, and the shards not running
     * start at once; an invalid one is refused with the field, logged once
     * and shown on the org page, and the running scorecards stay), and
     * `POST /scorecards/reload` does it at once on the replica that answers.
     */
    scorecardReload?: {
      /** Default true. */
      enabled?: boolean;
      /** Default 30 seconds; at least one second. */
      frequency?: HumanDuration | string;
    };
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
      /**
       * Evaluation is incremental: an entity is evaluated again only when its
       * catalog data, ownership edits, evidence, the organisation or the
       * scorecards change, or when time changes its result (evidence or an
       * exemption runs out). As a safety net every entity is evaluated again
       * at least this often. Default one day (`{ days: 1 }` or `P1D`).
       */
      fullPassEvery?: HumanDuration | string;
      /**
       * Evaluate the entities Readiness's catalog module names as changed
       * (events topic `readiness.catalog-changed`) within seconds, instead of
       * at the next cycle. Needs the catalog module, and the events backend
       * when the catalog runs in another backend. Default true.
       */
      followCatalog?: boolean;
    };
    history?: {
      /** Days of daily history and change log to keep. Default 180. */
      retentionDays?: number;
    };
    exemptions?: {
      /** The longest an exemption may last, in days. Default 90. */
      maxDays?: number;
      /**
       * Who grants exemptions (groups or users, e.g. `group:default/platform`):
       * told by notification when someone asks for one. The permission policy
       * still decides who may grant (`readiness.exemption.create`).
       */
      grantedBy?: string[];
    };
    /**
     * HTTP probes of each entity's `readiness/health-url` annotation (or its
     * first link of type `linkType`), stored as the `http` fact that `http`
     * checks read.
     */
    ownership?: {
      /**
       * Send a Backstage notification to a group (its members) or user when
       * an edit newly names them incident, technical or customer-communication
       * owner. Needs the notifications backend, and is off too when
       * `readiness.notifications.enabled` is false. Default true.
       */
      notify?: boolean;
    };
    notifications?: {
      /**
       * Tell an entity's three owners (Backstage notifications) when its
       * status changes, when an attestation or exemption runs out within
       * seven days, when a daily check of the first production week is
       * missed, and when sign-off is requested. Each is sent once; a status
       * when it differs from the last one told, at most five a day per entity
       * and scorecard. False turns off every notice of the plugin, including
       * the one to newly named owners. Default true.
       */
      enabled?: boolean;
    };
    /**
     * The weekly digest: one Backstage notification per team that owns a
     * scored service (`spec.owner`), or signs or grants, with its blocked
     * services, the status moves of the past week, evidence and owner
     * confirmations running out in the next, the initiatives where it is
     * still open, and what waits for it (sign-offs its group owes, exemption
     * requests it grants). A team with nothing to hear gets none. With the
     * notifications e-mail module the digest is an e-mail too.
     */
    digest?: {
      /** Default true (when notifications are on). */
      enabled?: boolean;
      /** The day it goes out (UTC), e.g. `monday` (the default). */
      weekday?: string;
      /** The hour it goes out, 0–23 UTC. Default 7. */
      hour?: number;
    };
    probes?: {
      /** Default true. */
      enabled?: boolean;
      /** Default every 10 minutes, 10 seconds after start; always one replica at a time. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Probes in flight at once. Default 8. */
      concurrency?: number;
      /** Time for one probe, every redirect and the body included. Default 10 seconds. */
      timeout?: HumanDuration | string;
      /** Bytes of a response body read at most. Default 65536. */
      maxBodyBytes?: number;
      /** Redirects followed at most. Default 5. */
      maxRedirects?: number;
      /**
       * Targets probed although the SSRF guard refuses them: host names
       * (`status.internal`, `*.corp.example`), addresses or CIDRs
       * (`10.20.0.0/16`). By default only public unicast addresses are
       * probed: no loopback, private, link-local (cloud metadata),
       * unique-local, CGNAT, multicast or reserved ranges.
       */
      allow?: string[];
      /** The `metadata.links` type probed when the annotation is missing. Default `health`. */
      linkType?: string;
      /**
       * PEM file(s) of certificate authorities to trust besides Node's
       * built-in list, for targets whose certificates an internal CA signed.
       * Relative paths are resolved against the repository root (`/app` in
       * the image). Read at every probe run, so a renewed file is picked up.
       */
      caFile?: string | string[];
    };
  };
}
