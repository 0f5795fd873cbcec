import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InitiativeDetail } from '@readiness/backstage-plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { EntityInitiatives } from './EntityInitiatives';
import { GroupInitiatives } from './GroupInitiatives';
import { InitiativesCard } from './InitiativesCard';

// Typing into pickers is slow on a busy 2-core machine.
jest.setTimeout(30_000);

const detail: InitiativeDetail = {
  id: '3',
  title: 'Runbooks everywhere',
  scorecard: 'production',
  goal: { checks: ['runbook'] },
  scope: { owner: ['group:default/payments'] },
  startsOn: '2026-12-01',
  deadline: '2026-12-31',
  owner: 'group:default/platform',
  status: 'active',
  state: 'active',
  version: 2,
  createdBy: 'user:default/guest',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedBy: 'user:default/guest',
  updatedAt: '2026-12-01T09:00:00.000Z',
  progress: { total: 4, met: 3, open: 1 },
  open: [
    {
      entityRef: 'component:default/fraud-scoring',
      title: 'Fraud scoring',
      owner: 'group:default/payments-risk',
      missing: [
        {
          checkId: 'runbook',
          title: 'Runbook linked',
          remediation: 'Add a runbook link.',
        },
      ],
    },
  ],
  burnup: [
    { day: '2026-12-01', met: 1, total: 4 },
    { day: '2026-12-02', met: 3, total: 4 },
  ],
  burnupByOwner: [
    {
      owner: 'group:default/payments',
      burnup: [
        { day: '2026-12-01', met: 1, total: 3 },
        { day: '2026-12-02', met: 3, total: 3 },
      ],
    },
    {
      owner: 'group:default/payments-risk',
      burnup: [
        { day: '2026-12-01', met: 0, total: 1 },
        { day: '2026-12-02', met: 0, total: 1 },
      ],
    },
  ],
  byOwner: [
    { owner: 'group:default/payments', met: 3, total: 3 },
    { owner: 'group:default/payments-risk', met: 0, total: 1 },
  ],
};

async function render(
  api: ReturnType<typeof mockReadinessApi>,
  ui = <InitiativesCard />,
  routeEntries?: string[],
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'platform', title: 'Platform' },
                spec: { type: 'team', children: [] },
              },
            ],
          }),
        ],
      ]}
    >
      {ui}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries,
    },
  );
}

describe('InitiativesCard', () => {
  it('lists initiatives with progress, and opens one on its burn-up and what is left', async () => {
    const api = mockReadinessApi({
      listInitiatives: jest.fn(async () => ({
        items: [detail],
        canManage: false,
      })),
      getInitiative: jest.fn(async () => detail),
    });
    await render(api);
    expect(
      await screen.findByText('3 of 4 met · due 2026-12-31 · platform', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'Runbooks everywhere: 75 % met',
      }),
    ).toBeInTheDocument();
    // Only those who may manage see New initiative.
    expect(screen.queryByRole('button', { name: 'New initiative' })).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Runbooks everywhere' }),
    );
    const panel = await screen.findByTestId('initiative-3');
    expect(api.getInitiative).toHaveBeenCalledWith('3');
    expect(
      within(panel).getByRole('img', {
        name: /Burn-up of Runbooks everywhere: 3 of 4/,
      }),
    ).toBeInTheDocument();
    expect(panel).toHaveTextContent('Still open (1)');
    expect(
      within(panel).getByRole('link', { name: 'Fraud scoring' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/fraud-scoring/readiness',
    );
    expect(panel).toHaveTextContent('(payments-risk): Runbook linked');
    expect(panel).toHaveTextContent(
      'By team: payments 3/3 · payments-risk 0/1',
    );
    // One team's burn-up, against its own target.
    await userEvent.selectOptions(
      within(panel).getByRole('combobox', { name: 'Team' }),
      'payments-risk',
    );
    expect(
      within(panel).getByRole('img', {
        name: 'Burn-up of Runbooks everywhere for payments-risk: 0 of 1 meet the goal today',
      }),
    ).toBeInTheDocument();
  });

  it('opens the initiative a link names (?initiative=), as the inbox links it', async () => {
    const api = mockReadinessApi({
      listInitiatives: jest.fn(async () => ({
        items: [detail],
        canManage: false,
      })),
      getInitiative: jest.fn(async () => detail),
    });
    await render(api, <InitiativesCard />, ['/readiness?initiative=3']);
    expect(await screen.findByTestId('initiative-3')).toHaveTextContent(
      'Still open (1)',
    );
    expect(
      screen.getByRole('button', { name: 'Runbooks everywhere' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('makes an initiative standing: lists what changes and offers the YAML to commit', async () => {
    const api = mockReadinessApi({
      listInitiatives: jest.fn(async () => ({
        items: [detail],
        canManage: false,
      })),
      getInitiative: jest.fn(async () => detail),
      getInitiativeStanding: jest.fn(async () => ({
        id: '3',
        scorecard: 'production',
        file: 'examples/scorecards/production.yaml',
        enforceFrom: '2027-01-01',
        state: 'active' as const,
        checks: [
          {
            id: 'runbook',
            title: 'Runbook linked',
            change: 'enforce' as const,
            enforceFrom: '2099-01-01',
          },
          { id: 'on-call', title: 'On-call', change: 'already' as const },
        ],
        yaml: "- id: runbook\n  enforceFrom: '2027-01-01'\n",
      })),
    });
    await render(api, <InitiativesCard />, ['/readiness?initiative=3']);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Make it standing' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Make it standing: Runbooks everywhere',
    });
    expect(api.getInitiativeStanding).toHaveBeenCalledWith('3');
    expect(
      await within(dialog).findByText(/^From 2027-01-01, this check counts/),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'Runbook linked (runbook): enforceFrom 2099-01-01 → 2027-01-01',
    );
    expect(dialog).toHaveTextContent('On-call (on-call): counts already');
    expect(
      within(dialog).getByRole('textbox', {
        name: 'examples/scorecards/production.yaml with the change',
      }),
    ).toHaveValue("- id: runbook\n  enforceFrom: '2027-01-01'\n");
    expect(
      within(dialog).getByRole('button', { name: 'Download production.yaml' }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('creates an initiative from the dialog, sending the goal, the dates and who drives it', async () => {
    const api = mockReadinessApi({
      listInitiatives: jest
        .fn()
        .mockResolvedValueOnce({ items: [], canManage: true })
        .mockResolvedValue({ items: [detail], canManage: true }),
      createInitiative: jest.fn(async () => detail),
      getInitiative: jest.fn(async () => detail),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New initiative' }),
    );
    const dialog = await screen.findByRole('dialog');
    const create = within(dialog).getByRole('button', { name: 'Create' });
    expect(create).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/^Title/),
      'Runbooks everywhere',
    );
    fireEvent.change(within(dialog).getByLabelText('Deadline'), {
      target: { value: '2026-12-31' },
    });
    // The checks: from the scorecard's list.
    await userEvent.click(within(dialog).getByLabelText('Checks'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Runbook linked' }),
    );
    expect(create).toBeDisabled();
    expect(create).toHaveAttribute('title', 'Name who drives it');
    await userEvent.type(within(dialog).getByLabelText('Driven by'), 'plat');
    await userEvent.click(
      await screen.findByRole('option', { name: 'Platform (group:platform)' }),
    );
    await userEvent.click(create);
    await waitFor(() =>
      expect(api.createInitiative).toHaveBeenCalledWith({
        title: 'Runbooks everywhere',
        scorecard: 'production',
        goal: { checks: ['runbook'] },
        scope: {},
        startsOn: new Date().toISOString().slice(0, 10),
        deadline: '2026-12-31',
        owner: 'group:default/platform',
        status: 'draft',
      }),
    );
    // Saved: the dialog closes on the new initiative, open.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByTestId('initiative-3')).toBeInTheDocument();
  });
});

describe('EntityInitiatives', () => {
  it('says what is left on this entity, and shows nothing when no initiative concerns it', async () => {
    const api = mockReadinessApi({
      listInitiatives: jest.fn(async () => ({
        items: [
          {
            ...detail,
            forEntity: {
              entityRef: 'component:default/fraud-scoring',
              met: false,
              missing: [{ checkId: 'runbook', title: 'Runbook linked' }],
            },
          },
        ],
        canManage: false,
      })),
    });
    await render(
      api,
      <EntityInitiatives entityRef="component:default/fraud-scoring" />,
    );
    expect(await screen.findByTestId('entity-initiatives')).toHaveTextContent(
      'Runbooks everywhere, due 2026-12-31: left here: Runbook linked',
    );
    expect(api.listInitiatives).toHaveBeenCalledWith({
      entity: 'component:default/fraud-scoring',
    });
  });
});

describe('GroupInitiatives', () => {
  it("says what is left for the team's services", async () => {
    const api = mockReadinessApi({
      listInitiatives: jest.fn(async () => ({
        items: [
          {
            ...detail,
            forOwner: {
              owner: 'group:default/payments-risk',
              total: 2,
              met: 1,
              open: ['component:default/fraud-scoring'],
            },
          },
        ],
        canManage: false,
      })),
    });
    await render(
      api,
      <GroupInitiatives ownerRef="group:default/payments-risk" />,
    );
    expect(await screen.findByTestId('group-initiatives')).toHaveTextContent(
      'Runbooks everywhere, due 2026-12-31: 1 of 2 met; left: fraud-scoring',
    );
    expect(api.listInitiatives).toHaveBeenCalledWith({
      owner: 'group:default/payments-risk',
    });
  });
});
