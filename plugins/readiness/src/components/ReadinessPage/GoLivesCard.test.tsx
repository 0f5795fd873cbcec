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
            signoff: { signed: 5, total: 5, complete: true },
            firstWeek: { done: 1, late: 0, missed: 1, due: true },
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
              title: 'The checklist is complete',
            },
            status: 'blocked' as const,
            signoff: { signed: 0, total: 5, complete: false },
            firstWeek: { done: 0, late: 0, missed: 0, due: false },
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
      screen.getByText('T-7: The checklist is complete'),
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
