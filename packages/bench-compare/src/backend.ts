/*
 * The comparison backend: one catalog with the generated entities, the
 * Readiness plugin and the community Tech Insights plugin with equivalent
 * checks, guest sign-in and an allow-all permission policy (so user requests
 * pay for a permission check, as in production). Started by
 * scripts/compare.js; not a product.
 */
import { createBackend } from '@backstage/backend-defaults';
import { benchCatalogModule } from './catalogModule';
import { benchTechInsightsModule } from './techInsightsModule';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(benchCatalogModule);
// Names changed entities to Readiness (the freshness measure).
backend.add(
  import('@readiness/backstage-plugin-catalog-backend-module-readiness'),
);
backend.add(import('@readiness/backstage-plugin-readiness-backend'));
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(benchTechInsightsModule);
backend.start();
