import type { ApiRouter } from '@backstage/backend-openapi-utils';
import type {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { spec } from '../../schema/openapi.generated';

/**
 * The router every room binds its routes to, typed from `openapi.yaml`: each
 * handler's parameters, query and body are typed from the spec, requests are
 * validated against it at run time, and `schema/contract.test.ts` checks every
 * real response against it (TypeScript alone does not catch an undeclared
 * response field outside an object literal).
 */
export type ReadinessRouter = ApiRouter<typeof spec>;

/** What every room's routes take besides their service. */
export interface RouteContext {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}
