import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { GroupReadinessCard } from './GroupReadinessCard';

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sre-oncall' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'incidentOwnerOf', targetRef: 'component:default/payments-api' },
    { type: 'incidentOwnerOf', targetRef: 'component:default/status-page' },
    { type: 'technicalOwnerOf', targetRef: 'component:default/status-page' },
    { type: 'memberOf', targetRef: 'group:default/platform' },
  ],
};

describe('GroupReadinessCard', () => {
  it('lists the entities the group holds a role for, with their status', async () => {
    const api = mockReadinessApi({
      listResults: jest.fn(async () => ({
        items: [
          {
            entityRef: 'component:default/status-page',
            name: 'status-page',
            scorecard: 'production',
            status: 'blocked',
            score: 40,
          } as any,
        ],
        totalItems: 1,
        offset: 0,
        limit: 50,
      })),
      // No scorecard scores groups here: no group score.
      getEntity: jest.fn(async () => {
        throw new Error('no results');
      }),
      listNamedRoles: jest.fn(async () => [
        {
          entityRef: 'component:default/payments-api',
          role: 'incident' as const,
          namedBy: 'user:default/guest',
          namedAt: '2026-11-30T09:15:00.000Z',
        },
      ]),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <EntityProvider entity={group}>
          <GroupReadinessCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    await waitFor(() =>
      expect(api.listResults).toHaveBeenCalledWith(
        expect.objectContaining({
          scorecard: 'production',
          entity: [
            'component:default/payments-api',
            'component:default/status-page',
          ],
        }),
      ),
    );
    await screen.findByTestId('status-blocked');
    expect(
      screen
        .getAllByRole('row')
        .find(r => r.textContent?.includes('status-page'))?.textContent,
    ).toContain('Incident, Technical');
    // A role given in the Readiness UI says who gave it, and when.
    expect(
      await screen.findByText('Incident (named by guest on 2026-11-30)'),
    ).toBeInTheDocument();
    expect(api.listNamedRoles).toHaveBeenCalledWith('group:default/sre-oncall');
    expect(screen.getByTestId('status-blocked')).toBeInTheDocument();
    expect(screen.getByText('not scored')).toBeInTheDocument();
  });

  it('lists what the group owns, its sub-groups included, and its own score', async () => {
    const payments = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments' },
      spec: { type: 'team', children: [] },
      relations: [
        {
          type: 'technicalOwnerOf',
          targetRef: 'component:default/payments-api',
        },
      ],
    };
    const result = (name: string, owner: string, status: string) =>
      ({
        entityRef: `component:default/${name}`,
        scorecard: 'production',
        name,
        title: name === 'invoice-generator' ? 'Invoice generator' : undefined,
        owner: `group:default/${owner}`,
        status,
        score: status === 'ready' ? 100 : 50,
      } as any);
    const api = mockReadinessApi({
      listResults: jest.fn(async q =>
        q.owner
          ? {
              items: [
                result('invoice-generator', 'payments', 'blocked'),
                result('fraud-scoring', 'payments-risk', 'blocked'),
                result('payments-api', 'payments', 'ready'),
              ],
              totalItems: 3,
              offset: 0,
              limit: 200,
            }
          : {
              items: [result('payments-api', 'payments', 'ready')],
              totalItems: 1,
              offset: 0,
              limit: 200,
            },
      ),
      getEntity: jest.fn(async () => ({
        entityRef: 'group:default/payments',
        owners: {},
        applicableScorecards: ['production'],
        results: [
          {
            entityRef: 'group:default/payments',
            scorecard: 'production',
            status: 'blocked' as const,
            score: 33.3,
            passingScore: 95,
            verdict: 'Not ready',
            areas: [],
            evaluatedAt: '2026-11-30T10:00:00.000Z',
            stale: false,
            checks: [
              {
                checkId: 'nothing-owned-blocked',
                title: 'Nothing the team owns is blocked',
                area: 'owned',
                severity: 'critical' as const,
                weight: 1,
                result: 'fail' as const,
                counted: true,
                message: '2 of 3 owned entities are blocked',
              },
            ],
          },
        ],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <EntityProvider entity={payments}>
          <GroupReadinessCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const link = await screen.findByRole('link', { name: 'Invoice generator' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/invoice-generator/readiness',
    );
    expect(api.listResults).toHaveBeenCalledWith(
      expect.objectContaining({ owner: ['group:default/payments'] }),
    );
    // Owned directly; owned by a sub-group; owned and holding a role.
    const rows = screen.getAllByRole('row').map(r => r.textContent);
    expect(rows.find(r => r?.includes('Invoice generator'))).toContain('Owner');
    expect(rows.find(r => r?.includes('fraud-scoring'))).toContain('Owner via');
    expect(rows.find(r => r?.includes('payments-api'))).toContain(
      'Owner, Technical',
    );
    // Blocked first.
    expect(rows[1]).not.toContain('payments-api');
    expect(await screen.findByTestId('group-score')).toHaveTextContent(
      'Production readiness: 33.3 of 95 needed',
    );
    expect(screen.getByTestId('group-score')).toHaveTextContent(
      'Open: Nothing the team owns is blocked',
    );
  });

  it('confirms every role the group holds with one reason, and names what it could not confirm', async () => {
    const api = mockReadinessApi({
      getEntity: jest.fn(async () => {
        throw new Error('no results');
      }),
      confirmRolesOf: jest.fn(async owner => ({
        owner,
        items: [
          {
            entityRef: 'component:default/payments-api',
            ok: true as const,
            roles: ['incident' as const],
          },
          {
            entityRef: 'component:default/status-page',
            ok: false as const,
            error: { name: 'NotAllowedError', message: 'You may not' },
          },
        ],
        confirmed: 1,
        failed: 1,
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <EntityProvider entity={group}>
          <GroupReadinessCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Confirm roles' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('owner of 2 entities');
    await userEvent.type(
      within(dialog).getByLabelText('Reason (kept in the history)'),
      'Quarterly review',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm all' }),
    );
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Confirmed the roles on 1 entity; not confirmed: status-page: You may not',
    );
    expect(api.confirmRolesOf).toHaveBeenCalledWith(
      'group:default/sre-oncall',
      'Quarterly review',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Close' }),
    ).toBeInTheDocument();
  });
});
