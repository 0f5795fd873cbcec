import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { OwnershipService } from './OwnershipService';
import { ReadinessService } from './ReadinessService';
import { bindCheckRoutes } from './routes/checks';
import { bindEntityRoutes } from './routes/entities';
import { bindHealthRoutes } from './routes/health';
import { bindOwnershipRoutes } from './routes/ownership';
import { bindResultRoutes } from './routes/results';
import { bindScorecardRoutes } from './routes/scorecards';

/**
 * The router the routes bind to. Requests are validated against
 * `openapi.yaml`; the handlers still see plain express types because the
 * spec's object schemas are open (`[x: string]: unknown`), which the -common
 * interfaces do not satisfy. Tightening the spec removes this cast.
 */
export type ReadinessRouter = express.Router;

/** Services the router needs. */
export interface RouterOptions {
  service: ReadinessService;
  ownership: OwnershipService;
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
  const router = (await createOpenApiRouter()) as unknown as ReadinessRouter;
  bindHealthRoutes(router, options);
  bindScorecardRoutes(router, options);
  bindEntityRoutes(router, options);
  bindOwnershipRoutes(router, options);
  bindResultRoutes(router, options);
  bindCheckRoutes(router, options);
  return router;
}
