import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A source of facts about catalog entities (for example a load-test result
 * pushed by CI, or the answer of a custom probe), contributed by a backend
 * module.
 *
 * @public
 */
export interface ReadinessFactProvider {
  /** Unique id, used as the source of every fact this provider yields. */
  readonly id: string;
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
