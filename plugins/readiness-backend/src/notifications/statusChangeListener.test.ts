import { mockServices } from '@backstage/backend-test-utils';
import type { ReadinessNotifier } from './ReadinessNotifier';
import { statusChangeListener } from './statusChangeListener';

describe('statusChangeListener', () => {
  it('tells of changed statuses only (a first result is no change), and never fails the evaluation', async () => {
    const told: unknown[] = [];
    let fail = false;
    const notifier = {
      statusChanged: async (t: unknown[]) => {
        if (fail) throw new Error('notifications are down');
        told.push(...t);
        return t.length;
      },
    } as unknown as ReadinessNotifier;
    const logger = mockServices.logger.mock();
    const l = statusChangeListener(notifier, logger);
    const results = [
      { entityRef: 'a', scorecard: 'production', status: 'blocked' as const },
      {
        entityRef: 'b',
        scorecard: 'production',
        status: 'blocked' as const,
        previousStatus: 'ready' as const,
      },
      {
        entityRef: 'c',
        scorecard: 'production',
        status: 'ready' as const,
        previousStatus: 'ready' as const,
      },
    ];
    await l.resultsWritten!(results, '2026-12-07T12:00:00.000Z');
    expect(told).toEqual([
      { entityRef: 'b', scorecard: 'production', from: 'ready', to: 'blocked' },
    ]);
    fail = true;
    await expect(
      l.resultsWritten!(results, '2026-12-07T12:00:00.000Z'),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Readiness: could not notify status changes: Error: notifications are down',
    );
  });
});
