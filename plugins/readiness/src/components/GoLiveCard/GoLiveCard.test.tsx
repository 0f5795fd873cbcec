import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { goLiveResponse, mockReadinessApi } from '../../testing/fixtures';
import { GoLiveCard } from './GoLiveCard';

jest.setTimeout(30_000);
const REF = 'component:default/ledger-service';

const renderWith = (api = mockReadinessApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <GoLiveCard entityRef={REF} />
    </TestApiProvider>,
  );

/** The day before launch: sign-off time. */
const T_MINUS_1 = {
  phase: {
    phase: 'sign-off' as const,
    day: -1,
    label: 'T-1',
    title: 'Sign-off by every role',
  },
  firstWeek: [],
  missedDailyChecks: 0,
};

describe('GoLiveCard', () => {
  it('shows the phase, the first week with its missed day, and who signed', async () => {
    const api = mockReadinessApi({
      getGoLive: jest.fn(async () =>
        goLiveResponse({
          signoff: {
            roles: [
              {
                id: 'security',
                title: 'Security team',
                signoff: {
                  id: 1,
                  role: 'security',
                  signedBy: 'user:default/mira',
                  signedAt: '2026-11-30T09:00:00Z',
                },
              },
              { id: 'operations', title: 'Operations team' },
            ],
            voided: [],
            complete: false,
          },
        }),
      ),
    });
    await renderWith(api);
    expect(
      await screen.findByText(
        'Goes live 2026-12-01 · T+3: First production week: a check every day',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 daily check of the first week was missed.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('day-2')).toHaveAttribute('data-state', 'missed');
    expect(screen.getByTestId('signoff-security')).toHaveTextContent(
      '✓ mira, 2026-11-30',
    );
    expect(screen.getByText('Sign-off: 1 of 2')).toBeInTheDocument();
  });

  it('signs off, and shows what the server said when it refuses', async () => {
    const signed = goLiveResponse({
      ...T_MINUS_1,
      signoff: {
        roles: [
          {
            id: 'security',
            title: 'Security team',
            signoff: {
              id: 2,
              role: 'security',
              signedBy: 'user:default/guest',
              signedAt: '2026-11-30T10:00:00Z',
              note: 'pen test closed',
            },
          },
          { id: 'operations', title: 'Operations team' },
        ],
        voided: [],
        complete: false,
      },
    });
    const refused = Object.assign(
      new Error(
        'A sign-off needs the status Ready; component:default/ledger-service is blocked (production)',
      ),
      { name: 'ResponseError' },
    );
    const api = mockReadinessApi({
      getGoLive: jest.fn(async () => goLiveResponse(T_MINUS_1)),
      signOff: jest
        .fn()
        .mockRejectedValueOnce(refused)
        .mockResolvedValueOnce(signed),
    });
    await renderWith(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign off as Security team' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Note (optional)'),
      'pen test closed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );
    expect(
      await within(dialog).findByText(/needs the status Ready; .* is blocked/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('signoff-security')).toHaveTextContent(
        '✓ guest, 2026-11-30',
      ),
    );
    expect(api.signOff).toHaveBeenLastCalledWith(REF, {
      role: 'security',
      note: 'pen test closed',
    });
  });

  it('cannot sign while the status is not Ready, and says why', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({ ...T_MINUS_1, status: 'needs-work' }),
        ),
      }),
    );
    expect(
      await screen.findByRole('button', { name: 'Sign off as Security team' }),
    ).toBeDisabled();
    expect(
      screen.getByText(
        /Sign-off opens when the status is Ready \(now needs-work\)/,
      ),
    ).toBeInTheDocument();
  });

  it('asks for a go-live date before anyone signs', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({
            goLiveDate: undefined,
            phase: { phase: 'unscheduled', title: 'No go-live date set' },
            firstWeek: [],
            missedDailyChecks: 0,
          }),
        ),
      }),
    );
    expect(
      await screen.findByRole('button', { name: 'Sign off as Security team' }),
    ).toBeDisabled();
    expect(
      screen.getByText(
        'A sign-off is for a go-live: set the go-live date first.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request sign-off' }),
    ).not.toBeInTheDocument();
  });

  it('records the daily check of a missed day, every item answered', async () => {
    const api = mockReadinessApi({
      recordDailyCheck: jest.fn(async () =>
        goLiveResponse({ missedDailyChecks: 0 }),
      ),
    });
    await renderWith(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Record daily check' }),
    );
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Save check' });
    for (const item of [
      'Error rate',
      'Latency',
      'Failed jobs',
      'User feedback',
      'Connector health',
    ]) {
      expect(save).toBeDisabled();
      const group = within(dialog).getByRole('radiogroup', { name: item });
      await userEvent.click(
        within(group).getByLabelText(item === 'Failed jobs' ? 'not ok' : 'ok'),
      );
    }
    await userEvent.type(
      within(dialog).getByLabelText('What is wrong with failed jobs'),
      '3 exports failed',
    );
    await userEvent.click(save);
    await waitFor(() => expect(api.recordDailyCheck).toHaveBeenCalled());
    expect(api.recordDailyCheck).toHaveBeenCalledWith(REF, {
      day: '2026-12-04',
      items: {
        errorRate: { ok: true },
        latency: { ok: true },
        failedJobs: { ok: false, note: '3 exports failed' },
        userFeedback: { ok: true },
        connectorHealth: { ok: true },
      },
    });
    await waitFor(() =>
      expect(
        screen.queryByText('1 daily check of the first week was missed.'),
      ).not.toBeInTheDocument(),
    );
  });

  it('downloads the go-live note', async () => {
    const createObjectURL = jest.fn(() => 'blob:x');
    (global as any).URL.createObjectURL = createObjectURL;
    (global as any).URL.revokeObjectURL = jest.fn();
    const api = mockReadinessApi();
    await renderWith(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download report' }),
    );
    await waitFor(() => expect(api.getReport).toHaveBeenCalledWith(REF));
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('offers Sign, Request sign-off and the first-week records only to those who may', async () => {
    const ready = {
      phase: {
        phase: 'sign-off' as const,
        day: -1,
        label: 'T-1',
        title: 'Sign-off by every role',
      },
      firstWeek: [],
      missedDailyChecks: 0,
    };
    const { unmount } = await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () => goLiveResponse(ready)),
      }),
    );
    expect(
      await screen.findByRole('button', { name: 'Sign off as Security team' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Request sign-off' }),
    ).toBeInTheDocument();
    unmount();
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({ ...ready, canSign: false, canRecord: false }),
        ),
      }),
    );
    expect(await screen.findByTestId('signoff-security')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign off as/ })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Request sign-off' }),
    ).toBeNull();
  });

  it('hides the first-week records from people who may not record them', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () => goLiveResponse({ canRecord: false })),
      }),
    );
    expect(await screen.findByTestId('day-2')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Record daily check' }),
    ).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Record risky action' }),
    ).toBeNull();
  });

  it('offers Sign only for the roles the server would let this person sign, and says why not', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({
            ...T_MINUS_1,
            signoff: {
              roles: [
                {
                  id: 'security',
                  title: 'Security team',
                  group: 'group:default/security',
                  independent: true,
                  canSign: false,
                  whyNot:
                    'Security team is signed independently of the service: you own component:default/ledger-service (as group:default/payments), so someone else must sign it',
                },
                {
                  id: 'operations',
                  title: 'Operations team',
                  canSign: true,
                },
                {
                  id: 'infrastructure',
                  title: 'Infrastructure team',
                  group: 'group:default/platform',
                  canSign: false,
                  whyNot:
                    'Only members of group:default/platform sign off as Infrastructure team',
                },
              ],
              voided: [],
              complete: false,
            },
          }),
        ),
      }),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Sign off as Operations team',
      }),
    ).toBeEnabled();
    expect(
      screen.queryByRole('button', { name: 'Sign off as Security team' }),
    ).toBeNull();
    expect(screen.getByTestId('why-not-security')).toHaveTextContent(
      'Not you: Security team is signed independently of the service',
    );
    // Not in the group: said once, briefly.
    expect(screen.getByTestId('signoff-infrastructure')).toHaveTextContent(
      'Members of platform (not you)',
    );
    expect(screen.queryByTestId('why-not-infrastructure')).toBeNull();
  });

  it('says when a role has nobody to ask, not that it was asked already', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () => goLiveResponse(T_MINUS_1)),
        requestSignoff: jest.fn(async () => ({
          asked: 1,
          roles: ['security', 'operations'],
          nobody: ['security'],
        })),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request sign-off' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Asked 1 role by notification. Nobody could be asked for Security team: its group has no one else to ask.',
    );
  });

  it('ticks off an item of an open phase checklist, and offers Done only to those who may record', async () => {
    const checklists = [
      {
        phase: 'sign-off' as const,
        occurrence: '',
        label: 'T-1',
        opensOn: '2026-01-01',
        complete: false,
        items: [
          { id: 'alerts-tested', title: 'Alerts tested' },
          {
            id: 'oncall-notified',
            title: 'On-call team notified',
            doneBy: 'user:default/aiko.tanaka',
            doneAt: '2026-11-30T09:00:00Z',
          },
        ],
      },
      {
        phase: 'launch' as const,
        occurrence: '',
        label: 'T-0',
        opensOn: '2999-01-01',
        complete: false,
        items: [{ id: 'final-backup', title: 'Final backup taken' }],
      },
      {
        phase: 'checklist' as const,
        occurrence: '',
        label: 'T-7',
        opensOn: '2026-01-01',
        complete: false,
        items: [
          { id: 'team-briefed', title: 'Team briefed on the launch plan' },
        ],
      },
    ];
    const ticked = goLiveResponse({
      ...T_MINUS_1,
      checklists: [
        {
          ...checklists[0],
          items: checklists[0].items.map(i => ({
            ...i,
            doneBy: 'user:default/guest',
            doneAt: '2026-11-30T10:00:00Z',
          })),
          complete: true,
        },
        checklists[1],
      ],
    });
    const api = mockReadinessApi({
      getGoLive: jest.fn(async () =>
        goLiveResponse({ ...T_MINUS_1, checklists }),
      ),
      tickPhaseItem: jest.fn(async () => ticked),
    });
    const { unmount } = await renderWith(api);
    expect(
      await screen.findByText('T-1 checklist: 1 of 2'),
    ).toBeInTheDocument();
    // T-0's list has not opened yet.
    expect(screen.queryByText(/T-0 checklist/)).toBeNull();
    // Another phase's list folds to its count until shown.
    expect(screen.getByText(/T-7 checklist: 0 of 1/)).toBeInTheDocument();
    expect(screen.queryByText(/Team briefed/)).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show the T-7 items' }),
    );
    expect(
      screen.getByText(/Team briefed on the launch plan/),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('item-sign-off--oncall-notified'),
    ).toHaveTextContent('✓ On-call team notified');
    await userEvent.click(
      screen.getByRole('button', { name: 'Done: Alerts tested (T-1)' }),
    );
    expect(api.tickPhaseItem).toHaveBeenCalledWith(REF, {
      phase: 'sign-off',
      item: 'alerts-tested',
    });
    expect(
      await screen.findByText('T-1 checklist: 2 of 2 ✓'),
    ).toBeInTheDocument();
    unmount();
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({ ...T_MINUS_1, checklists, canRecord: false }),
        ),
      }),
    );
    expect(
      await screen.findByText('T-1 checklist: 1 of 2'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Done:/ })).toBeNull();
  });

  it('shows who may sign each role', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({
            signoff: {
              roles: [
                {
                  id: 'security',
                  title: 'Security team',
                  group: 'group:default/security',
                  independent: true,
                },
              ],
              voided: [],
              complete: false,
            },
          }),
        ),
      }),
    );
    expect(await screen.findByTestId('signoff-security')).toHaveTextContent(
      'Members of security, not the service’s owners',
    );
  });

  it('shows a day with an item not ok as such, not as checked', async () => {
    const base = goLiveResponse();
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({
            firstWeek: base.firstWeek.map(d =>
              d.day === 1
                ? {
                    ...d,
                    check: {
                      day: d.date,
                      checkedBy: 'user:default/guest',
                      checkedAt: '2026-12-02T09:00:00Z',
                      items: {
                        errorRate: { ok: true },
                        latency: { ok: true },
                        failedJobs: { ok: false, note: '3 failed' },
                        userFeedback: { ok: true },
                        connectorHealth: { ok: true },
                      },
                    },
                  }
                : d,
            ),
          }),
        ),
      }),
    );
    const chip = await screen.findByTestId('day-1');
    expect(chip).toHaveAttribute('data-state', 'not-ok');
    expect(chip).toHaveTextContent('T+1 not ok: Failed jobs');
  });

  it('says the decision, ticks past steps only when done, and flags a passed date without launch', async () => {
    await renderWith(
      mockReadinessApi({
        getGoLive: jest.fn(async () =>
          goLiveResponse({
            status: 'blocked',
            decision: {
              decision: 'not-ready',
              short: 'Not ready: blocked by 1 critical check',
              text: 'Not ready to go live: blocked by Health endpoint responds.',
              incompleteAreas: [],
              blocking: ['Health endpoint responds'],
            },
          }),
        ),
      }),
    );
    expect(await screen.findByTestId('go-live-decision')).toHaveTextContent(
      'Not ready to go live: blocked by Health endpoint responds.',
    );
    expect(screen.getByTestId('date-passed')).toHaveTextContent(
      'The go-live date 2026-12-01 has passed, but this is not a production launch: Not ready: blocked by 1 critical check.',
    );
    const steps = within(screen.getByRole('list', { name: 'Go-live phases' }));
    expect(steps.getByText(/T-7 checklist/)).toHaveTextContent(
      '✗ T-7 checklist (not done)',
    );
    expect(steps.getByText(/T-1 sign-off/)).toHaveTextContent(
      '✗ T-1 sign-off (not done)',
    );
    expect(steps.getByText(/T-0 launch/)).toHaveTextContent(
      '✗ T-0 launch (not done)',
    );
    expect(steps.getByText(/Preparing/)).toHaveTextContent('✓ Preparing');
    // After launch nobody signs for it any more.
    expect(screen.queryByRole('button', { name: /Sign off as/ })).toBeNull();
  });
});
