import { GoLiveService } from './GoLiveService';
import type { ReadinessRouter, RouteContext } from '../platform/http/router';
import { entityWriter } from '../platform/http/audit';
import { entityRefOf } from '../platform/http/query';

const BASE = '/entities/:kind/:namespace/:name';

/** The go-live workflow of an entity: state, sign-offs, first week, the go-live note. */
export function bindGoLiveRoutes(
  router: ReadinessRouter,
  options: RouteContext & { goLive: GoLiveService },
) {
  const { goLive, httpAuth } = options;

  /** One audited write by a signed-in person on the entity of the path. */
  const write = entityWriter(options, req => ({ role: req.body?.role }));

  router.get('/go-lives', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await goLive.list(credentials, {
        all: req.query.all === 'true',
      }),
    });
  });

  router.get(`${BASE}/go-live`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await goLive.get(credentials, entityRefOf(req.params)));
  });

  router.post(`${BASE}/go-live/signoffs`, async (req, res) => {
    res.json(
      await write(req, 'signoff-create', 'high', (user, ref) =>
        goLive.signoffs.signOff(user, ref, req.body),
      ),
    );
  });

  router.post(`${BASE}/go-live/signoff-requests`, async (req, res) => {
    res.json(
      await write(req, 'signoff-request', 'medium', (user, ref) =>
        goLive.signoffs.requestSignoff(user, ref),
      ),
    );
  });

  router.post(`${BASE}/go-live/phase-items`, async (req, res) => {
    res.json(
      await write(req, 'phase-item-create', 'medium', (user, ref) =>
        goLive.records.tickPhaseItem(user, ref, req.body),
      ),
    );
  });

  router.post(`${BASE}/go-live/daily-checks`, async (req, res) => {
    res.json(
      await write(req, 'daily-check-create', 'medium', (user, ref) =>
        goLive.records.recordDailyCheck(user, ref, req.body),
      ),
    );
  });

  router.post(`${BASE}/go-live/risky-actions`, async (req, res) => {
    res.json(
      await write(req, 'risky-action-create', 'medium', (user, ref) =>
        goLive.records.recordRiskyAction(user, ref, req.body),
      ),
    );
  });

  router.post(`${BASE}/go-live/closure-review`, async (req, res) => {
    res.json(
      await write(req, 'closure-review-create', 'medium', (user, ref) =>
        goLive.records.recordClosureReview(user, ref, req.body),
      ),
    );
  });

  router.get(`${BASE}/report`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { fileName, markdown } = await goLive.report(
      credentials,
      entityRefOf(req.params),
    );
    res
      .type('text/markdown; charset=utf-8')
      .attachment(fileName)
      .send(markdown);
  });
}
