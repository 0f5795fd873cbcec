import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ReadinessStore } from '../database/ReadinessStore';

/** Builds the Readiness backend's HTTP routes. */
export async function createRouter(options: {
  store: ReadinessStore;
  logger: LoggerService;
}): Promise<express.Router> {
  const { store, logger } = options;
  const router = Router();
  router.use(express.json());

  // Liveness of the plugin and its database, for load balancers and smoke tests.
  router.get('/health', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.warn(`Readiness health check: database did not answer: ${error}`);
      res.status(503).json({ status: 'error', database: 'unavailable' });
    }
  });

  return router;
}
