import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { mockReadinessApi, ownershipResponse } from '../../testing/fixtures';
import { OwnershipPanel } from './OwnershipPanel';

const groups = ['sre-oncall', 'payments', 'customer-support'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, title: name === 'sre-oncall' ? 'SRE on-call' : name },
  spec: { type: 'team', children: [] },
}));

async function render(api = mockReadinessApi(), onChanged = jest.fn()) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: groups })],
      ]}
    >
      <OwnershipPanel
        entityRef="component:default/ledger-service"
        onChanged={onChanged}
      />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, onChanged };
}

describe('OwnershipPanel', () => {
  it('shows the roles, channel and runbook, with Edit for those allowed', async () => {
    await render();
    expect(await screen.findByTestId('owner-incident')).toHaveTextContent(
      'billing-oncall',
    );
    expect(screen.getByTestId('owner-channel')).toHaveTextContent(
      'slack:#ledger',
    );
    expect(screen.getByTestId('owner-runbook')).toHaveTextContent('not set');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('is read-only, and says why, for those not allowed', async () => {
    await render(
      mockReadinessApi({
        getOwnership: jest.fn(async () => ({
          ...ownershipResponse,
          canEdit: false,
        })),
      }),
    );
    expect(
      await screen.findByText(
        /Read-only: only the owners of this entity and admins/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });

  it('shows history and a note when the edit differs from catalog-info.yaml', async () => {
    const edited = {
      ...ownershipResponse,
      version: 1,
      effective: {
        ...ownershipResponse.effective,
        incident: 'group:default/sre-oncall',
      },
      differsFromCatalog: true,
      updatedBy: 'user:default/guest',
      history: [
        {
          newRoles: {
            ...ownershipResponse.effective,
            incident: 'group:default/sre-oncall',
          },
          entityRef: 'component:default/payments-api',
          changedBy: 'user:default/guest',
          changedAt: '2026-11-23T12:00:00Z',
          reason: 'billing-oncall is gone',
        },
      ],
    };
    await render(
      mockReadinessApi({ getOwnership: jest.fn(async () => edited) }),
    );
    expect(
      await screen.findByText(/different from catalog-info.yaml/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('ownership-history')).toHaveTextContent(
      '2026-11-23 · guest: incident owner billing-oncall → sre-oncall (billing-oncall is gone)',
    );
  });

  it('edits a role with the picker and saves with the version read', async () => {
    const { api, onChanged } = await render();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const incident = within(dialog).getByLabelText('Incident owner');
    await userEvent.clear(incident);
    await userEvent.type(incident, 'SRE');
    await userEvent.click(
      await screen.findByText('SRE on-call (group:sre-oncall)'),
    );
    await userEvent.type(
      within(dialog).getByLabelText('Reason (kept in the history)'),
      'billing-oncall is gone',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.saveOwnership).toHaveBeenCalledWith(
        'component:default/ledger-service',
        {
          roles: {
            ...ownershipResponse.effective,
            incident: 'group:default/sre-oncall',
          },
          reason: 'billing-oncall is gone',
        },
        0,
      ),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('keeps the entries and offers Reload when someone saved first', async () => {
    const conflict = Object.assign(Object.create(ResponseError.prototype), {
      statusCode: 409,
      message: 'conflict',
    });
    const api = mockReadinessApi({
      saveOwnership: jest.fn(async () => {
        throw conflict;
      }),
    });
    await render(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const channel = within(dialog).getByLabelText('Communication channel');
    await userEvent.clear(channel);
    await userEvent.type(channel, 'slack:#ledger-incidents');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        /Someone else saved a change since you opened this dialog/,
      ),
    ).toBeInTheDocument();
    expect(channel).toHaveValue('slack:#ledger-incidents');
    (api.getOwnership as jest.Mock).mockResolvedValueOnce({
      ...ownershipResponse,
      version: 3,
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reload' }),
    );
    (api.saveOwnership as jest.Mock).mockResolvedValueOnce(ownershipResponse);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.saveOwnership).toHaveBeenLastCalledWith(
        expect.anything(),
        expect.anything(),
        3,
      ),
    );
  });

  it('gives the annotation block as YAML', async () => {
    await render();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Copy as YAML',
      }),
    );
    expect(
      await screen.findByText(
        /readiness\/incident-owner: "group:default\/billing-oncall"/,
      ),
    ).toBeInTheDocument();
  });
});
