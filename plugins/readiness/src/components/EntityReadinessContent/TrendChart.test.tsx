import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { TrendChart } from './TrendChart';

describe('TrendChart', () => {
  it('lists changes of result by check title, not messages that moved', async () => {
    const change = (checkId: string, oldResult: any, newResult: any) => ({
      entityRef: 'component:default/a',
      scorecard: 'production',
      checkId,
      oldResult,
      newResult,
      changedAt: '2026-11-29T10:00:00.000Z',
    });
    await renderInTestApp(
      <TrendChart
        scorecard="production"
        checkTitle={id => (id === 'runbook' ? 'Runbook is linked' : id)}
        history={{
          entityRef: 'component:default/a',
          points: [],
          changes: [
            change('runbook', 'pass', 'fail'),
            change('dashboard', 'fail', 'fail'),
          ],
        }}
      />,
    );
    expect(
      screen.getByText(/2026-11-29 · Runbook is linked: pass → fail/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/dashboard/)).not.toBeInTheDocument();
  });
});

describe('LinkedMessage', () => {
  it('links the parts a roll-up names to their Readiness tabs', async () => {
    const { LinkedMessage } = require('./CheckList');
    const { entityRouteRef } = require('@backstage/plugin-catalog-react');
    await renderInTestApp(
      <LinkedMessage message="2 of 3 parts are blocked: component:fraud-scoring (blocked), system:team/billing (blocked), …" />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen.getByRole('link', { name: 'component:fraud-scoring' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/fraud-scoring/readiness',
    );
    expect(
      screen.getByRole('link', { name: 'system:team/billing' }),
    ).toHaveAttribute('href', '/catalog/team/system/billing/readiness');
    expect(screen.getByText(/2 of 3 parts are blocked:/)).toBeInTheDocument();
  });

  it('leaves other messages as text', async () => {
    const { LinkedMessage } = require('./CheckList');
    await renderInTestApp(
      <LinkedMessage message="group:sre does not exist in the catalog" />,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
