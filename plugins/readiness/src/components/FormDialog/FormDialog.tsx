import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';

/**
 * The shell every form dialog of the plugin shares: a title, the fields, the
 * server's error (what was typed stays), Cancel, and one action that says
 * what it does and shows it is busy.
 */
export function FormDialog(props: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  /** The action's label ("Sign off"), and while busy ("Signing…"). */
  submitLabel: string;
  busyLabel: string;
  busy?: boolean;
  /** Whether the action is off (a required field empty); `submitTitle` says why. */
  disabled?: boolean;
  submitTitle?: string;
  /** `secondary` for an action that takes something back (revoke). */
  submitColor?: 'primary' | 'secondary';
  error?: { message: string };
  maxWidth?: 'sm' | 'md';
  /** The label of the button that closes without acting (default Cancel). */
  cancelLabel?: string;
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
    >
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.children}
        {props.error && (
          <Alert severity="error" role="alert" style={{ marginTop: 8 }}>
            {props.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{props.cancelLabel ?? 'Cancel'}</Button>
        <Button
          color={props.submitColor ?? 'primary'}
          variant="contained"
          disabled={props.busy || props.disabled}
          title={props.submitTitle}
          onClick={props.onSubmit}
        >
          {props.busy ? props.busyLabel : props.submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
