import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within, cleanup } from '@testing-library/react';
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

/** A ResponseError as the client throws it: status and the server's message. */
const responseError = (statusCode: number, message: string) =>
  Object.assign(Object.create(ResponseError.prototype), {
    statusCode,
    message,
  });

async function render(
  api = mockReadinessApi(),
  onChanged = jest.fn(),
  catalog = catalogApiMock({ entities: groups }),
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [catalogApiRef, catalog],
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
  it('says when each owner was confirmed, and confirms them again with a reason', async () => {
    const confirmed = {
      ...ownershipResponse,
      confirmations: {
        technical: {
          entityRef: ownershipResponse.entityRef,
          role: 'technical' as const,
          ownerRef: 'group:default/payments',
          confirmedBy: 'user:default/ann',
          confirmedAt: '2026-11-02T10:00:00.000Z',
          reason: 'ops review',
        },
      },
      history: [
        {
          entityRef: ownershipResponse.entityRef,
          oldRoles: ownershipResponse.effective,
          newRoles: ownershipResponse.effective,
          changedBy: 'user:default/ann',
          changedAt: '2026-11-02T10:00:00.000Z',
          reason: 'ops review',
          confirmed: ['technical' as const],
        },
      ],
    };
    const api = mockReadinessApi({
      getOwnership: jest.fn(async () => confirmed),
    });
    const { onChanged } = await render(api);
    expect(
      await screen.findByTestId('owner-technical-confirmed'),
    ).toHaveTextContent('Confirmed on 2026-11-02 by ann (ops review)');
    expect(screen.queryByTestId('owner-incident-confirmed')).toBeNull();
    expect(screen.getByTestId('ownership-history')).toHaveTextContent(
      'confirmed technical owner (ops review)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Incident owner: billing-oncall');
    await userEvent.type(
      within(dialog).getByLabelText('Reason (kept in the history)'),
      'Still right',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );
    await waitFor(() =>
      expect(api.confirmOwnership).toHaveBeenCalledWith(
        'component:default/ledger-service',
        { reason: 'Still right' },
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onChanged).toHaveBeenCalled();
  });

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

  it('does not flag unset roles in red on a system, whose parts hold them', async () => {
    await render();
    const onComponent = await screen.findByTestId('owner-runbook');
    expect(onComponent.firstElementChild!.className).toMatch(
      /makeStyles-error-/,
    );
    cleanup();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [readinessApiRef, mockReadinessApi()],
          [catalogApiRef, catalogApiMock({ entities: groups })],
        ]}
      >
        <OwnershipPanel entityRef="system:default/checkout" />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const onSystem = await screen.findByTestId('owner-runbook');
    expect(onSystem).toHaveTextContent('not set');
    expect(onSystem.firstElementChild!.className).toMatch(/colorTextSecondary/);
  });

  it('opens a channel that is a web or email address', async () => {
    for (const [channel, href] of [
      ['https://chat.acme.example/ledger', 'https://chat.acme.example/ledger'],
      ['ledger-oncall@acme.example', 'mailto:ledger-oncall@acme.example'],
    ]) {
      const api = mockReadinessApi({
        getOwnership: jest.fn(async () => ({
          ...ownershipResponse,
          effective: { ...ownershipResponse.effective, channel },
        })),
      });
      const { unmount } = await renderInTestApp(
        <TestApiProvider
          apis={[
            [readinessApiRef, api],
            [catalogApiRef, catalogApiMock({ entities: groups })],
          ]}
        >
          <OwnershipPanel
            entityRef="component:default/ledger-service"
            onChanged={jest.fn()}
          />
        </TestApiProvider>,
        {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      );
      const cell = await screen.findByTestId('owner-channel');
      expect(within(cell).getByRole('link')).toHaveAttribute('href', href);
      unmount();
    }
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
            runbook: '',
            goLiveDate: '',
          },
          reason: 'billing-oncall is gone',
        },
        0,
      ),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('opens the edit dialog and searches without "Autocomplete value is invalid" warnings', async () => {
    const logged = jest.spyOn(console, 'error');
    const warned = jest.spyOn(console, 'warn');
    try {
      await render();
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit' }),
      );
      const dialog = await screen.findByRole('dialog');
      // The current values are not among the search results shown.
      const incident = within(dialog).getByLabelText('Incident owner');
      await userEvent.clear(incident);
      await userEvent.type(incident, 'SRE');
      await screen.findByText('SRE on-call (group:sre-oncall)');
      const said = [...logged.mock.calls, ...warned.mock.calls]
        .map(args => args.map(String).join(' '))
        .filter(m => /Autocomplete/.test(m));
      expect(said).toEqual([]);
    } finally {
      logged.mockRestore();
      warned.mockRestore();
    }
  });

  it('keeps what is typed when the current owner is looked up in the catalog only afterwards', async () => {
    const catalog = catalogApiMock({ entities: groups });
    const lookups: Array<() => void> = [];
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockImplementation(
        () => new Promise(resolve => lookups.push(() => resolve(undefined))),
      );
    await render(mockReadinessApi(), jest.fn(), catalog);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const incident = within(dialog).getByLabelText(
      'Incident owner',
    ) as HTMLInputElement;
    await userEvent.clear(incident);
    await userEvent.type(incident, 'SRE');
    // billing-oncall's lookup answers now (it does not exist), while the
    // person is already on to the next field.
    await waitFor(() => expect(lookups.length).toBeGreaterThan(0));
    await userEvent.tab();
    lookups.forEach(answer => answer());
    await waitFor(() => expect(incident.value).toBe('SRE'));
    await new Promise(r => setTimeout(r, 300));
    expect(incident.value).toBe('SRE');
  });

  it('after a conflict shows their values next to yours and never overwrites theirs unasked', async () => {
    const conflict = responseError(409, 'conflict');
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
    await userEvent.type(channel, 'slack:#mine');
    const runbook = within(dialog).getByLabelText('Runbook URL');
    await userEvent.type(runbook, 'https://runbooks.example/mine');
    // Meanwhile someone set the technical owner and another channel.
    (api.getOwnership as jest.Mock).mockResolvedValueOnce({
      ...ownershipResponse,
      version: 3,
      updatedBy: 'user:default/liam.ortiz',
      updatedAt: '2026-11-23T12:34:00Z',
      effective: {
        ...ownershipResponse.effective,
        technical: 'group:default/sre-oncall',
        channel: 'slack:#theirs',
      },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const panel = await within(dialog).findByTestId('ownership-conflict');
    expect(panel).toHaveTextContent('liam.ortiz saved a change at 12:34 UTC');
    expect(panel).toHaveTextContent('Technical owner: they set sre-oncall');
    // Both changed the channel: theirs stays unless chosen otherwise.
    expect(channel).toHaveValue('slack:#theirs');
    expect(runbook).toHaveValue('https://runbooks.example/mine');
    (api.saveOwnership as jest.Mock).mockResolvedValueOnce(ownershipResponse);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.saveOwnership).toHaveBeenLastCalledWith(
        'component:default/ledger-service',
        {
          roles: {
            ...ownershipResponse.effective,
            technical: 'group:default/sre-oncall',
            channel: 'slack:#theirs',
            runbook: 'https://runbooks.example/mine',
            goLiveDate: '',
          },
        },
        3,
      ),
    );
  });

  it('re-applies my value for a field when I choose so after a conflict', async () => {
    const conflict = responseError(409, 'conflict');
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
    await userEvent.type(channel, 'slack:#mine');
    (api.getOwnership as jest.Mock).mockResolvedValueOnce({
      ...ownershipResponse,
      version: 3,
      effective: { ...ownershipResponse.effective, channel: 'slack:#theirs' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await userEvent.click(
      await within(dialog).findByLabelText('Use mine: slack:#mine'),
    );
    expect(channel).toHaveValue('slack:#mine');
    (api.saveOwnership as jest.Mock).mockResolvedValueOnce(ownershipResponse);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.saveOwnership).toHaveBeenLastCalledWith(
        expect.anything(),
        {
          roles: expect.objectContaining({ channel: 'slack:#mine' }),
        },
        3,
      ),
    );
  });

  it('shows each server error under the field it names', async () => {
    const bad = responseError(
      400,
      'roles.channel: "slack:#x y" is not a channel; roles.runbook: "https://x y" is not an http(s) URL',
    );
    const api = mockReadinessApi({
      saveOwnership: jest.fn(async () => {
        throw bad;
      }),
    });
    await render(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Runbook URL'),
      'https://runbooks.example/ok',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('"slack:#x y" is not a channel'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('"https://x y" is not an http(s) URL'),
    ).toBeInTheDocument();
  });

  it('checks a changed field before sending, and flags an untouched invalid one without blocking', async () => {
    const { api } = await render();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /group:default\/billing-oncall does not exist in the catalog\. Saving other fields keeps it/,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Runbook URL'),
      'runbooks/ledger',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        '"runbooks/ledger" is not an http(s) URL',
      ),
    ).toBeInTheDocument();
    expect(api.saveOwnership).not.toHaveBeenCalled();
  });

  it('lets an edited field follow catalog-info.yaml again', async () => {
    const edited = {
      ...ownershipResponse,
      version: 4,
      overridden: ['channel' as const],
      edited: { channel: 'slack:#ledger-incidents' },
      effective: {
        ...ownershipResponse.effective,
        channel: 'slack:#ledger-incidents',
      },
      differsFromCatalog: true,
    };
    const api = mockReadinessApi({ getOwnership: jest.fn(async () => edited) });
    const { onChanged } = await render(api);
    expect(await screen.findByTestId('owner-channel-edited')).toHaveTextContent(
      'Edited in Backstage; catalog-info.yaml says slack:#ledger',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Use catalog-info.yaml' }),
    );
    await waitFor(() =>
      expect(api.revertOwnership).toHaveBeenCalledWith(
        'component:default/ledger-service',
        { fields: ['channel'] },
        4,
      ),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('refuses a half-typed owner instead of saving "no owner"', async () => {
    const { api } = await render();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const technical = within(dialog).getByLabelText('Technical owner');
    await userEvent.clear(technical);
    await userEvent.type(technical, 'pri');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        /"pri" is not picked: choose a group or user from the list/,
      ),
    ).toBeInTheDocument();
    expect(api.saveOwnership).not.toHaveBeenCalled();
  });

  it('tells a field that was not set before as "none" in the history', async () => {
    const reverted = {
      ...ownershipResponse,
      version: 3,
      history: [
        {
          entityRef: 'component:default/ledger-service',
          oldRoles: { incident: 'group:default/billing-oncall' },
          newRoles: {
            incident: 'group:default/billing-oncall',
            technical: 'group:default/payments',
          },
          changedBy: 'user:default/guest',
          changedAt: '2026-11-30T10:00:00Z',
          reason: 'Use catalog-info.yaml again for technical',
        },
      ],
    };
    await render(
      mockReadinessApi({ getOwnership: jest.fn(async () => reverted) }),
    );
    expect(await screen.findByTestId('ownership-history')).toHaveTextContent(
      'guest: technical owner none → payments (Use catalog-info.yaml again for technical)',
    );
  });

  it('asks before discarding changes, and closes at once without any', async () => {
    await render();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    let dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    dialog = await screen.findByRole('dialog');
    const channel = within(dialog).getByLabelText('Communication channel');
    await userEvent.clear(channel);
    await userEvent.type(channel, 'slack:#mine');
    await userEvent.keyboard('{Escape}');
    expect(
      await within(dialog).findByText('Discard your changes to one field?'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Keep editing' }),
    );
    expect(channel).toHaveValue('slack:#mine');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Discard' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
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
