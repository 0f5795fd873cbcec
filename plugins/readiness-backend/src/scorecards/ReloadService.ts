import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { readinessScorecardReloadPermission } from '@readiness/backstage-plugin-readiness-common';
import {
  revisionOf,
  ScorecardRegistry,
  ScorecardRevision,
} from '../evaluation/ScorecardRegistry';
import { Access } from '../platform/access';

/** What a reload answers: whether anything changed, and every scorecard's revision. */
export interface ReloadResponse {
  changed: boolean;
  revision: string;
  scorecards: Array<{ name: string; revision: ScorecardRevision }>;
}

/**
 * `POST /scorecards/reload`: reads the scorecard files again now, on the
 * replica that answers (the others read theirs within one period). An
 * invalid file is refused with the field; the running scorecards stay.
 */
export class ReloadService {
  constructor(
    private readonly options: {
      registry: ScorecardRegistry;
      permissions: PermissionsService;
      /** The reloader the scheduled task uses too (it logs). */
      reload: () => { changed: boolean; revision: string };
    },
  ) {}

  async reload(credentials: BackstageCredentials): Promise<ReloadResponse> {
    await new Access(this.options).demand(
      credentials,
      readinessScorecardReloadPermission,
      'reload scorecards',
    );
    const { changed, revision } = this.options.reload();
    return {
      changed,
      revision,
      scorecards: this.options.registry.list().map(c => ({
        name: c.name,
        revision: revisionOf(c),
      })),
    };
  }
}
