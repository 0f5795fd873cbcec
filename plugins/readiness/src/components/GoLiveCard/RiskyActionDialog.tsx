import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  GoLiveResponse,
  RISKY_ACTION_KINDS,
  RISKY_ACTION_OUTCOMES,
  RiskyAction,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { FormDialog } from '../FormDialog';

type Input = Omit<RiskyAction, 'id' | 'recordedBy' | 'recordedAt'>;

const KIND_LABELS: Record<Input['kind'], string> = {
  write: 'Writes data',
  'system-update': 'Updates a system',
  'external-call': 'Calls an external service',
};

/** Records a risky action of the first weeks: what, who answers for it, how it went. */
export function RiskyActionDialog(props: {
  onClose: () => void;
  onSave: (input: Input) => Promise<GoLiveResponse>;
  onSaved: (next: GoLiveResponse) => void;
}) {
  const [form, setForm] = useState<Input>({
    kind: 'write',
    description: '',
    owner: '',
    outcome: 'as-expected',
  });
  const [saving, save] = useAsyncFn(async () => {
    props.onSaved(
      await props.onSave({
        ...form,
        description: form.description.trim(),
        owner: form.owner.trim(),
        ...(form.note?.trim()
          ? { note: form.note.trim() }
          : { note: undefined }),
      }),
    );
  }, [form]);
  const field = (key: keyof Input, label: string, extra: object = {}) => (
    <TextField
      id={`risky-${key}`}
      label={label}
      value={form[key] ?? ''}
      onChange={e => setForm(f => ({ ...f, [key]: e.target.value }))}
      margin="dense"
      variant="outlined"
      fullWidth
      {...extra}
    />
  );
  return (
    <FormDialog
      title="Record a risky action"
      onClose={props.onClose}
      onSubmit={() => save()}
      submitLabel="Record"
      busyLabel="Saving…"
      busy={saving.loading}
      disabled={!form.description.trim() || !form.owner.trim()}
      error={saving.error}
    >
      {field('kind', 'Kind', {
        select: true,
        children: RISKY_ACTION_KINDS.map(k => (
          <MenuItem key={k} value={k}>
            {KIND_LABELS[k]}
          </MenuItem>
        )),
      })}
      {field('description', 'What happened', { required: true })}
      {field('owner', 'Who answers for it (a team or a person)', {
        required: true,
      })}
      {field('outcome', 'Outcome', {
        select: true,
        children: RISKY_ACTION_OUTCOMES.map(o => (
          <MenuItem key={o} value={o}>
            {o.replace('-', ' ')}
          </MenuItem>
        )),
      })}
      {field('note', 'Note (optional)')}
    </FormDialog>
  );
}
