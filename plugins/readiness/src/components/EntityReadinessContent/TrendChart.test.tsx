import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { HistoryResponse } from '../../api';
import { TrendChart } from './TrendChart';

const point = (day: string, score: number, revision?: string) => ({
  scorecard: 'production',
  day,
  status: 'needs-work' as const,
  score,
  ...(revision ? { revision } : {}),
});

describe('TrendChart', () => {
  it('marks the day the scorecard changed, and does not blame the service for its flips', async () => {
    const history: HistoryResponse = {
      entityRef: 'component:default/payments-api',
      points: [
        point('2026-12-05', 90, '3f2a9c0d1e4b'),
        point('2026-12-06', 90, '3f2a9c0d1e4b'),
        point('2026-12-07', 80, '2026-Q4 · 77aa9c0d1e4b'),
      ],
      changes: [
        {
          entityRef: 'component:default/payments-api',
          scorecard: 'production',
          checkId: 'techdocs',
          oldResult: 'pass',
          changedAt: '2026-12-07T10:00:00.000Z',
          byScorecard: true,
        },
        {
          entityRef: 'component:default/payments-api',
          scorecard: 'production',
          checkId: 'runbook',
          oldResult: 'pass',
          newResult: 'fail',
          changedAt: '2026-12-06T10:00:00.000Z',
        },
      ],
    };
    await renderInTestApp(
      <TrendChart
        history={history}
        scorecard="production"
        checkTitle={id => (id === 'runbook' ? 'Runbook linked' : id)}
      />,
    );
    expect(screen.getByTestId('revision-mark')).toHaveTextContent(
      'Scorecard changed on 2026-12-07 (now 2026-Q4 · 77aa9c0d1e4b)',
    );
    expect(
      screen.getByText(
        '2026-12-07 · techdocs: pass → removed (the scorecard changed)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2026-12-06 · Runbook linked: pass → fail'),
    ).toBeInTheDocument();
  });
});
