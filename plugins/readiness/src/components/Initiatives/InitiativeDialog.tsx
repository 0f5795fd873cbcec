import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type {
  InitiativeDetail,
  InitiativeInput,
  ScorecardSummary,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { FormDialog, FormField, NoteField } from '../FormDialog';
import { OwnerPicker } from '../OwnershipPanel/OwnerPicker';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The form's state: the input, with the goal kept as its two parts. */
interface Form {
  title: string;
  description: string;
  scorecard: string;
  goalKind: 'level' | 'checks';
  level: string;
  checks: string[];
  team?: string;
  lifecycle: string;
  startsOn: string;
  deadline: string;
  owner?: string;
  status: 'draft' | 'active';
}

const formOf = (i?: InitiativeDetail): Form => ({
  title: i?.title ?? '',
  description: i?.description ?? '',
  scorecard: i?.scorecard ?? '',
  goalKind: i && 'level' in i.goal ? 'level' : 'checks',
  level: i && 'level' in i.goal ? i.goal.level : '',
  checks: i && 'checks' in i.goal ? i.goal.checks : [],
  team: i?.scope.owner?.[0],
  lifecycle: i?.scope.lifecycle?.join(', ') ?? '',
  startsOn: i?.startsOn ?? day(0),
  deadline: i?.deadline ?? day(30),
  owner: i?.owner,
  status: i?.status ?? 'draft',
});

function inputOf(f: Form): InitiativeInput {
  const lifecycle = f.lifecycle
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return {
    title: f.title,
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
    scorecard: f.scorecard,
    goal: f.goalKind === 'level' ? { level: f.level } : { checks: f.checks },
    scope: {
      ...(f.team ? { owner: [f.team] } : {}),
      ...(lifecycle.length ? { lifecycle } : {}),
    },
    startsOn: f.startsOn,
    deadline: f.deadline,
    owner: f.owner ?? '',
    status: f.status,
  };
}

/** Why the form cannot be sent yet, or nothing. */
function whatIsMissing(f: Form): string | undefined {
  if (!f.title.trim()) return 'Give it a title';
  if (!f.owner) return 'Name who drives it';
  if (f.goalKind === 'level' && !f.level) return 'Pick the level to reach';
  if (f.goalKind === 'checks' && !f.checks.length)
    return 'Pick at least one check';
  return undefined;
}

/**
 * Creates an initiative, or edits one (`initiative`): a goal on a scorecard
 * (a level, or checks passing), the team it concerns, dates, who drives it.
 * The server's refusal (naming the field) is shown, and what was typed stays.
 */
export function InitiativeDialog(props: {
  initiative?: InitiativeDetail;
  onClose: () => void;
  onSaved: (saved: InitiativeDetail) => void;
}) {
  const api = useApi(readinessApiRef);
  const scorecards = useAsync(() => api.getScorecards(), [api]);
  const [form, setForm] = useState<Form>(() => formOf(props.initiative));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const set = (change: Partial<Form>) => setForm(f => ({ ...f, ...change }));
  const cards: ScorecardSummary[] = scorecards.value ?? [];
  const card = cards.find(c => c.name === form.scorecard) ?? cards[0];
  const scorecard = form.scorecard || card?.name || '';

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const input = inputOf({ ...form, scorecard });
      const saved = props.initiative
        ? await api.updateInitiative(
            props.initiative.id,
            input,
            props.initiative.version,
          )
        : await api.createInitiative(input);
      props.onSaved(saved);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const missing = whatIsMissing(form);
  return (
    <FormDialog
      title={props.initiative ? 'Edit the initiative' : 'New initiative'}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={props.initiative ? 'Save' : 'Create'}
      busyLabel="Saving…"
      busy={busy}
      disabled={!!missing}
      submitTitle={missing}
      error={error}
    >
      <FormField
        id="initiative-title"
        label="Title"
        required
        value={form.title}
        onChange={title => set({ title })}
        inputProps={{ maxLength: 200 }}
      />
      <NoteField
        id="initiative-description"
        label="Why (optional)"
        value={form.description}
        onChange={description => set({ description })}
      />
      <FormField
        id="initiative-scorecard"
        select
        label="Scorecard"
        value={scorecard}
        onChange={v => set({ scorecard: v, level: '', checks: [] })}
      >
        {cards.map(c => (
          <MenuItem key={c.name} value={c.name}>
            {c.title}
          </MenuItem>
        ))}
      </FormField>
      <FormField
        id="initiative-goal"
        select
        label="Goal"
        value={form.goalKind}
        onChange={v => set({ goalKind: v as Form['goalKind'] })}
      >
        <MenuItem value="checks">These checks pass</MenuItem>
        <MenuItem value="level" disabled={!card?.levels.length}>
          A level is reached
        </MenuItem>
      </FormField>
      {form.goalKind === 'level' ? (
        <FormField
          id="initiative-level"
          select
          label="Level"
          value={form.level}
          onChange={level => set({ level })}
        >
          {(card?.levels ?? []).map(l => (
            <MenuItem key={l.id} value={l.id}>
              {l.title}
            </MenuItem>
          ))}
        </FormField>
      ) : (
        <Autocomplete
          multiple
          id="initiative-checks"
          options={(card?.checks ?? []).map(c => c.id)}
          getOptionLabel={id =>
            card?.checks.find(c => c.id === id)?.title ?? id
          }
          value={form.checks}
          onChange={(_e, checks) => set({ checks })}
          renderInput={params => (
            <TextField
              {...params}
              label="Checks"
              margin="dense"
              variant="outlined"
              helperText="Every entity in scope must pass these (exempt and not applicable count)"
            />
          )}
        />
      )}
      <OwnerPicker
        id="initiative-team"
        label="Team (optional)"
        help="The services this group (and its sub-groups) owns; none: every entity of the scorecard"
        value={form.team}
        onChange={team => set({ team })}
      />
      <FormField
        id="initiative-lifecycle"
        label="Lifecycles (optional)"
        helperText="Comma-separated, e.g. production"
        value={form.lifecycle}
        onChange={lifecycle => set({ lifecycle })}
      />
      <FormField
        id="initiative-starts"
        type="date"
        label="Starts on"
        InputLabelProps={{ shrink: true }}
        value={form.startsOn}
        onChange={startsOn => set({ startsOn })}
      />
      <FormField
        id="initiative-deadline"
        type="date"
        label="Deadline"
        InputLabelProps={{ shrink: true }}
        value={form.deadline}
        onChange={deadline => set({ deadline })}
      />
      <OwnerPicker
        id="initiative-owner"
        label="Driven by"
        help="The group or person who drives it and hears when it falls behind"
        value={form.owner}
        onChange={owner => set({ owner })}
      />
      <FormField
        id="initiative-status"
        select
        label="Status"
        value={form.status}
        onChange={v => set({ status: v as Form['status'] })}
        helperText="A draft is not counted on the tabs of the services yet"
      >
        <MenuItem value="draft">Draft</MenuItem>
        <MenuItem value="active">Active</MenuItem>
      </FormField>
    </FormDialog>
  );
}
