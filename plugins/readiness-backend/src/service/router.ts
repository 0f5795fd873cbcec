import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  READINESS_STATUSES,
  readinessEvaluatePermission,
  readinessResultsReadPermission,
} from '@readiness/backstage-plugin-readiness-common';
import express from 'express';
import { ReadinessStore } from '../database/ReadinessStore';
import type { ResultFilter, ResultSort } from '../database/types';
import { Evaluator } from '../evaluation/Evaluator';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { csvHeader, csvRows } from './csv';
import { OrgTree } from './orgTree';
import { addOwnershipRoutes } from './ownershipRoutes';
import { ownersOf } from './owners';
import { GroupBy, summarise } from './summary';

/** Services the router needs. */
export interface RouterOptions {
  auth: AuthService;
  store: ReadinessStore;
  evaluator: Evaluator;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
}

const list = (v: unknown): string[] | undefined => {
  if (v === undefined) return undefined;
  const values = (Array.isArray(v) ? v : [v])
    .flatMap(x => String(x).split(','))
    .map(x => x.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
};
const lower = (v?: string[]) => v?.map(x => x.toLowerCase());

/** Builds the Readiness REST API from src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, evaluator, catalog, httpAuth, permissions, auditor, logger } =
    options;
  // Requests are validated against openapi.yaml by this router; handlers use
  // plain express types because our result types are richer than the schema's.
  const router = (await createOpenApiRouter()) as unknown as express.Router;
  const scorecards = () => evaluator.scorecards;

  const requireRead = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: readinessResultsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not read readiness results (readiness.results.read)',
      );
    }
    return credentials;
  };
  const scorecardParam = (value: unknown): string => {
    const name =
      typeof value === 'string' && value ? value : scorecards()[0]?.name;
    if (!name)
      throw new NotFoundError(
        'No scorecards are configured: see readiness.scorecards in app-config',
      );
    if (!scorecards().some(c => c.name === name)) {
      throw new InputError(
        `scorecard: no scorecard named "${name}"; known: ${scorecards()
          .map(c => c.name)
          .join(', ')}`,
      );
    }
    return name;
  };
  const summaryOf = (name: string) => {
    const card = scorecards().find(c => c.name === name)!;
    return {
      name: card.name,
      title: card.title,
      description: card.spec.metadata.description,
      passingScore: card.spec.spec.passingScore,
      areas: card.spec.spec.areas.map(a => ({
        id: a.id,
        title: a.title,
        checks: a.checks.length,
      })),
      levels: (card.spec.spec.levels ?? []).map(l => ({
        id: l.id,
        title: l.title,
      })),
      appliesTo: card.spec.spec.appliesTo,
    };
  };
  const entityResponse = async (
    entityRef: string,
    credentials: Awaited<ReturnType<typeof httpAuth.credentials>>,
  ) => {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const shards = await store.listShardRuns();
    const lastRun = shards
      .map(s => s.lastSuccessAt)
      .filter(Boolean)
      .sort()
      .pop();
    const results = await store.getEntityResults(entityRef);
    return {
      entityRef,
      owners: ownersOf(entity),
      results: results.map(r => ({
        ...r.result,
        // The latest of this result's own evaluation and its shard's last run.
        evaluatedAt:
          r.stale || !lastRun || lastRun < r.result.evaluatedAt
            ? r.result.evaluatedAt
            : lastRun,
        changedAt: r.changedAt,
        stale: r.stale,
      })),
    };
  };
  const refOf = (p: { kind: string; namespace: string; name: string }) =>
    `${p.kind}:${p.namespace}/${p.name}`.toLowerCase();
  const orgTree = async () => new OrgTree(await evaluator.organisation());

  router.get('/health', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.warn(`Readiness health check: database did not answer: ${error}`);
      res.status(503).json({ status: 'error', database: 'unavailable' });
    }
  });

  router.get('/scorecards', async (req, res) => {
    await requireRead(req);
    res.json({ items: scorecards().map(c => summaryOf(c.name)) });
  });

  router.get('/scorecards/:id', async (req, res) => {
    await requireRead(req);
    const card = scorecards().find(c => c.name === req.params.id);
    if (!card) throw new NotFoundError(`No scorecard named "${req.params.id}"`);
    res.json({ summary: summaryOf(card.name), definition: card.spec as any });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requireRead(req);
    res.json(await entityResponse(refOf(req.params), credentials));
  });

  router.post('/entities/:kind/:namespace/:name/evaluate', async (req, res) => {
    const entityRef = refOf(req.params);
    const event = await auditor.createEvent({
      eventId: 'entity-evaluate',
      severityLevel: 'low',
      request: req,
      meta: { entityRef },
    });
    try {
      const credentials = await httpAuth.credentials(req);
      const [decision] = await permissions.authorize(
        [{ permission: readinessEvaluatePermission, resourceRef: entityRef }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `You may not re-evaluate ${entityRef} (readiness.entity.evaluate)`,
        );
      }
      await evaluator.evaluateNow(entityRef);
      const body = await entityResponse(entityRef, credentials);
      await event.success({
        meta: { results: body.results.map(r => `${r.scorecard}:${r.status}`) },
      });
      res.json(body);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  addOwnershipRoutes(router, {
    store,
    evaluator,
    catalog,
    httpAuth,
    auth: options.auth,
    permissions,
    auditor,
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    await requireRead(req);
    const entityRef = refOf(req.params);
    const days = Number(req.query.days ?? 30);
    const since = new Date(Date.now() - (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const scorecard =
      typeof req.query.scorecard === 'string' ? req.query.scorecard : undefined;
    res.json({
      entityRef,
      ...(await store.getHistory(entityRef, since, scorecard)),
    });
  });

  router.get('/results', async (req, res) => {
    await requireRead(req);
    const q = req.query as Record<string, unknown>;
    const status = list(q.status) as ResultFilter['status'];
    for (const s of status ?? []) {
      if (!READINESS_STATUSES.includes(s))
        throw new InputError(
          `status: "${s}" is not one of ${READINESS_STATUSES.join(', ')}`,
        );
    }
    let owner = lower(list(q.owner));
    if (owner) {
      const tree = await orgTree();
      owner = [
        ...new Set(
          owner.flatMap(o =>
            o.startsWith('group:') ? tree.descendantsAndSelf(o) : [o],
          ),
        ),
      ];
    }
    const filter: ResultFilter = {
      scorecard: scorecardParam(q.scorecard),
      status,
      owner,
      system: lower(list(q.system)),
      domain: lower(list(q.domain)),
      lifecycle: lower(list(q.lifecycle)),
      kind: lower(list(q.kind)),
      type: lower(list(q.type)),
      failingArea: typeof q.area === 'string' ? q.area : undefined,
      failingCheck: typeof q.check === 'string' ? q.check : undefined,
      text: typeof q.q === 'string' && q.q.trim() ? q.q.trim() : undefined,
      entityRefs: lower(list(q.entity)),
    };
    const sort = (q.sort as ResultSort | undefined) ?? 'score';
    const wantsCsv =
      q.format === 'csv' ||
      (q.format === undefined &&
        req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (wantsCsv) {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="readiness-${filter.scorecard}.csv"`,
      );
      res.write(`\ufeff${csvHeader()}`);
      for await (const batch of store.streamResults({ filter, sort }))
        res.write(csvRows(batch));
      res.end();
      return;
    }
    const offset = Number(q.offset ?? 0);
    const limit = Number(q.limit ?? 50);
    const page = await store.queryResults({ filter, sort, offset, limit });
    res.json({ ...page, offset, limit });
  });

  router.get('/summary', async (req, res) => {
    await requireRead(req);
    const scorecard = scorecardParam(req.query.scorecard);
    const groupBy = ((req.query.groupBy as string | undefined) ??
      'owner') as GroupBy;
    const rows: Parameters<typeof summarise>[0] = [];
    for await (const batch of store.streamResults({
      filter: { scorecard },
      batchSize: 2000,
    }))
      rows.push(...batch);
    res.json({
      scorecard,
      groupBy,
      ...summarise(rows, groupBy, await orgTree()),
    });
  });

  router.get('/checks/:scorecard', async (req, res) => {
    await requireRead(req);
    const card = scorecards().find(c => c.name === req.params.scorecard);
    if (!card)
      throw new NotFoundError(`No scorecard named "${req.params.scorecard}"`);
    const failing = new Map<string, number>();
    for await (const batch of store.streamResults({
      filter: { scorecard: card.name },
      batchSize: 2000,
    })) {
      for (const r of batch)
        for (const id of r.failingChecks)
          failing.set(id, (failing.get(id) ?? 0) + 1);
    }
    const items = card.checks
      .map(c => ({
        checkId: c.spec.id,
        title: c.spec.title,
        area: c.area,
        severity: c.spec.severity,
        failing: failing.get(c.spec.id) ?? 0,
      }))
      .sort(
        (a, b) => b.failing - a.failing || a.checkId.localeCompare(b.checkId),
      );
    res.json({ items });
  });

  router.get('/checks/:scorecard/:checkId/failures', async (req, res) => {
    await requireRead(req);
    const { scorecard, checkId } = req.params;
    const card = scorecards().find(c => c.name === scorecard);
    if (!card) throw new NotFoundError(`No scorecard named "${scorecard}"`);
    if (!card.checks.some(c => c.spec.id === checkId)) {
      throw new NotFoundError(
        `Scorecard "${scorecard}" has no check "${checkId}"`,
      );
    }
    const rows = await store.getCheckFailures(scorecard, checkId);
    res.json({
      items: rows.map(r => {
        const check = r.result.checks.find(c => c.checkId === checkId)!;
        return {
          entityRef: r.entityRef,
          title: r.title,
          owner: r.owner,
          result: check.result,
          message: check.message,
        };
      }),
    });
  });

  return router;
}
