import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessApiRef } from '../../api';
import { blockedResponse, mockReadinessApi } from '../../testing/fixtures';
import { EntityReadinessContent } from './EntityReadinessContent';

// Typing into dialogs takes several seconds on a busy 2-core CI machine.
jest.setTimeout(30_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-service', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

function renderWith(
  api = mockReadinessApi(),
  permission = mockApis.permission(),
  shown: typeof entity = entity,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      <EntityProvider entity={shown}>
        <EntityReadinessContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityReadinessContent', () => {
  it('shows the exact score in the gauge, not one rounded past the bar', async () => {
    await renderWith(
      mockReadinessApi({
        getEntity: jest.fn(async () => ({
          ...blockedResponse,
          results: [{ ...blockedResponse.results[0], score: 96.6 }],
        })),
      }),
    );
    expect(await screen.findByText('96.6%')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Re-evaluate' }),
    ).toBeVisible();
  });

  it('shows status, verdict, level, open checks first, remediation and owners', async () => {
    await renderWith();
    expect(await screen.findByTestId('status-blocked')).toHaveTextContent(
      'Blocked',
    );
    expect(screen.getByText('Not ready to go live.')).toBeInTheDocument();
    // The headline names what blocks, whatever the verdict says.
    expect(screen.getByTestId('blocked-by')).toHaveTextContent(
      'Blocked by Incident owner is named and reachable.',
    );
    expect(screen.getByText(/none yet/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'incident owner group:default/billing-oncall does not exist in the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Set readiness/incident-owner to an existing group.'),
    ).toBeInTheDocument();
    const rows = screen
      .getAllByTestId(/^check-/)
      .map(r => r.getAttribute('data-testid'));
    expect(rows.slice(0, 2)).toEqual([
      'check-incident-owner',
      'check-technical-owner',
    ]);
    expect(screen.getByText('Incident owner')).toBeInTheDocument();
    expect(screen.getByText('slack:#ledger')).toBeInTheDocument();
    expect(screen.getAllByText('not set').length).toBe(1); // the runbook
  });

  it('filters to what is open and by severity', async () => {
    await renderWith();
    await screen.findByTestId('status-blocked');
    await userEvent.click(screen.getByLabelText('Show only open checks'));
    expect(
      screen.queryByTestId('check-technical-owner'),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('check-incident-owner')).toBeInTheDocument();
    expect(screen.getByTestId('check-health-latency')).toBeInTheDocument();
  });

  it('re-evaluates on request and reloads', async () => {
    const api = mockReadinessApi();
    await renderWith(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Re-evaluate' }),
    );
    await waitFor(() =>
      expect(api.evaluate).toHaveBeenCalledWith(
        'component:default/ledger-service',
      ),
    );
    await waitFor(() => expect(api.getEntity).toHaveBeenCalledTimes(2));
  });

  it('keeps areas and checks where they were after a write re-evaluates (no jump)', async () => {
    const [first] = blockedResponse.results;
    const after = {
      ...blockedResponse,
      results: [
        {
          ...first,
          // Ownership now complete, Observability worse: sorted afresh,
          // Observability and its newly failing check would move up.
          areas: [
            { ...first.areas[0], score: 100, passed: 2, failing: [] },
            { ...first.areas[1], score: 50, failing: ['health-responds'] },
          ],
          checks: first.checks.map(c => {
            if (c.checkId === 'health-responds')
              return { ...c, result: 'fail' as const };
            return c.checkId === 'incident-owner' ||
              c.checkId === 'health-latency'
              ? { ...c, result: 'pass' as const }
              : c;
          }),
        },
      ],
    };
    const getEntity = jest
      .fn()
      .mockResolvedValueOnce(blockedResponse)
      .mockResolvedValue(after);
    await renderWith(mockReadinessApi({ getEntity }));
    const order = () =>
      [
        'Operational ownership',
        'Observability',
        'Health endpoint answers within a second',
        'Health endpoint answers',
      ].map(t => screen.getAllByText(t, { exact: true })[0]);
    const follows = (a: Element, b: Element) =>
      !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    await screen.findByText('Operational ownership');
    let [own, obs, latency, responds] = order();
    expect(follows(own, obs)).toBe(true);
    expect(follows(latency, responds)).toBe(true);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Re-evaluate' }),
    );
    await waitFor(() => expect(getEntity).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.getByTestId('status-blocked')).toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(
        screen.getByText('Health endpoint answers').closest('div'),
      ).toBeInTheDocument(),
    );
    [own, obs, latency, responds] = order();
    expect(follows(own, obs)).toBe(true);
    expect(follows(latency, responds)).toBe(true);
  });

  it('puts the Ownership panel before the checks, for the keyboard and on a phone', async () => {
    await renderWith();
    const check = await screen.findByText(
      'Incident owner is named and reachable',
    );
    const ownership = await screen.findByText('Ownership', { exact: true });
    expect(
      ownership.compareDocumentPosition(check) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('says why re-evaluation failed', async () => {
    const api = mockReadinessApi({
      evaluate: jest.fn(async () => {
        throw new Error('You may not re-evaluate');
      }),
    });
    await renderWith(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Re-evaluate' }),
    );
    expect(
      await screen.findByText('Could not re-evaluate: You may not re-evaluate'),
    ).toBeInTheDocument();
  });

  it('warns when results are stale', async () => {
    const stale = {
      ...blockedResponse,
      results: [{ ...blockedResponse.results[0], stale: true }],
    };
    await renderWith(
      mockReadinessApi({ getEntity: jest.fn(async () => stale) }),
    );
    expect(
      await screen.findByText(/These results are stale/),
    ).toBeInTheDocument();
  });

  it('says when no scorecard applies, and still shows the owners', async () => {
    await renderWith(
      mockReadinessApi({
        getEntity: jest.fn(async () => ({
          ...blockedResponse,
          results: [],
          applicableScorecards: [],
        })),
      }),
    );
    expect(
      await screen.findByText('No scorecard applies to this component'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The scorecards \(Production readiness\) do not apply/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Re-evaluate' }),
    ).not.toBeInTheDocument();
    expect(await screen.findByText('Ownership')).toBeInTheDocument();
  });

  it('says when a scorecard applies but has not evaluated the entity yet', async () => {
    await renderWith(
      mockReadinessApi({
        getEntity: jest.fn(async () => ({ ...blockedResponse, results: [] })),
      }),
    );
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    expect(
      await screen.findByText(/Production readiness applies to it/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderWith(
      mockReadinessApi({
        getEntity: jest.fn(async () => {
          throw new Error('backend down');
        }),
      }),
    );
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('lets you switch between scorecards', async () => {
    const two = {
      ...blockedResponse,
      results: [
        blockedResponse.results[0],
        {
          ...blockedResponse.results[0],
          scorecard: 'security',
          status: 'ready' as const,
          verdict: 'Secure.',
        },
      ],
    };
    await renderWith(mockReadinessApi({ getEntity: jest.fn(async () => two) }));
    const tabs = await screen.findByRole('tablist');
    await userEvent.click(within(tabs).getByText('security'));
    expect(await screen.findByText('Secure.')).toBeInTheDocument();
  });

  it('asks for the evidence a check requires before Attest can be pressed', async () => {
    const api = mockReadinessApi({
      listAttestations: jest.fn(async () => ({
        items: [],
        canAttest: true,
        checks: [
          {
            checkId: 'incident-owner',
            title: 'Incident owner',
            maxDays: 90,
            evidence: 'url-or-note' as const,
          },
        ],
      })),
      attest: jest.fn(async () => ({ items: [], canAttest: true, checks: [] })),
    });
    await renderWith(api);
    const row = await screen.findByTestId('check-incident-owner');
    await userEvent.click(
      await within(row).findByRole('button', { name: /^Attest:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /This check needs evidence: a URL, a note, or both\./,
      ),
    ).toBeInTheDocument();
    const attest = within(dialog).getByRole('button', { name: 'Attest' });
    expect(attest).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Note'),
      'Walked through with SRE',
    );
    expect(attest).toBeEnabled();
    await userEvent.click(attest);
    await waitFor(() =>
      expect(api.attest).toHaveBeenCalledWith(
        'component:default/ledger-service',
        expect.objectContaining({ note: 'Walked through with SRE' }),
      ),
    );
  });

  it("attests a check from the tab, and keeps the form with the server's message when a request is refused", async () => {
    const api = mockReadinessApi({
      listAttestations: jest.fn(async () => ({
        items: [],
        canAttest: true,
        checks: [
          { checkId: 'incident-owner', title: 'Incident owner', maxDays: 90 },
        ],
      })),
      listExemptions: jest.fn(async () => ({
        items: [],
        canRequest: true,
        canGrant: false,
        maxDays: 90,
      })),
      attest: jest.fn(async () => ({ items: [], canAttest: true, checks: [] })),
      requestExemption: jest.fn(async () => {
        throw new Error('expiresAt: at most 90 days from now (2027-02-21)');
      }),
    });
    await renderWith(api);
    const row = await screen.findByTestId('check-incident-owner');
    await userEvent.click(
      await within(row).findByRole('button', { name: /^Attest:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Evidence URL'),
      'ftp://x',
    );
    expect(within(dialog).getByText('An http(s) URL')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Attest' }),
    ).toBeDisabled();
    await userEvent.clear(within(dialog).getByLabelText('Evidence URL'));
    await userEvent.type(
      within(dialog).getByLabelText('Evidence URL'),
      'https://wiki.example/oncall',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    await waitFor(() =>
      expect(api.attest).toHaveBeenCalledWith(
        'component:default/ledger-service',
        expect.objectContaining({
          checkId: 'incident-owner',
          evidenceUrl: 'https://wiki.example/oncall',
          expiresAt: expect.stringMatching(/T23:59:59\.000Z$/),
        }),
      ),
    );
    await waitFor(() => expect(api.getEntity).toHaveBeenCalledTimes(2));

    // Only checks that are attestation checks get Attest; every open one may be exempted.
    const latency = screen.getByTestId('check-health-latency');
    expect(
      within(latency).queryByRole('button', { name: /^Attest:/ }),
    ).toBeNull();
    await userEvent.click(
      within(latency).getByRole('button', { name: /^Ask for exemption:/ }),
    );
    const ask = await screen.findByRole('dialog');
    const send = within(ask).getByRole('button', { name: 'Ask for exemption' });
    expect(send).toBeDisabled(); // a reason is required
    await userEvent.type(within(ask).getByLabelText(/Reason/), 'Batch job');
    await userEvent.click(send);
    expect(await within(ask).findByRole('alert')).toHaveTextContent(
      'expiresAt: at most 90 days from now (2027-02-21)',
    );
    expect(within(ask).getByLabelText(/Reason/)).toHaveValue('Batch job');
  });

  it('revokes a valid attestation of a passing check, after asking why', async () => {
    const api = mockReadinessApi({
      listAttestations: jest.fn(async () => ({
        items: [
          {
            id: '7',
            entityRef: 'component:default/ledger-service',
            checkId: 'technical-owner',
            attestedBy: 'user:default/guest',
            attestedAt: '2026-11-23T10:00:00.000Z',
            status: 'valid' as const,
          },
        ],
        canAttest: true,
        checks: [],
      })),
      revokeAttestation: jest.fn(async () => ({
        items: [],
        canAttest: true,
        checks: [],
      })),
    });
    await renderWith(api);
    const row = await screen.findByTestId('check-technical-owner');
    await userEvent.click(
      await within(row).findByRole('button', { name: /^Revoke attestation:/ }),
    );
    // Nothing is revoked by one click: a dialog asks for the reason.
    const dialog = await screen.findByRole('dialog');
    expect(api.revokeAttestation).not.toHaveBeenCalled();
    const revoke = within(dialog).getByRole('button', { name: 'Revoke' });
    expect(revoke).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'The team changed',
    );
    await userEvent.click(revoke);
    await waitFor(() =>
      expect(api.revokeAttestation).toHaveBeenCalledWith(
        'component:default/ledger-service',
        '7',
        'The team changed',
      ),
    );
    await waitFor(() => expect(api.getEntity).toHaveBeenCalledTimes(2));
    // Checks without an attestation offer nothing of the kind.
    expect(
      within(screen.getByTestId('check-health-responds')).queryByRole('button'),
    ).toBeNull();
  });
  // usePermission caches answers per permission and entity across renders
  // (SWR): another entity, so no earlier answer is reused.
  it('offers Re-evaluate only to those the permission framework allows', async () => {
    const authorize = jest.fn((r: { permission: { name: string } }) =>
      r.permission.name === 'readiness.entity.evaluate'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    await renderWith(mockReadinessApi(), mockApis.permission({ authorize }), {
      ...entity,
      metadata: { name: 'someone-elses-service', namespace: 'default' },
    });
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await new Promise(r => setTimeout(r, 100));
    expect(await screen.findByTestId('status-blocked')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Re-evaluate' }),
    ).not.toBeInTheDocument();
  });
});
