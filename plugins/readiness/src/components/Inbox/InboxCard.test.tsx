import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InboxItem } from '@readiness/backstage-plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { InboxCard } from './InboxCard';
import { ReadinessSidebarItem } from './ReadinessSidebarItem';

// Typing into pickers is slow on a busy 2-core machine.
jest.setTimeout(30_000);

const request: InboxItem = {
  kind: 'exemption-request',
  entityRef: 'component:default/ledger-service',
  title:
    'Grant or refuse an exemption from runbook-reviewed for ledger-service',
  detail: 'user:default/priya.raman asked: the wiki moves',
  since: '2026-12-01T09:00:00.000Z',
  exemptionId: '7',
  checkId: 'runbook-reviewed',
};
const signoff: InboxItem = {
  kind: 'signoff',
  entityRef: 'component:default/checkout-web',
  title: 'Sign off checkout-web as Security team',
  due: '2026-12-08',
  role: 'security',
};

async function render(
  api: ReturnType<typeof mockReadinessApi>,
  ui = <InboxCard />,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>{ui}</TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('InboxCard', () => {
  it('lists what waits, each linked to its tab, and grants a request in place', async () => {
    const api = mockReadinessApi({
      getInbox: jest
        .fn()
        .mockResolvedValueOnce({ items: [request, signoff] })
        .mockResolvedValue({ items: [signoff] }),
    });
    await render(api);
    expect(await screen.findByText('Waiting for you (2)')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Waiting for you' });
    expect(
      within(list).getByRole('link', { name: signoff.title }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-web/readiness',
    );
    expect(list).toHaveTextContent('Sign-off · due 2026-12-08');
    expect(list).toHaveTextContent(
      'Exemption request · waiting since 2026-12-01',
    );
    // Only a request can be granted from here.
    expect(within(list).getAllByRole('button')).toHaveLength(1);
    await userEvent.click(
      screen.getByRole('button', { name: `Grant: ${request.title}` }),
    );
    await waitFor(() =>
      expect(api.grantExemption).toHaveBeenCalledWith(
        'component:default/ledger-service',
        '7',
      ),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Granted the exemption from runbook-reviewed for ledger-service.',
    );
    expect(await screen.findByText('Waiting for you (1)')).toBeInTheDocument();
  });

  it('shows a refused grant and keeps the request', async () => {
    const api = mockReadinessApi({
      getInbox: jest.fn(async () => ({ items: [request] })),
      grantExemption: jest.fn(async () => {
        throw new Error('Someone else must grant an exemption you asked for');
      }),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: `Grant: ${request.title}` }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else must grant an exemption you asked for',
    );
    expect(screen.getByText(request.title)).toBeInTheDocument();
  });

  it('opens an initiative behind on the org page, not on a tab', async () => {
    const behind: InboxItem = {
      kind: 'initiative-behind',
      entityRef: 'group:default/platform',
      title: 'Initiative "Runbooks" is behind',
      detail:
        '1 of 4 meet the goal; 2 should by now at an even pace; 3 still open',
      due: '2026-12-20',
      initiativeId: '3',
    };
    await render(
      mockReadinessApi({
        getInbox: jest.fn(async () => ({ items: [behind] })),
      }),
    );
    const link = await screen.findByRole('link', { name: behind.title });
    expect(link.getAttribute('href')).toMatch(/\?initiative=3#initiatives$/);
    expect(
      screen.getByRole('list', { name: 'Waiting for you' }),
    ).toHaveTextContent('Initiative behind · due 2026-12-20');
  });

  it('says when nothing waits', async () => {
    await render(mockReadinessApi());
    expect(
      await screen.findByText('Nothing waits for you.'),
    ).toBeInTheDocument();
  });

  it('counts what waits on the sidebar entry', async () => {
    const api = mockReadinessApi({
      getInbox: jest.fn(async () => ({ items: [request, signoff] })),
    });
    await render(api, <ReadinessSidebarItem icon={<span>R</span>} />);
    await waitFor(() =>
      expect(screen.getByTestId('readiness-inbox-count')).toHaveTextContent(
        '2',
      ),
    );
    expect(
      screen.getByRole('link', { name: 'Readiness: 2 waiting for you' }),
    ).toBeInTheDocument();
  });
});
