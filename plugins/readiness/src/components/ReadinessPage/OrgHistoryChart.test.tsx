import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { OrgHistoryChart } from './OrgHistoryChart';

const day = (d: string, blocked: number, check?: [number, number]) => ({
  day: d,
  counts: { ready: 3, 'needs-work': 1, blocked },
  ...(check ? { check: { failing: check[0], total: check[1] } } : {}),
});

describe('OrgHistoryChart', () => {
  it('asks for the page’s filters over 30 days, and 90 on request', async () => {
    const api = mockReadinessApi({
      getOrgHistory: jest.fn(async () => ({
        scorecard: 'production',
        days: [day('2026-11-29', 4), day('2026-11-30', 3)],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <OrgHistoryChart
          query={{
            scorecard: 'production',
            owner: ['payments'],
            kind: ['component'],
          }}
        />
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('org-history')).toBeInTheDocument();
    expect(api.getOrgHistory).toHaveBeenCalledWith({
      scorecard: 'production',
      owner: ['payments'],
      kind: ['component'],
      days: 30,
    });
    await userEvent.click(screen.getByRole('button', { name: /Last 30 days/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Last 90 days' }));
    await waitFor(() =>
      expect(api.getOrgHistory).toHaveBeenLastCalledWith(
        expect.objectContaining({ days: 90 }),
      ),
    );
  });

  it('says when history has just started, and shows a check’s pass rate', async () => {
    const api = mockReadinessApi({
      getOrgHistory: jest.fn(async () => ({
        scorecard: 'production',
        checkId: 'runbook',
        days: [day('2026-11-30', 3, [2, 8])],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <OrgHistoryChart
          query={{ scorecard: 'production', check: 'runbook' }}
          checkTitle={() => 'Runbook is linked'}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        'History starts on 2026-11-30: the chart fills in day by day.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Pass rate of “Runbook is linked”'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('check-history')).toBeInTheDocument();
  });

  it('says when a check’s results were not recorded for those days', async () => {
    const api = mockReadinessApi({
      getOrgHistory: jest.fn(async () => ({
        scorecard: 'production',
        checkId: 'runbook',
        days: [day('2026-11-29', 3, [0, 0]), day('2026-11-30', 3, [0, 0])],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <OrgHistoryChart
          query={{ scorecard: 'production', check: 'runbook' }}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Not recorded for these days/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('check-history')).not.toBeInTheDocument();
  });

  it('marks the days the scorecard changed, and only those', async () => {
    const withRevisions = (d: string, revisions?: string[]) => ({
      ...day(d, 3),
      ...(revisions ? { revisions } : {}),
    });
    const api = mockReadinessApi({
      getOrgHistory: jest.fn(async () => ({
        scorecard: 'production',
        days: [
          // Before revisions were kept: nothing to compare with.
          withRevisions('2026-11-27'),
          withRevisions('2026-11-28', ['3f2a9c0d1e4b']),
          withRevisions('2026-11-29', ['3f2a9c0d1e4b']),
          withRevisions('2026-11-30', ['2026-Q4 · 77aa9c0d1e4b']),
        ],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, api]]}>
        <OrgHistoryChart query={{ scorecard: 'production' }} />
      </TestApiProvider>,
    );
    const marks = await screen.findAllByTestId('revision-mark');
    expect(marks.map(m => m.textContent)).toEqual([
      'Scorecard changed on 2026-11-30 (now 2026-Q4 · 77aa9c0d1e4b): moves that day come from the rule, not the service.',
    ]);
  });
});
