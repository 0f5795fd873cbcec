import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { FormDialog, NoteField } from '../FormDialog';

/**
 * Asks before an attestation is revoked, and why: the reason is kept and the
 * check then says who revoked it, when and why. A refusal shows the server's
 * message and keeps what was typed.
 */
export function RevokeDialog(props: {
  checkTitle: string;
  attestedBy: string;
  onClose: () => void;
  onRevoke: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const revoke = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await props.onRevoke(reason.trim());
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormDialog
      title={`Revoke attestation: ${props.checkTitle}`}
      onClose={props.onClose}
      onSubmit={revoke}
      submitLabel="Revoke"
      busyLabel="Revoking…"
      busy={saving}
      disabled={reason.trim() === ''}
      submitColor="secondary"
      error={error ? { message: error } : undefined}
    >
      <Typography variant="body2" color="textSecondary" paragraph>
        {props.attestedBy.replace(/^user:default\//, '')}'s attestation stops
        counting at once and the check opens again. Your name, the time and the
        reason are recorded and shown on the check.
      </Typography>
      <NoteField
        id="readiness-revoke-reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        required
      />
    </FormDialog>
  );
}
