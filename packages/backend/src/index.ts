/*
 * The demo backend: catalog, guest auth, a real permission policy, and the
 * Readiness plugins. See the README at the repository root.
 */

import { createBackend } from '@backstage/backend-defaults';
import { demoModules } from './demo';
import { e2eSignInModule } from './e2e/signInAs';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for the demo (see https://backstage.io/docs/auth/guest/provider)
backend.add(import('@backstage/plugin-auth-backend'));
// The "live" end-to-end backend signs its test people in through a guest
// provider that takes the person from a header, on loopback only (./e2e).
if (process.env.READINESS_E2E_SIGN_IN_AS === '1') backend.add(e2eSignInModule);
else
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// permissions, with the demo policy in ./permissionPolicy.ts
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// search (in-memory Lunr engine) over the catalog
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
// Notifications (Readiness's weekly digest among them) as e-mail, over the
// SMTP server of notifications.processors.email (app-config.yaml).
backend.add(import('@backstage/plugin-notifications-backend-module-email'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Readiness
backend.add(import('@readiness/backstage-plugin-readiness-backend'));
// An example fact provider: the `oncall` fact from PagerDuty / Opsgenie annotations.
backend.add(
  import('@readiness/backstage-plugin-readiness-backend-module-oncall'),
);
backend.add(
  import('@readiness/backstage-plugin-catalog-backend-module-readiness'),
);
// Demo only (`yarn start`, the end-to-end tests): the example services' health
// endpoints on loopback for the probes, and a seed step that sends the example
// CI facts, attestations and exemptions through the REST API (./demo). A
// deployed backend does not set this variable.
if (process.env.READINESS_DEMO_EVIDENCE) {
  for (const module of demoModules(process.env.READINESS_DEMO_EVIDENCE))
    backend.add(module);
}

backend.start();
