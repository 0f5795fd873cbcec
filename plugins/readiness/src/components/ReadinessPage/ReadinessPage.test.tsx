import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { readinessApiRef, ReadinessApi } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { ReadinessOverview } from './ReadinessPage';

const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', title: 'Payments' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sre-oncall', title: 'SRE on call' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'checkout', title: 'Checkout' },
    spec: { owner: 'payments' },
  },
];

/** The URL's search, shown so tests can read what the page keeps there. */
function Location() {
  const { search } = useLocation();
  return <div data-testid="location">{search}</div>;
}

async function renderOverview(
  api: jest.Mocked<ReadinessApi>,
  url = '/readiness',
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: catalogEntities as any })],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <ReadinessOverview />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const params = () =>
  new URLSearchParams(screen.getByTestId('location').textContent ?? '');

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
  notApplicableChecks: [],
  areaScores: {},
  changedAt: '2026-11-23T12:00:00.000Z',
  stale: false,
});

const areas = [
  ['ownership', 'Operational ownership'],
  ['observability', 'Observability'],
  ['resilience', 'Resilience and recovery'],
  ['security', 'Security'],
  ['release', 'Release and rollback'],
  ['capacity', 'Capacity'],
  ['support', 'Customer support'],
  ['go-live', 'Go-live'],
].map(([id, title]) => ({ id, title, checks: 2 }));

const group = (key: string, rate: number) => ({
  key,
  total: 2,
  counts: { ready: 0, 'needs-work': 1, blocked: 1 },
  meanScore: 60,
  areaPassRate: Object.fromEntries(areas.map(a => [a.id, rate])),
});

describe('ReadinessOverview', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = jest.fn();
  });

  it('links rows to the Readiness tab and names open checks by their titles', async () => {
    const api = mockReadinessApi({
      listResults: jest.fn(async () => ({
        items: [row('ledger-service', 'blocked')],
        totalItems: 1,
        offset: 0,
        limit: 25,
      })),
    });
    await renderOverview(api);
    const link = await screen.findByRole('link', { name: 'ledger-service' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-service/readiness',
    );
    const table = screen.getByRole('table', { name: 'Readiness results' });
    expect(
      within(table).getByRole('button', { name: 'Incident owner named' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('Domain')).toBeInTheDocument();
  });

  it('warns when the scorecard names a sign-off group the catalog does not have', async () => {
    const base = mockReadinessApi();
    const [card] = await base.getScorecards();
    const problem =
      'sign-off role Security team names group:default/security, which the catalog does not have: nobody can sign it';
    await renderOverview(
      mockReadinessApi({
        getScorecards: jest.fn(async () => [{ ...card, problems: [problem] }]),
      }),
    );
    expect(await screen.findByTestId('scorecard-problems')).toHaveTextContent(
      problem,
    );
  });

  it('filters by owner typed as a name and picked from the catalog', async () => {
    const api = mockReadinessApi();
    await renderOverview(api, '/readiness?groupBy=system');
    await userEvent.type(screen.getByLabelText('Owner'), 'paym');
    await userEvent.click(await screen.findByText('Payments'));
    await waitFor(() =>
      expect(api.listResults).toHaveBeenLastCalledWith(
        expect.objectContaining({ owner: ['group:default/payments'] }),
      ),
    );
    expect(params().get('owner')).toBe('group:default/payments');
    expect(params().get('groupBy')).toBe('system');
    // The picked value shows by its title, not its ref.
    expect(screen.getByLabelText('Owner')).toHaveValue('Payments');
  });

  it('applies typed owner text when the field loses focus (Tab), not only on Enter', async () => {
    const api = mockReadinessApi();
    await renderOverview(api);
    // A title typed in full is the entity it names.
    await userEvent.type(screen.getByLabelText('Owner'), 'payments');
    await userEvent.tab();
    await waitFor(() =>
      expect(params().get('owner')).toBe('group:default/payments'),
    );
    expect(api.listResults).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: ['group:default/payments'] }),
    );
    // Text that names nothing is sent as typed, for the server to resolve.
    await userEvent.type(screen.getByLabelText('System'), 'checkout-v2');
    await userEvent.tab();
    await waitFor(() => expect(params().get('system')).toBe('checkout-v2'));
  });

  it('sends text that matches no entity as typed, for the server to resolve', async () => {
    const api = mockReadinessApi();
    await renderOverview(api);
    await userEvent.type(screen.getByLabelText('System'), 'checkout-v2{enter}');
    await waitFor(() =>
      expect(api.listResults).toHaveBeenLastCalledWith(
        expect.objectContaining({ system: ['checkout-v2'] }),
      ),
    );
  });

  it('filters the table from a top failing check, keeps the other parameters and brings the table into view', async () => {
    const api = mockReadinessApi({
      listCheckFailures: jest.fn(async () => [
        {
          checkId: 'incident-owner',
          title: 'Incident owner named',
          area: 'ownership',
          severity: 'critical',
          failing: 2,
        },
      ]),
    });
    await renderOverview(api, '/readiness?groupBy=system&status=blocked');
    const link = await screen.findByRole('link', {
      name: 'Incident owner named',
    });
    expect(link.getAttribute('href')).toContain('groupBy=system');
    await userEvent.click(link);
    await waitFor(() => expect(params().get('check')).toBe('incident-owner'));
    expect(params().get('groupBy')).toBe('system');
    expect(params().get('status')).toBe('blocked');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    await waitFor(() =>
      expect(api.listResults).toHaveBeenLastCalledWith(
        expect.objectContaining({
          check: 'incident-owner',
          status: ['blocked'],
        }),
      ),
    );
    const filters = screen.getByLabelText('Filters in force');
    expect(
      within(filters).getByText('Failing check: Incident owner named'),
    ).toBeInTheDocument();
  });

  it('says when no entity matches, and clears the filters but not the view', async () => {
    const api = mockReadinessApi();
    await renderOverview(
      api,
      '/readiness?groupBy=system&status=blocked&owner=group:default/payments',
    );
    expect(
      await screen.findByText('No entity matches these filters'),
    ).toBeInTheDocument();
    const table = screen.getByTestId('readiness-results');
    const clear = within(table).getAllByRole('button', {
      name: 'Clear filters',
    });
    await userEvent.click(clear[clear.length - 1]);
    await waitFor(() => expect(params().get('status')).toBeNull());
    expect(params().get('owner')).toBeNull();
    expect(params().get('groupBy')).toBe('system');
  });

  it('explains an unknown scorecard once, with the known ones and a way back', async () => {
    const api = mockReadinessApi();
    await renderOverview(api, '/readiness?scorecard=nope&status=blocked');
    expect(
      await screen.findByText('There is no scorecard named “nope”'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Known scorecards: Production readiness \(production\)/),
    ).toBeInTheDocument();
    expect(api.getSummary).not.toHaveBeenCalled();
    expect(api.listResults).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show Production readiness' }),
    );
    expect(await screen.findByTestId('tile-Blocked')).toBeInTheDocument();
    expect(params().get('scorecard')).toBeNull();
    expect(params().get('status')).toBeNull();
  });

  it('shows every area of the heatmap with group titles, and a cell lists that group’s entities failing the area', async () => {
    const groups = Array.from({ length: 15 }, (_, i) =>
      group(`group:default/team-${String(i).padStart(2, '0')}`, 50),
    );
    groups.unshift(group('group:default/payments', 25));
    const api = mockReadinessApi({
      getScorecards: jest.fn(async () => [
        {
          name: 'production',
          title: 'Production readiness',
          revision: { hash: 'a1b2c3d4e5f6' },
          passingScore: 97,
          scoring: 'items' as const,
          areas,
          levels: [],
          checks: [],
          appliesTo: {},
        },
      ]),
      getSummary: jest.fn(async () => ({
        scorecard: 'production',
        groupBy: 'owner' as const,
        overall: group('all', 50),
        groups,
      })),
    });
    await renderOverview(api, '/readiness?q=x');
    const heatmap = await screen.findByRole('table', {
      name: 'Area pass rate',
    });
    for (const a of areas)
      expect(
        within(heatmap).getByRole('columnheader', { name: a.title }),
      ).toBeInTheDocument();
    expect(await within(heatmap).findByText('Payments')).toBeInTheDocument();
    expect(within(heatmap).getAllByRole('row')).toHaveLength(1 + 15);
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Show all 16 groups' })[1],
    );
    expect(within(heatmap).getAllByRole('row')).toHaveLength(1 + 16);
    fireEvent.click(
      within(heatmap).getByRole('button', {
        name: 'Payments, Security: 25%',
      }),
    );
    await waitFor(() => expect(params().get('area')).toBe('security'));
    expect(params().get('owner')).toBe('group:default/payments');
    expect(params().get('q')).toBeNull();
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  }, 20_000);

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
    await renderOverview(api);
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
    await renderOverview(
      api,
      '/readiness?owner=group:default/payments&status=blocked',
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
    await renderOverview(api, '/readiness?status=blocked');
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
    const props = { hrefFor: () => '?', onSelect: jest.fn() };
    await renderInTestApp(<TopChecks loading {...props} />);
    expect(
      screen.queryByText('Every entity passes every check.'),
    ).not.toBeInTheDocument();
    await renderInTestApp(<TopChecks checks={[]} {...props} />);
    expect(
      screen.getByText('Every entity passes every check.'),
    ).toBeInTheDocument();
  });
});
