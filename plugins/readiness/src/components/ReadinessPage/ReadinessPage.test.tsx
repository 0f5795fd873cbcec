import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { ReadinessOverview } from './ReadinessPage';

const row = (name: string, status: 'ready' | 'blocked') => ({
  entityRef: `component:default/${name}`,
  scorecard: 'production',
  kind: 'component',
  namespace: 'default',
  name,
  title: name,
  owner: 'group:default/payments',
  status,
  score: status === 'ready' ? 100 : 40,
  failingChecks: status === 'ready' ? [] : ['incident-owner'],
  areaScores: {},
  changedAt: '2026-11-23T12:00:00.000Z',
  stale: false,
});

describe('ReadinessOverview', () => {
  it('shows tiles, top failing checks and the results table', async () => {
    const api = mockReadinessApi({
      listResults: jest.fn(async () => ({
        items: [row('payments-api', 'ready'), row('ledger-service', 'blocked')],
        totalItems: 2,
        offset: 0,
        limit: 50,
      })),
      listCheckFailures: jest.fn(async () => [
        {
          checkId: 'incident-owner',
          title: 'Incident owner is named',
          area: 'ownership',
          severity: 'critical',
          failing: 2,
        },
      ]),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <ReadinessOverview />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('tile-Blocked')).toHaveTextContent('1');
    expect(screen.getByTestId('tile-Mean score')).toHaveTextContent('80');
    expect(
      await screen.findByText('Incident owner is named'),
    ).toBeInTheDocument();
    expect(await screen.findByText('2 entities match')).toBeInTheDocument();
    expect(screen.getByText('ledger-service')).toBeInTheDocument();
  });

  it('sends filters to the server and keeps them in the URL', async () => {
    const api = mockReadinessApi();
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <ReadinessOverview />
      </TestApiProvider>,
      {
        routeEntries: [
          '/readiness?owner=group:default/payments&status=blocked',
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await waitFor(() =>
      expect(api.listResults).toHaveBeenCalledWith(
        expect.objectContaining({
          owner: ['group:default/payments'],
          status: ['blocked'],
          scorecard: 'production',
          offset: 0,
          limit: 25,
        }),
      ),
    );
    await userEvent.type(screen.getByLabelText('Search'), 'ledger');
    await waitFor(
      () =>
        expect(api.listResults).toHaveBeenLastCalledWith(
          expect.objectContaining({ q: 'ledger' }),
        ),
      { timeout: 2000 },
    );
  });

  it('exports the current filter as CSV', async () => {
    const api = mockReadinessApi();
    (global as any).URL.createObjectURL = jest.fn(() => 'blob:x');
    (global as any).URL.revokeObjectURL = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <ReadinessOverview />
      </TestApiProvider>,
      {
        routeEntries: ['/readiness?status=blocked'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Export CSV/ }),
    );
    await waitFor(() =>
      expect(api.exportCsv).toHaveBeenCalledWith(
        expect.objectContaining({
          status: ['blocked'],
          scorecard: 'production',
        }),
      ),
    );
  });
});

describe('TopChecks', () => {
  it('does not claim that everything passes while the counts are loading', async () => {
    const { TopChecks } = require('./TopChecks');
    await renderInTestApp(<TopChecks loading scorecard="production" />);
    expect(
      screen.queryByText('Every entity passes every check.'),
    ).not.toBeInTheDocument();
    await renderInTestApp(<TopChecks checks={[]} scorecard="production" />);
    expect(
      screen.getByText('Every entity passes every check.'),
    ).toBeInTheDocument();
  });
});
