import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  isFailing,
  type CheckResult,
} from '@readiness/backstage-plugin-readiness-common';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import { EvidenceDialog, EvidenceForm } from './EvidenceDialog';
import { RevokeDialog } from './RevokeDialog';
import { ExemptionsPanel } from './ExemptionsPanel';

/**
 * Attest / exemption actions for the tab: the buttons next to open checks,
 * the dialog, and the exemptions panel. `onChanged` reloads the results.
 */
export function useManualEvidence(entityRef: string, onChanged: () => void) {
  const api = useApi(readinessApiRef);
  const identityApi = useApi(identityApiRef);
  const user = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  const attestations = useAsyncRetry(
    () => api.listAttestations(entityRef),
    [api, entityRef],
  );
  const exemptions = useAsyncRetry(
    () => api.listExemptions(entityRef),
    [api, entityRef],
  );
  const [dialog, setDialog] = useState<{
    kind: 'attest' | 'exempt';
    check: CheckResult;
  }>();

  const changed = () => {
    attestations.retry();
    exemptions.retry();
    onChanged();
  };
  const attestable = (checkId: string) =>
    attestations.value?.checks.find(c => c.checkId === checkId);
  const exemptionOpen = (checkId: string) =>
    exemptions.value?.items.find(
      e =>
        e.checkId === checkId &&
        (e.status === 'requested' || e.status === 'granted'),
    );

  const [revoking, setRevoking] = useState<{
    id: string;
    attestedBy: string;
    check: CheckResult;
  }>();
  const actionsFor = (check: CheckResult): ReactNode => {
    if (!isFailing(check)) {
      // A check met by a valid attestation: its attesters may take it back.
      const valid = attestations.value?.canAttest
        ? attestations.value.items.find(
            a => a.checkId === check.checkId && a.status === 'valid',
          )
        : undefined;
      if (!valid || check.result !== 'pass') return null;
      return (
        <Button
          size="small"
          onClick={() =>
            setRevoking({ id: valid.id, attestedBy: valid.attestedBy, check })
          }
          aria-label={`Revoke attestation: ${check.title}`}
        >
          Revoke attestation
        </Button>
      );
    }
    const pending = exemptionOpen(check.checkId);
    const canAttest =
      attestations.value?.canAttest && attestable(check.checkId);
    const canExempt = exemptions.value?.canRequest && !pending;
    if (!canAttest && !canExempt && !pending) return null;
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {pending?.status === 'requested' && (
          <Typography variant="caption" color="textSecondary">
            Exemption asked for by{' '}
            {pending.requestedBy?.replace(/^user:default\//, '')}, waiting for a
            grant
          </Typography>
        )}
        {canAttest && (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            onClick={() => setDialog({ kind: 'attest', check })}
            aria-label={`Attest: ${check.title}`}
          >
            Attest
          </Button>
        )}
        {canExempt && (
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'exempt', check })}
            aria-label={`${
              exemptions.value?.canGrant ? 'Exempt' : 'Ask for exemption'
            }: ${check.title}`}
          >
            {exemptions.value?.canGrant ? 'Exempt' : 'Ask for exemption'}
          </Button>
        )}
      </div>
    );
  };

  const submit = async (form: EvidenceForm) => {
    const checkId = dialog!.check.checkId;
    if (form.kind === 'attest') {
      await api.attest(entityRef, {
        checkId,
        expiresAt: form.expiresAt,
        evidenceUrl: form.evidenceUrl,
        note: form.note,
      });
    } else {
      await api.requestExemption(entityRef, {
        checkId,
        reason: form.reason,
        expiresAt: form.expiresAt,
      });
    }
    changed();
  };

  const elements = (checkTitle: (checkId: string) => string) => (
    <>
      {revoking && (
        <RevokeDialog
          checkTitle={revoking.check.title}
          attestedBy={revoking.attestedBy}
          onClose={() => setRevoking(undefined)}
          onRevoke={async reason => {
            await api.revokeAttestation(entityRef, revoking.id, reason);
            changed();
          }}
        />
      )}
      {dialog && (
        <EvidenceDialog
          kind={dialog.kind}
          checkTitle={dialog.check.title}
          maxDays={
            dialog.kind === 'attest'
              ? attestable(dialog.check.checkId)?.maxDays ?? 365
              : exemptions.value?.maxDays ?? 90
          }
          grants={exemptions.value?.canGrant}
          evidence={
            dialog.kind === 'attest'
              ? attestable(dialog.check.checkId)?.evidence
              : undefined
          }
          onClose={() => setDialog(undefined)}
          onSubmit={submit}
        />
      )}
      <ExemptionsPanel
        data={exemptions.value}
        currentUser={user.value}
        checkTitle={checkTitle}
        onGrant={async id => {
          await api.grantExemption(entityRef, id);
          changed();
        }}
        onRevoke={async id => {
          await api.revokeExemption(entityRef, id);
          changed();
        }}
      />
    </>
  );

  return { actionsFor, elements };
}
