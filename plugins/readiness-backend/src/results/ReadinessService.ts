import { Entity } from '@backstage/catalog-model';
import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  CompiledScorecard,
  EntityReadinessResponse,
  HistoryResponse,
  readinessEvaluatePermission,
  readinessResultsReadPermission,
  ScorecardSummary,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../stores';
import type { ResultFilter } from '../platform/database/types';
import { CatalogReader } from '../evaluation/CatalogReader';
import { FactCollector } from '../evidence/facts/FactCollector';
import { Evaluator } from '../evaluation/Evaluator';
import {
  revisionOf,
  ScorecardRegistry,
} from '../evaluation/ScorecardRegistry';
import { missingSignoffGroups } from '../goLive/signoffGroups';
import { Access } from '../platform/access';
import { OrgTree } from '../platform/orgTree';
import { entityVisibility } from '../platform/entityVisibility';
import { ownersOf } from '../platform/owners';
import { refKey } from './queryInput';
import { ResultQueries, ResultsCore } from './ResultQueries';

/**
 * Every read and write of Readiness results, with its permission check. The
 * REST routes and the MCP actions both call it with the caller's credentials,
 * so they answer the same question the same way.
 */
export class ReadinessService implements ResultsCore {
  constructor(
    readonly options: {
      stores: ReadinessStores;
      scorecards: ScorecardRegistry;
      reader: CatalogReader;
      evaluator: Evaluator;
      facts: FactCollector;
      catalog: CatalogService;
      permissions: PermissionsService;
      auth: AuthService;
    },
  ) {
    this.queries = new ResultQueries(this, options.stores);
  }

  /** Org-wide reads: lists, CSV, statuses, history, summaries, check failures. */
  readonly queries: ResultQueries;

  /**
   * Reads an entity with the plugin's own credentials, once the caller was
   * found to be allowed `catalog.entity.read` on it: a CI token restricted
   * to this plugin may not have its request passed on to the catalog.
   */
  private async readEntity(entityRef: string) {
    return this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
  }

  /**
   * Throws NotAllowedError unless the caller may do `permission` (on
   * `resourceRef`); `what` says what was refused.
   */
  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
    what = 'read readiness results',
  ): Promise<void> {
    await new Access(this.options).demand(
      credentials,
      permission,
      what,
      resourceRef,
    );
  }

  /**
   * Whether the caller may see `entityRef` in the catalog; throws
   * NotAllowedError unless they may read readiness results at all. One
   * permission request for both.
   */
  private async maySeeEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    const [mayRead, maySee] = await new Access(this.options).decide(
      credentials,
      [
        { permission: readinessResultsReadPermission },
        { permission: catalogEntityReadPermission, resourceRef: entityRef },
      ],
    );
    if (!mayRead)
      throw new NotAllowedError(
        `You may not read readiness results (${readinessResultsReadPermission.name})`,
      );
    return maySee;
  }

  /**
   * The filter of the results the caller may see (undefined: all), and a
   * key for caches of what they see.
   */
  async visibleTo(
    credentials: BackstageCredentials,
  ): Promise<{ visibleTo?: ResultFilter['visibleTo']; key: string }> {
    const v = await entityVisibility(this.options.permissions, credentials);
    if ('all' in v) return { key: 'all' };
    if ('none' in v) return { visibleTo: { none: true }, key: 'none' };
    return { visibleTo: { criteria: v.criteria }, key: v.key };
  }

  private get scorecards(): CompiledScorecard[] {
    return this.options.scorecards.list();
  }

  card(name: string): CompiledScorecard {
    const card = this.options.scorecards.get(name);
    if (!card) throw new NotFoundError(`No scorecard named "${name}"`);
    return card;
  }

  /** A scorecard query parameter: the named one, or the first configured. */
  scorecardName(value: unknown): string {
    const name =
      typeof value === 'string' && value ? value : this.scorecards[0]?.name;
    if (!name) {
      throw new NotFoundError(
        'No scorecards are configured: see readiness.scorecards in app-config',
      );
    }
    return this.options.scorecards.require(name).name;
  }

  private summaryOf(card: CompiledScorecard): ScorecardSummary {
    return {
      name: card.name,
      title: card.title,
      description: card.description,
      passingScore: card.passingScore,
      scoring: card.scoring,
      areas: card.areas.map(a => ({
        id: a.id,
        title: a.title,
        checks: card.checks.filter(c => c.area === a.id).length,
      })),
      levels: card.levels.map(l => ({ id: l.id, title: l.title })),
      checks: card.checks.map(c => ({
        id: c.spec.id,
        title: c.spec.title,
        area: c.area,
        severity: c.spec.severity,
      })),
      appliesTo: card.appliesToSpec as Record<string, unknown>,
      revision: revisionOf(card),
    };
  }

  async listScorecards(
    credentials: BackstageCredentials,
  ): Promise<ScorecardSummary[]> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const missing = missingSignoffGroups(
      this.scorecards,
      await this.options.reader.organisation(),
    );
    // A refused reload shows on every scorecard: the file may hold any of them.
    const refused = this.options.scorecards.problem();
    return this.scorecards.map(c => {
      const problems = [
        ...(missing.get(c.name) ?? []),
        ...(refused
          ? [
              `The scorecard files changed but were not reloaded (${refused.at.slice(
                0,
                16,
              )} UTC): ${refused.message} The running revision stays in use.`,
            ]
          : []),
      ];
      return {
        ...this.summaryOf(c),
        ...(problems.length ? { problems } : {}),
      };
    });
  }

  async getScorecard(credentials: BackstageCredentials, name: string) {
    await this.authorize(credentials, readinessResultsReadPermission);
    const card = this.card(name);
    const source = this.options.scorecards.source(card.name);
    return {
      summary: this.summaryOf(card),
      definition: card.spec as unknown as Record<string, unknown>,
      // The file as written (comments kept), to start a change from.
      ...(source ? { source: { file: source.file, yaml: source.text } } : {}),
    };
  }

  async getEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    return this.entityResponse(credentials, refKey(entityRef));
  }

  /**
   * The entity's results and owners. One permission round trip decides both
   * questions (may the caller read readiness results; may they see this
   * entity in the catalog), and the owners come from the entity's last
   * evaluation, so the usual request reads only our own tables. Entities
   * never evaluated (a kind no scorecard applies to, or just added) are read
   * from the catalog, which also says whether they exist.
   */
  private async entityResponse(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    const { stores } = this.options;
    const [maySee, runs, results, stored] = await Promise.all([
      this.maySeeEntity(credentials, entityRef),
      stores.shardRuns.listShardRuns(),
      stores.results.getEntityResults(entityRef),
      stores.evaluationState.getLastEvaluation(entityRef),
    ]);
    let owners = stored.owners;
    // Which scorecards apply: those with results, or, with none, the ones
    // whose appliesTo takes the entity as the catalog has it now.
    let applicable = [...new Set(results.map(r => r.scorecard))];
    if (maySee && (!owners || results.length === 0)) {
      const entity = await this.readEntity(entityRef);
      owners = owners ?? (entity && ownersOf(entity));
      if (entity && results.length === 0)
        applicable = this.scorecards
          .filter(c => c.appliesTo(entity))
          .map(c => c.name);
    }
    if (!maySee || !owners)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const lastRun = runs
      .map(s => s.lastSuccessAt)
      .filter(Boolean)
      .sort()
      .pop();
    return {
      entityRef,
      owners,
      applicableScorecards: applicable,
      results: results.map(r => ({
        ...r.result,
        // The latest of this result's own evaluation, the entity's last
        // evaluation (a Re-evaluate that changed nothing) and its shard's
        // last run; a stale result keeps its own.
        evaluatedAt: r.stale
          ? r.result.evaluatedAt
          : [r.result.evaluatedAt, stored.evaluatedAt, lastRun]
              .filter((t): t is string => Boolean(t))
              .sort()
              .pop()!,
        changedAt: r.changedAt,
        stale: r.stale,
      })),
    };
  }

  /** Re-evaluates one entity now (permission `readiness.entity.evaluate` on it). */
  async evaluate(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    const ref = refKey(entityRef);
    await this.authorize(
      credentials,
      readinessEvaluatePermission,
      ref,
      `re-evaluate ${ref}`,
    );
    // Probe now: fresh facts from every provider that applies, then evaluate.
    const entity = await this.options.reader.readOne(ref);
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    await this.options.facts.collectFor(entity);
    await this.options.evaluator.evaluateEntity(entity);
    return this.entityResponse(credentials, ref);
  }

  async getHistory(
    credentials: BackstageCredentials,
    entityRef: string,
    options: { days?: number; scorecard?: string } = {},
  ): Promise<HistoryResponse> {
    const ref = refKey(entityRef);
    // As for the entity itself: results may be read, and the entity seen.
    if (!(await this.maySeeEntity(credentials, ref)))
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    const days = options.days ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new InputError(
        `days: ${days} is not a whole number from 1 to 3650`,
      );
    const since = new Date(Date.now() - (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const history = await this.options.stores.history.getHistory(
      ref,
      since,
      options.scorecard,
    );
    // No history: an entity just added, or one that does not exist (404).
    if (
      history.points.length === 0 &&
      history.changes.length === 0 &&
      !(await this.readEntity(ref))
    )
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    return { entityRef: ref, ...history };
  }

  /** The catalog's users, groups, systems and domains, as last read. */
  organisation(): Promise<Entity[]> {
    return this.options.reader.organisation();
  }

  /**
   * Owner refs as full keys (`payments`, `group:payments` and
   * `group:default/payments` are the same group), each group with its sub-groups.
   */
  async expandOwners(owners: string[]): Promise<string[]> {
    const keys = owners.map(o => {
      const key = tryEntityKey(o, { defaultKind: 'group' });
      if (!key) throw new InputError(`owner: "${o}" is not an entity ref`);
      return key;
    });
    const tree = new OrgTree(await this.options.reader.organisation());
    return [
      ...new Set(
        keys.flatMap(k =>
          k.startsWith('group:') ? tree.descendantsAndSelf(k) : [k],
        ),
      ),
    ];
  }
}
