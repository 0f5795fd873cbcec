import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OnboardingCandidate } from '@readiness/backstage-plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { mockReadinessApi } from '../../testing/fixtures';
import { BulkOwnershipDialog } from './BulkOwnershipDialog';

// Typing into pickers is slow on a busy 2-core machine.
jest.setTimeout(30_000);

const candidates: OnboardingCandidate[] = [
  {
    entityRef: 'component:default/billing',
    title: 'Billing',
    version: 0,
    suggestion: {
      value: 'group:default/sre',
      source: 'on-call group under group:default/eng',
    },
    canEdit: true,
  },
  {
    entityRef: 'component:default/ledger',
    version: 3,
    current: 'group:default/old-rotation',
    suggestion: {
      value: 'group:default/sre',
      source: 'on-call group under group:default/eng',
    },
    canEdit: true,
  },
  {
    entityRef: 'component:default/invoices',
    version: 1,
    suggestion: {
      value: 'group:default/sre',
      source: 'on-call group under group:default/eng',
    },
    canEdit: true,
  },
  {
    entityRef: 'component:default/secret',
    version: 0,
    canEdit: false,
  },
];

async function open(api = mockReadinessApi()) {
  const onSaved = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ]}
    >
      <BulkOwnershipDialog
        owner="group:default/payments"
        onClose={() => {}}
        onSaved={onSaved}
      />
    </TestApiProvider>,
  );
  return { api, onSaved };
}

const row = (ref: string) =>
  screen.getAllByRole('row').find(r => r.getAttribute('data-ref') === ref)!;

describe('BulkOwnershipDialog', () => {
  it('picks the services with nothing set, sends each with its version, and reports a failure on its row', async () => {
    const api = mockReadinessApi({
      getOnboarding: jest.fn(async (owner, field) => ({
        owner,
        field,
        truncated: false,
        items: candidates,
      })),
      saveOwnershipInBulk: jest.fn(async () => ({
        items: [
          {
            entityRef: 'component:default/billing',
            ok: true as const,
            changed: true,
            version: 1,
          },
          {
            entityRef: 'component:default/invoices',
            ok: false as const,
            error: {
              name: 'ConflictError',
              message:
                'The ownership of invoices was changed by user:default/ann',
            },
          },
        ],
        changed: 1,
        failed: 1,
        notified: 1,
      })),
    });
    const { onSaved } = await open(api);
    await screen.findByText('Billing');
    expect(api.getOnboarding).toHaveBeenCalledWith(
      'group:default/payments',
      'incident',
    );
    // Nothing set and a suggestion: picked; already set: not; not editable: off.
    expect(screen.getByLabelText('Pick Billing')).toBeChecked();
    expect(screen.getByLabelText('Pick ledger')).not.toBeChecked();
    expect(screen.getByLabelText('Pick invoices')).toBeChecked();
    expect(screen.getByLabelText('Pick secret')).toBeDisabled();
    expect(
      within(row('component:default/billing')).getByText(
        /Suggested: on-call group/,
      ),
    ).toBeInTheDocument();
    expect(
      within(row('component:default/ledger')).getByText('old-rotation'),
    ).toBeInTheDocument();

    await userEvent.type(
      screen.getByLabelText("Reason (kept in each service's history)"),
      'Onboarding',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Set for 2 services' }),
    );
    await waitFor(() =>
      expect(api.saveOwnershipInBulk).toHaveBeenCalledWith({
        field: 'incident',
        reason: 'Onboarding',
        items: [
          {
            entityRef: 'component:default/billing',
            value: 'group:default/sre',
            version: 0,
          },
          {
            entityRef: 'component:default/invoices',
            value: 'group:default/sre',
            version: 1,
          },
        ],
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved 1 service; 1 failed (see the rows below; the others were saved); 1 newly named owner was notified.',
    );
    expect(
      within(row('component:default/invoices')).getByText(
        /changed by user:default\/ann/,
      ),
    ).toBeInTheDocument();
    // The failed row stays picked for another try; the saved one is done.
    expect(screen.getByLabelText('Pick invoices')).toBeChecked();
    expect(screen.getByLabelText('Pick Billing')).not.toBeChecked();
    expect(onSaved).toHaveBeenCalled();
    // Read again, for fresh versions.
    expect(api.getOnboarding).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('sets one typed value for every picked service, and reads the list again for another field', async () => {
    const api = mockReadinessApi({
      getOnboarding: jest.fn(async (owner, field) => ({
        owner,
        field,
        truncated: false,
        items: candidates.map(c => ({ ...c, suggestion: undefined })),
      })),
    });
    await open(api);
    await screen.findByText('Billing');
    // No suggestion: nothing picked, nothing to send.
    expect(
      screen.getByRole('button', { name: 'Set for 0 services' }),
    ).toBeDisabled();

    fireEvent.mouseDown(screen.getByLabelText('Field to set'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Channel' }),
    );
    await waitFor(() =>
      expect(api.getOnboarding).toHaveBeenLastCalledWith(
        'group:default/payments',
        'channel',
      ),
    );
    await screen.findByText('Billing');
    // Pick every service it may edit at once (not secret), then leave one out.
    await userEvent.click(screen.getByLabelText('Pick every service'));
    expect(screen.getByLabelText('Pick secret')).not.toBeChecked();
    await userEvent.click(screen.getByLabelText('Pick invoices'));
    await userEvent.type(
      screen.getByLabelText('Same value for all picked'),
      'slack:#payments',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Use for picked' }),
    );
    expect(screen.getByLabelText('New channel of Billing')).toHaveValue(
      'slack:#payments',
    );
    expect(screen.getByLabelText('New channel of invoices')).toHaveValue('');
    await userEvent.click(
      screen.getByRole('button', { name: 'Set for 2 services' }),
    );
    await waitFor(() =>
      expect(api.saveOwnershipInBulk).toHaveBeenCalledWith({
        field: 'channel',
        reason: undefined,
        items: [
          {
            entityRef: 'component:default/billing',
            value: 'slack:#payments',
            version: 0,
          },
          {
            entityRef: 'component:default/ledger',
            value: 'slack:#payments',
            version: 3,
          },
        ],
      }),
    );
  });
});
