import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { createOpenApiRouter } from './schema/openapi.generated';
import type { ReadinessRouter } from './platform/http/router';
import { FactsService } from './evidence/facts/FactsService';
import { GoLiveService } from './goLive/GoLiveService';
import { ManualEvidenceService } from './evidence/manual/ManualEvidenceService';
import { OwnershipService } from './ownership/OwnershipService';
import { OnboardingService } from './ownership/OnboardingService';
import { ReadinessService } from './results/ReadinessService';
import { requestGuards } from './platform/http/requestGuards';
import { bindCheckRoutes } from './results/routes/checks';
import { bindEntityRoutes } from './results/routes/entities';
import { bindFactRoutes } from './evidence/facts/routes';
import { bindGoLiveRoutes } from './goLive/routes';
import { bindHealthRoutes } from './platform/http/health';
import { bindManualEvidenceRoutes } from './evidence/manual/routes';
import { bindOwnershipRoutes } from './ownership/routes';
import { bindInboxRoutes } from './inbox/routes';
import { bindInitiativeRoutes } from './initiatives/routes';
import { InitiativeService } from './initiatives/InitiativeService';
import { InboxService } from './inbox/InboxService';
import { bindResultRoutes } from './results/routes/results';
import { bindScorecardRoutes } from './results/routes/scorecards';
import { bindScorecardChangeRoutes } from './scorecards/routes';
import { PreviewService } from './scorecards/PreviewService';
import { ReloadService } from './scorecards/ReloadService';

export type { ReadinessRouter };

/** Services the router needs. */
export interface RouterOptions {
  service: ReadinessService;
  ownership: OwnershipService;
  onboarding: OnboardingService;
  facts: FactsService;
  manualEvidence: ManualEvidenceService;
  goLive: GoLiveService;
  inbox: InboxService;
  initiatives: InitiativeService;
  preview: PreviewService;
  reload: ReloadService;
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
  bindScorecardChangeRoutes(router, options);
  bindScorecardRoutes(router, options);
  bindEntityRoutes(router, options);
  bindOwnershipRoutes(router, options);
  bindResultRoutes(router, options);
  bindCheckRoutes(router, options);
  bindFactRoutes(router, options);
  bindManualEvidenceRoutes(router, options);
  bindGoLiveRoutes(router, options);
  bindInboxRoutes(router, options);
  bindInitiativeRoutes(router, options);
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
