import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  entityRouteRef,
  MockEntityListContextProvider,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import {
  EntityReadinessStatus,
  EntityReadinessStatusFilter,
  EntityReadinessStatusPicker,
} from '.';
import { StatusLoader } from './statusLoader';

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: {},
});

describe('StatusLoader', () => {
  it('asks once for every entity rendered in the same tick, and remembers', async () => {
    const getStatuses = jest.fn(async () => ({
      items: [
        {
          entityRef: 'component:default/ledger-service',
          status: 'blocked' as const,
        },
      ],
    }));
    const loader = new StatusLoader({ getStatuses });
    const [a, b] = await Promise.all([
      loader.load('Component:default/ledger-service'),
      loader.load('component:default/unscored'),
    ]);
    expect(a).toBe('blocked');
    expect(b).toBeNull();
    expect(getStatuses).toHaveBeenCalledTimes(1);
    expect(getStatuses).toHaveBeenCalledWith({
      entity: [
        'component:default/ledger-service',
        'component:default/unscored',
      ],
    });
    await loader.load('component:default/ledger-service');
    expect(getStatuses).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed answer so the next render asks again', async () => {
    const getStatuses = jest
      .fn()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce({ items: [] });
    const loader = new StatusLoader({ getStatuses });
    await expect(loader.load('component:default/a')).rejects.toThrow('down');
    await expect(loader.load('component:default/a')).resolves.toBeNull();
  });
});

describe('EntityReadinessStatus', () => {
  it('shows the status linked to the Readiness tab, and a dash when not scored', async () => {
    const api = mockReadinessApi({
      getStatuses: jest.fn(async () => ({
        items: [
          {
            entityRef: 'component:default/ledger-service',
            status: 'blocked' as const,
          },
        ],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <EntityReadinessStatus entity={component('ledger-service')} />
        <EntityReadinessStatus entity={component('docs-site')} />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('status-blocked')).toBeInTheDocument();
    expect(screen.getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-service/readiness',
    );
    expect(screen.getByTitle('Not scored')).toHaveTextContent('–');
    expect(api.getStatuses).toHaveBeenCalledTimes(1);
  });
});

describe('EntityReadinessStatusPicker', () => {
  it('filters the catalog list to entities of the chosen status', async () => {
    const api = mockReadinessApi({
      getStatuses: jest.fn(async () => ({
        items: [
          {
            entityRef: 'component:default/ledger-service',
            status: 'blocked' as const,
          },
        ],
      })),
    });
    const updateFilters = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <MockEntityListContextProvider value={{ updateFilters }}>
          <EntityReadinessStatusPicker />
        </MockEntityListContextProvider>
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /Readiness/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Blocked' }),
    );
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        readiness: expect.any(EntityReadinessStatusFilter),
      }),
    );
    expect(api.getStatuses).toHaveBeenCalledWith({ status: ['blocked'] });
    const filter: EntityReadinessStatusFilter =
      updateFilters.mock.lastCall[0].readiness;
    expect(filter.filterEntity(component('ledger-service'))).toBe(true);
    expect(filter.filterEntity(component('payments-api'))).toBe(false);
    expect(filter.toQueryValue()).toEqual(['blocked']);
  });

  it('starts from the status in the URL', async () => {
    const api = mockReadinessApi();
    const updateFilters = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <MockEntityListContextProvider
          value={{
            updateFilters,
            queryParameters: { readiness: ['needs-work', 'nonsense'] } as any,
          }}
        >
          <EntityReadinessStatusPicker />
        </MockEntityListContextProvider>
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(api.getStatuses).toHaveBeenCalledWith({ status: ['needs-work'] }),
    );
    expect(screen.getByText('Needs work')).toBeInTheDocument();
  });
});
