import { LoggerService } from '@backstage/backend-plugin-api';
import type { ReadinessRouter } from './router';

/** GET /health: the plugin and its database (no credentials needed). */
export function bindHealthRoutes(
  router: ReadinessRouter,
  options: { ping: () => Promise<void>; logger: LoggerService },
) {
  router.get('/health', async (_req, res) => {
    try {
      await options.ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      options.logger.warn(
        `Readiness health check: database did not answer: ${error}`,
      );
      res.status(503).json({ status: 'error', database: 'unavailable' });
    }
  });
}
