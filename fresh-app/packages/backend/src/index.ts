import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Readiness (docs/install.md, step 1)
backend.add(import('@readiness/backstage-plugin-readiness-backend'));
backend.add(
  import('@readiness/backstage-plugin-catalog-backend-module-readiness'),
);

backend.start();
