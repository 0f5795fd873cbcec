import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ScorecardPreview,
  ScorecardSummary,
} from '@readiness/backstage-plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { ScorecardPreviewCard } from './ScorecardPreviewCard';

jest.setTimeout(30_000);

const SCORECARD: ScorecardSummary = {
  name: 'production',
  title: 'Production readiness',
  revision: { hash: 'a1b2c3d4e5f6' },
  passingScore: 95,
  scoring: 'items',
  areas: [{ id: 'ownership', title: 'Ownership', checks: 2 }],
  levels: [],
  checks: [
    {
      id: 'runbook',
      title: 'Runbook linked',
      area: 'ownership',
      severity: 'required',
    },
    {
      id: 'incident-owner',
      title: 'Incident owner named',
      area: 'ownership',
      severity: 'critical',
    },
  ],
  appliesTo: {},
};

const YAML = `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: production
  title: Production readiness
spec:
  passingScore: 95
  areas:
    - id: ownership
      title: Ownership
      checks:
        - id: runbook
          title: Runbook linked
          severity: required
          type: catalog
          with: { path: "metadata.annotations['readiness/runbook']", op: exists }
`;

const PREVIEW: ScorecardPreview = {
  evaluatedAt: '2026-12-07T12:00:00.000Z',
  scorecards: [
    {
      name: 'production',
      title: 'Production readiness',
      base: 'running',
      entities: { before: 3, after: 3 },
      totals: {
        before: { ready: 2, 'needs-work': 1, blocked: 0 },
        after: { ready: 1, 'needs-work': 1, blocked: 1 },
      },
      meanScore: { before: 90, after: 80 },
      moves: [
        {
          entityRef: 'component:default/payments-api',
          title: 'Payments API',
          before: { status: 'ready', score: 100 },
          after: { status: 'blocked', score: 90 },
          newlyFailing: ['runbook'],
          newlyPassing: [],
        },
      ],
      movesTotal: 1,
      toBlocked: 1,
      checks: [
        {
          checkId: 'runbook',
          title: 'Runbook linked',
          failingBefore: 0,
          failingAfter: 1,
          change: 'changed',
        },
      ],
    },
  ],
};

async function render(
  api: ReturnType<typeof mockReadinessApi>,
  permission = mockApis.permission(),
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      <ScorecardPreviewCard scorecard={SCORECARD} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ScorecardPreviewCard', () => {
  it('loads the running scorecard, previews an edit and lists what moves', async () => {
    const api = mockReadinessApi({
      getScorecard: jest.fn(async () => ({
        summary: SCORECARD,
        definition: {},
        source: { file: 'examples/scorecards/production.yaml', yaml: YAML },
      })),
      previewScorecard: jest.fn(async () => PREVIEW),
    });
    await render(api);
    const preview = screen.getByRole('button', { name: 'Preview' });
    expect(preview).toBeDisabled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Production readiness' }),
    );
    const editor = screen.getByRole('textbox', { name: 'Scorecard YAML' });
    await waitFor(() => expect(editor).toHaveValue(YAML));
    expect(api.getScorecard).toHaveBeenCalledWith('production');
    expect(await screen.findByText(/^Valid: production\./)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Download production.yaml' }),
    ).toBeEnabled();

    // A stricter pass mark.
    await userEvent.clear(editor);
    await userEvent.type(
      editor,
      YAML.replace('passingScore: 95', 'passingScore: 100').replace(
        /[{[]/g,
        '$&$&',
      ),
    );
    await waitFor(() => expect(preview).toBeEnabled());
    await userEvent.click(preview);
    expect(api.previewScorecard).toHaveBeenCalledWith({
      yaml: YAML.replace('passingScore: 95', 'passingScore: 100'),
    });
    const result = await screen.findByRole('region', {
      name: 'Preview result',
    });
    expect(
      within(result).getByText('1 entity drops to Blocked.'),
    ).toBeInTheDocument();
    const moves = within(result).getByRole('table', {
      name: 'Entities that move under Production readiness',
    });
    expect(
      within(moves).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/readiness',
    );
    expect(moves).toHaveTextContent('Runbook linked');
    const totals = within(result).getByRole('table', {
      name: 'Totals of Production readiness',
    });
    expect(within(totals).getAllByRole('row')[2]).toHaveTextContent(
      'After1118',
    );
  });

  it('names what is wrong as it is typed, and keeps Preview off', async () => {
    const api = mockReadinessApi();
    await render(api);
    const editor = screen.getByRole('textbox', { name: 'Scorecard YAML' });
    await userEvent.type(
      editor,
      YAML.replace('passingScore: 95', 'passingScore: 250').replace(
        /[{[]/g,
        '$&$&',
      ),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /spec\.passingScore/,
    );
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();
    expect(api.previewScorecard).not.toHaveBeenCalled();
  });

  it('shows the backend’s error and keeps the YAML', async () => {
    const api = mockReadinessApi({
      getScorecard: jest.fn(async () => ({
        summary: SCORECARD,
        definition: {},
        source: { file: 'production.yaml', yaml: YAML },
      })),
      previewScorecard: jest.fn(async () => {
        throw new Error(
          'You may not preview scorecards (readiness.scorecard.preview)',
        );
      }),
    });
    await render(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Production readiness' }),
    );
    const preview = screen.getByRole('button', { name: 'Preview' });
    await waitFor(() => expect(preview).toBeEnabled());
    await userEvent.click(preview);
    expect(
      (await screen.findAllByText(/readiness\.scorecard\.preview/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('textbox', { name: 'Scorecard YAML' })).toHaveValue(
      YAML,
    );
  });
});
