import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { ApiRouter } from '@backstage/backend-openapi-utils';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { FactsService } from '../facts/FactsService';
import { GoLiveService } from './GoLiveService';
import { ManualEvidenceService } from './ManualEvidenceService';
import { OwnershipService } from './OwnershipService';
import { ReadinessService } from './ReadinessService';
import { requestGuards } from './requestGuards';
import { bindCheckRoutes } from './routes/checks';
import { bindEntityRoutes } from './routes/entities';
import { bindFactRoutes } from './routes/facts';
import { bindGoLiveRoutes } from './routes/goLive';
import { bindHealthRoutes } from './routes/health';
import { bindManualEvidenceRoutes } from './routes/manualEvidence';
import { bindOwnershipRoutes } from './routes/ownership';
import { bindResultRoutes } from './routes/results';
import { bindScorecardRoutes } from './routes/scorecards';

/**
 * The router the routes bind to, typed from `openapi.yaml`: each handler's
 * parameters, query, body and response are checked against the spec at
 * compile time; requests are also validated at run time, and
 * `schema/contract.test.ts` checks every real response against the spec.
 */
export type ReadinessRouter = ApiRouter<typeof spec>;

/** Services the router needs. */
export interface RouterOptions {
  service: ReadinessService;
  ownership: OwnershipService;
  facts: FactsService;
  manualEvidence: ManualEvidenceService;
  goLive: GoLiveService;
  /** Resolves when the database answers; `/health` calls it. */
  ping: () => Promise<void>;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
}

/** The Readiness REST API (`src/schema/openapi.yaml`), one small file of routes per resource. */
export async function createRouter(
  options: RouterOptions,
): Promise<ReadinessRouter> {
  const router = await createOpenApiRouter({ middleware: requestGuards() });
  bindHealthRoutes(router, options);
  bindScorecardRoutes(router, options);
  bindEntityRoutes(router, options);
  bindOwnershipRoutes(router, options);
  bindResultRoutes(router, options);
  bindCheckRoutes(router, options);
  bindFactRoutes(router, options);
  bindManualEvidenceRoutes(router, options);
  bindGoLiveRoutes(router, options);
  // A path no route matches (an empty name, a typo) answers a JSON error
  // like every other route, not an empty 404.
  router.use((req, _res, next) =>
    next(
      new NotFoundError(
        `No route ${req.method} ${req.path} in the Readiness API`,
      ),
    ),
  );
  return router;
}
