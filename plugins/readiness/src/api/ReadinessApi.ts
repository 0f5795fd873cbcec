import { createApiRef } from '@backstage/core-plugin-api';
import type {
  OwnershipRoles,
  ReadinessApi,
  ReadinessResultRow,
  ReadinessSummaryGroup,
} from '@readiness/backstage-plugin-readiness-common';

// The wire types and the client live in -common, shared with the backend and
// the catalog module; these are the names the components use.
export type {
  CheckFailureCount,
  EntityOwners,
  EntityReadinessResponse,
  EntityResult,
  HistoryResponse,
  OwnershipResponse,
  ReadinessApi,
  ResultsQuery,
  ScorecardSummary,
  SummaryResponse,
} from '@readiness/backstage-plugin-readiness-common';

/** A row of `GET /results`. @public */
export type ResultRow = ReadinessResultRow;

/** One group of `GET /summary`. @public */
export type SummaryGroup = ReadinessSummaryGroup;

/** The editable ownership fields. @public */
export type EntityOwnersEdit = OwnershipRoles;

/**
 * API reference for the Readiness backend's client
 * (`ReadinessClient` from the -common package).
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.api',
});
