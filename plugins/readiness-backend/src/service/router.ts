import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { ReadinessStore } from '../database/ReadinessStore';
import { Evaluator } from '../evaluation/Evaluator';
import { createOpenApiRouter } from '../schema/openapi.generated';
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
  auth: AuthService;
  store: ReadinessStore;
  evaluator: Evaluator;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
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
