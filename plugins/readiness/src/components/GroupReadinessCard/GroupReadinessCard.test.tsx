import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
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
            scorecard: 'production',
            status: 'blocked',
            score: 40,
          } as any,
        ],
        totalItems: 1,
        offset: 0,
        limit: 50,
      })),
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
          entity: [
            'component:default/payments-api',
            'component:default/status-page',
          ],
        }),
      ),
    );
    expect(await screen.findByText('Incident, Technical')).toBeInTheDocument();
    // A role given in the Readiness UI says who gave it, and when.
    expect(
      await screen.findByText('Incident (named by guest on 2026-11-30)'),
    ).toBeInTheDocument();
    expect(api.listNamedRoles).toHaveBeenCalledWith('group:default/sre-oncall');
    expect(screen.getByTestId('status-blocked')).toBeInTheDocument();
    expect(screen.getByText('not scored')).toBeInTheDocument();
  });
});
