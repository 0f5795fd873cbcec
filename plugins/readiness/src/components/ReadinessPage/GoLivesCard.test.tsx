import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { GoLivesCard } from './GoLivesCard';

const render = (api: ReturnType<typeof mockReadinessApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <GoLivesCard />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('GoLivesCard', () => {
  it('lists go-lives with sign-off progress and a missed daily check', async () => {
    await render(
      mockReadinessApi({
        listGoLives: jest.fn(async () => [
          {
            entityRef: 'component:default/status-page',
            goLiveDate: '2026-11-27',
            phase: {
              phase: 'first-week' as const,
              day: 3,
              label: 'T+3',
              title: 'First production week: a check every day',
            },
            status: 'ready' as const,
            decision: { decision: 'launch' as const, short: 'Launch' },
            signoff: { signed: 5, total: 5, complete: true },
            firstWeek: { done: 1, late: 0, missed: 1, due: true, notOk: 0 },
            closureReviewDue: false,
            closureReviewed: false,
          },
          {
            entityRef: 'component:default/loyalty-points',
            goLiveDate: '2026-12-07',
            phase: {
              phase: 'checklist' as const,
              day: -7,
              label: 'T-7',
              title: 'Final week: every gate passes before sign-off',
            },
            status: 'blocked' as const,
            decision: {
              decision: 'not-ready' as const,
              short: 'Not ready: blocked by 2 critical checks',
            },
            signoff: { signed: 0, total: 5, complete: false },
            firstWeek: { done: 0, late: 0, missed: 0, due: false, notOk: 0 },
            closureReviewDue: false,
            closureReviewed: false,
          },
        ]),
      }),
    );
    expect(
      await screen.findByTestId('first-week-component:default/status-page'),
    ).toHaveTextContent('1 of 7 checked, 1 missed, today due');
    expect(screen.getByText('5 of 5 ✓')).toBeInTheDocument();
    expect(
      screen.getByText('T-7: Final week: every gate passes before sign-off'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not ready: blocked by 2 critical checks'),
    ).toBeInTheDocument();
    expect(screen.getByText('not yet')).toBeInTheDocument();
  });

  it('says how to get a go-live on the list when there is none', async () => {
    await render(mockReadinessApi());
    expect(
      await screen.findByText(/No service has a go-live date/),
    ).toBeInTheDocument();
  });
});
