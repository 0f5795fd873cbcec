import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ClosureReview,
  GoLiveResponse,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';

type Input = Omit<ClosureReview, 'reviewedBy' | 'reviewedAt'>;

const FIELDS: Array<[keyof Input, string]> = [
  ['incidents', 'P1/P2 incidents'],
  ['supportRequests', 'Support requests'],
  ['qualityDeviations', 'Quality deviations'],
  ['missingRunbookSteps', 'Missing runbook steps'],
];

/** The closure review at the end of the first week; it goes into the go-live note. */
export function ClosureReviewDialog(props: {
  onClose: () => void;
  onSave: (input: Input) => Promise<GoLiveResponse>;
  onSaved: (next: GoLiveResponse) => void;
}) {
  const [form, setForm] = useState<Input>({
    incidents: '',
    supportRequests: '',
    qualityDeviations: '',
    missingRunbookSteps: '',
  });
  const [saving, save] = useAsyncFn(async () => {
    props.onSaved(await props.onSave(form));
  }, [form]);
  const empty = FIELDS.filter(([k]) => !form[k].trim());
  return (
    <Dialog open onClose={props.onClose} fullWidth>
      <DialogTitle>Closure review of the first week</DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          What the first week brought. Every field needs an answer; "none" is
          one. It is recorded once and goes into the go-live note.
        </Typography>
        {FIELDS.map(([key, label]) => (
          <TextField
            key={key}
            id={`closure-${key}`}
            label={label}
            value={form[key]}
            onChange={e => setForm(f => ({ ...f, [key]: e.target.value }))}
            margin="dense"
            variant="outlined"
            multiline
            fullWidth
            required
            inputProps={{ maxLength: 4000 }}
          />
        ))}
        {saving.error && (
          <Alert severity="error" style={{ marginTop: 8 }}>
            {saving.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving.loading || empty.length > 0}
          onClick={() => save()}
        >
          {saving.loading ? 'Saving…' : 'Record review'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
