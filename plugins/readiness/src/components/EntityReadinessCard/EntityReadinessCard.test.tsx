import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { readinessApiRef } from '../../api';
import { blockedResponse, mockReadinessApi } from '../../testing/fixtures';
import { EntityReadinessCard } from './EntityReadinessCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-service' },
  spec: {},
};
const render = (api = mockReadinessApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityReadinessCard', () => {
  it('shows status, score and the top gaps, critical first', async () => {
    await render();
    expect(await screen.findByTestId('status-blocked')).toBeInTheDocument();
    expect(screen.getByText('82.5')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map(li => li.textContent);
    expect(items).toEqual([
      'Incident owner is named and reachable (critical)',
      'Health endpoint answers within a second (recommended)',
    ]);
  });

  it('says when no scorecard applies', async () => {
    await render(
      mockReadinessApi({
        getEntity: jest.fn(async () => ({ ...blockedResponse, results: [] })),
      }),
    );
    expect(
      await screen.findByText('No scorecard applies to this entity yet.'),
    ).toBeInTheDocument();
  });
});
