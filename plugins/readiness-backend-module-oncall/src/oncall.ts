import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { ReadinessFactProvider } from '@readiness/backstage-plugin-readiness-node';

/** Annotations that name an on-call integration, per provider. */
const INTEGRATIONS: Record<string, string[]> = {
  pagerduty: ['pagerduty.com/integration-key', 'pagerduty.com/service-id'],
  opsgenie: ['opsgenie.com/component-selector', 'opsgenie.com/team'],
};

/** The value of the `oncall` fact: which integrations an entity declares. */
export interface OnCallFact {
  declared: boolean;
  providers: string[];
}

/** Reads the on-call integrations an entity declares; no network calls. */
export function onCallOf(entity: Entity): OnCallFact {
  const annotations = entity.metadata.annotations ?? {};
  const providers = Object.entries(INTEGRATIONS)
    .filter(([, keys]) => keys.some(k => annotations[k]?.trim()))
    .map(([name]) => name);
  return { declared: providers.length > 0, providers };
}

/**
 * A fact provider reporting, as the `oncall` fact, whether each component
 * declares a PagerDuty or Opsgenie integration. An example of the extension
 * point: it reads catalog data only, once an hour.
 */
export const onCallFactProvider: ReadinessFactProvider = {
  id: 'oncall-integration',
  schedule: {
    frequency: { hours: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
  },
  appliesTo: entity => entity.kind.toLowerCase() === 'component',
  async collect(entities, { now }) {
    return entities.map(entity => ({
      entityRef: stringifyEntityRef(entity).toLowerCase(),
      fact: {
        id: 'oncall',
        value: { ...onCallOf(entity) },
        observedAt: now.toISOString(),
      },
    }));
  },
};
