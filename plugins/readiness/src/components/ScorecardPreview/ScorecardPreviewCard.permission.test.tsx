import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { ScorecardPreviewCard } from './ScorecardPreviewCard';

// A file of its own: usePermission keeps answers per permission across
// renders (SWR), so an allowed test in the same file would answer for it.
describe('ScorecardPreviewCard without readiness.scorecard.preview', () => {
  it('is not offered', async () => {
    const api = mockReadinessApi();
    const authorize = jest.fn(() => AuthorizeResult.DENY);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [readinessApiRef, api],
          [permissionApiRef, mockApis.permission({ authorize })],
        ]}
      >
        <ScorecardPreviewCard
          scorecard={{
            name: 'production',
            title: 'Production readiness',
            revision: { hash: 'a1b2c3d4e5f6' },
            passingScore: 95,
            scoring: 'items',
            areas: [],
            levels: [],
            checks: [],
            appliesTo: {},
          }}
        />
      </TestApiProvider>,
    );
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await new Promise(r => setTimeout(r, 50));
    expect(screen.queryByText('Preview a scorecard change')).toBeNull();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });
});
