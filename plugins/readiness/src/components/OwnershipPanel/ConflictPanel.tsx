import {
  OwnershipField,
  OwnershipRoles,
} from '@readiness/backstage-plugin-readiness-common';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ConflictMerge } from './ownershipForm';
import { FIELD_LABELS, shortRef } from './fields';

/** What the dialog knows after a 409: your values, theirs, and the merge. */
export interface Conflict {
  mine: OwnershipRoles;
  theirs: OwnershipRoles;
  by?: string;
  at?: string;
  merge: ConflictMerge;
}

/**
 * After someone else saved first: their values next to yours, field by
 * field. Fields only they changed are taken; for fields you both changed the
 * person keeps theirs (the default) or re-applies their own.
 */
export function ConflictPanel(props: {
  conflict: Conflict;
  form: OwnershipRoles;
  onChoose: (field: OwnershipField, value: string | undefined) => void;
}) {
  const { conflict, form } = props;
  const { conflicts, theirsOnly } = conflict.merge;
  const who = conflict.by ? shortRef(conflict.by) : 'Someone';
  return (
    <Alert
      severity="warning"
      style={{ marginTop: 8 }}
      data-testid="ownership-conflict"
    >
      <Typography variant="body2" gutterBottom>
        {who} saved a change
        {conflict.at ? ` at ${conflict.at.slice(11, 16)} UTC` : ''} while you
        were editing. Their values are in the form now; nothing of theirs is
        overwritten unless you choose your own below. Save again when ready.
      </Typography>
      {theirsOnly.map(f => (
        <Typography variant="body2" key={f}>
          {FIELD_LABELS[f]}: they set {shortRef(conflict.theirs[f])} (you had
          not changed it).
        </Typography>
      ))}
      {conflicts.map(f => (
        <div key={f} style={{ marginTop: 8 }}>
          <Typography variant="subtitle2">{FIELD_LABELS[f]}</Typography>
          <RadioGroup
            row
            aria-label={`${FIELD_LABELS[f]}: theirs or yours`}
            value={
              (form[f] ?? '') === (conflict.mine[f] ?? '') ? 'mine' : 'theirs'
            }
            onChange={e =>
              props.onChoose(
                f,
                e.target.value === 'mine'
                  ? conflict.mine[f]
                  : conflict.theirs[f],
              )
            }
          >
            <FormControlLabel
              value="theirs"
              control={<Radio size="small" />}
              label={`Keep theirs: ${shortRef(conflict.theirs[f])}`}
            />
            <FormControlLabel
              value="mine"
              control={<Radio size="small" />}
              label={`Use mine: ${shortRef(conflict.mine[f])}`}
            />
          </RadioGroup>
        </div>
      ))}
    </Alert>
  );
}
