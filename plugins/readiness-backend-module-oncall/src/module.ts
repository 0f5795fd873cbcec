import { createBackendModule } from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { onCallFactProvider } from './oncall';

/**
 * Adds the `oncall` fact (declared PagerDuty / Opsgenie integrations) to the
 * Readiness backend.
 *
 * @public
 */
export const readinessModuleOnCall = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'oncall',
  register(env) {
    env.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider(onCallFactProvider);
      },
    });
  },
});
