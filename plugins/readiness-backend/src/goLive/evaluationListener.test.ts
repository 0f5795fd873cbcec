import { mockServices } from '@backstage/backend-test-utils';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import type { CatalogSnapshot } from '../evaluation/CatalogReader';
import { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import type { GoLiveStore } from './GoLiveStore';
import { goLiveEvaluationListener } from './evaluationListener';

const scorecards = ScorecardRegistry.fromConfig(
  mockServices.rootConfig({ data: readinessConfig() }),
);

function listener() {
  const voided: unknown[] = [];
  const warnings: string[] = [];
  const logger = mockServices.logger.mock();
  logger.warn.mockImplementation(m => {
    warnings.push(m);
  });
  const store = {
    voidSignoffs: async (drops: unknown[], at: string) => {
      voided.push({ drops, at });
      return drops.length;
    },
  } as unknown as GoLiveStore;
  return {
    voided,
    warnings,
    it: goLiveEvaluationListener({ store, scorecards, logger }),
  };
}

describe('goLiveEvaluationListener', () => {
  it('voids the sign-offs of results written below Ready, and only those', async () => {
    const { it: l, voided } = listener();
    await l.resultsWritten!(
      [
        { entityRef: 'a', scorecard: 'production', status: 'ready' },
        {
          entityRef: 'b',
          scorecard: 'production',
          status: 'needs-work',
          previousStatus: 'ready',
        },
        { entityRef: 'c', scorecard: 'production', status: 'blocked' },
      ],
      '2026-12-07T12:00:00.000Z',
    );
    expect(voided).toEqual([
      {
        drops: [
          { entityRef: 'b', scorecard: 'production', status: 'needs-work' },
          { entityRef: 'c', scorecard: 'production', status: 'blocked' },
        ],
        at: '2026-12-07T12:00:00.000Z',
      },
    ]);
    await l.resultsWritten!(
      [{ entityRef: 'a', scorecard: 'production', status: 'ready' }],
      '2026-12-07T12:01:00.000Z',
    );
    expect(voided).toHaveLength(1);
  });

  it('logs a sign-off role whose group the catalog lacks once, however many cycles', () => {
    const { it: l, warnings } = listener();
    const organisation = exampleEntities().filter(
      e =>
        ['User', 'Group'].includes(e.kind) &&
        !(e.kind === 'Group' && e.metadata.name === 'security'),
    );
    const snapshot = { organisation } as unknown as CatalogSnapshot;
    l.catalogRead!(snapshot);
    l.catalogRead!(snapshot);
    expect(warnings).toEqual([
      'Readiness scorecard production: sign-off role Security team names group:default/security, which the catalog does not have: nobody can sign it',
    ]);
  });
});
