import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useState } from 'react';
import { FormDialog, NoteField } from '../FormDialog';

/**
 * Asks why before confirming owners (of one service, or every role a group
 * holds). `onConfirm` resolves with a summary to show (the dialog stays
 * open, with Close), or with nothing to close the dialog; a rejection is
 * shown and the reason typed stays.
 */
export function ConfirmOwnersDialog(props: {
  title: string;
  intro: ReactNode;
  submitLabel: string;
  onConfirm: (
    reason: string | undefined,
  ) => Promise<{ severity: 'success' | 'warning'; text: string } | void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<{
    severity: 'success' | 'warning';
    text: string;
  }>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const summary = await props.onConfirm(reason.trim() || undefined);
      if (summary) setDone(summary);
      else props.onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={props.submitLabel}
      busyLabel="Confirming…"
      busy={busy}
      disabled={!!done}
      cancelLabel={done ? 'Close' : 'Cancel'}
      error={error}
    >
      <Typography variant="body2">{props.intro}</Typography>
      <NoteField
        id="confirm-reason"
        label="Reason (kept in the history)"
        value={reason}
        onChange={setReason}
      />
      {done && (
        <Alert severity={done.severity} role="status">
          {done.text}
        </Alert>
      )}
    </FormDialog>
  );
}
