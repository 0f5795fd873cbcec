import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type { Fact } from '@readiness/backstage-plugin-readiness-common';

/**
 * A fact a provider collected: the entity it is about, and the fact. The
 * backend sets the fact's `source` to the provider id when it is missing.
 *
 * @public
 */
export interface CollectedFact {
  entityRef: string;
  fact: Fact;
}

/**
 * What a provider gets when it collects.
 *
 * @public
 */
export interface ReadinessFactCollectContext {
  logger: LoggerService;
  /** Aborted when the run times out or the backend stops: stop early. */
  signal: AbortSignal;
  /** The time facts are observed at, unless the provider knows better. */
  now: Date;
}

/**
 * A source of facts about catalog entities (the HTTP prober, an on-call
 * integration, a value from another system), contributed by a backend
 * module. The Readiness backend runs it on its schedule over the entities it
 * applies to, stores what it returns and re-evaluates those entities; it also
 * runs it for one entity when someone presses Re-evaluate.
 *
 * @public
 */
export interface ReadinessFactProvider {
  /** Unique id, `[a-z0-9-]+`; the default `source` of every fact it yields. */
  readonly id: string;
  /** When to collect; the backend's default (every 10 minutes) when left out. */
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;
  /** Which entities to collect for; every entity the scorecards cover when left out. */
  appliesTo?(entity: Entity): boolean;
  /**
   * Collects facts for these entities. One failing entity should not fail
   * the rest: return an error value for it (as the HTTP prober does) or
   * leave it out. A thrown error is logged and the run is retried on the
   * next schedule.
   */
  collect(
    entities: Entity[],
    context: ReadinessFactCollectContext,
  ): Promise<CollectedFact[]>;
}

/**
 * Lets backend modules add fact providers to the Readiness backend.
 *
 * @public
 */
export interface ReadinessFactProvidersExtensionPoint {
  addFactProvider(...providers: ReadinessFactProvider[]): void;
}

/**
 * Extension point for {@link ReadinessFactProvidersExtensionPoint}.
 *
 * @public
 */
export const readinessFactProvidersExtensionPoint =
  createExtensionPoint<ReadinessFactProvidersExtensionPoint>({
    id: 'readiness.fact-providers',
  });
