import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ClosureReview,
  GoLiveResponse,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { FormDialog } from '../FormDialog';

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
    <FormDialog
      title="Closure review of the first week"
      onClose={props.onClose}
      onSubmit={() => save()}
      submitLabel="Record review"
      busyLabel="Saving…"
      busy={saving.loading}
      disabled={empty.length > 0}
      error={saving.error}
    >
      <Typography variant="body2" gutterBottom>
        What the first week brought. Every field needs an answer; "none" is one.
        It is recorded once and goes into the go-live note.
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
    </FormDialog>
  );
}
