import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import {
  BulkOwnershipResponse,
  ONBOARDING_FIELDS,
  OnboardingField,
} from '@readiness/backstage-plugin-readiness-common';
import { useCallback, useEffect, useState } from 'react';
import { readinessApiRef } from '../../api';
import { FormDialog, FormField, NoteField } from '../FormDialog';
import { FIELD_LABELS, shortRef } from '../OwnershipPanel/fields';
import { OwnerPicker } from '../OwnershipPanel/OwnerPicker';
import { BulkRow, rowsFor, toSend } from './bulkRows';

const isRole = (f: OnboardingField) =>
  f === 'incident' || f === 'technical' || f === 'communication';

/**
 * Sets one ownership field (a role, the channel or the runbook) for many
 * services a group owns at once. Each service starts from a suggestion the
 * person accepts or edits; services with nothing set and a suggestion are
 * picked. Each is saved as its own edit; a failure is shown on its row and
 * the others are saved. With `pickOwner`, the dialog asks for the team
 * (starting from `owner`, if given).
 */
export function BulkOwnershipDialog(props: {
  owner?: string;
  pickOwner?: boolean;
  onClose: () => void;
  /** Called after a save changed something (to reload what shows the services). */
  onSaved?: () => void;
}) {
  const api = useApi(readinessApiRef);
  // On a phone each service is one cell: name, what it has, the new value.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('xs'));
  const [owner, setOwner] = useState(props.owner);
  const [field, setField] = useState<OnboardingField>('incident');
  const [rows, setRows] = useState<BulkRow[]>();
  const [truncated, setTruncated] = useState(false);
  const [loadError, setLoadError] = useState<Error>();
  const [all, setAll] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<BulkOwnershipResponse>();

  const load = useCallback(
    async (keep: BulkRow[] = []) => {
      if (!owner) return;
      setLoadError(undefined);
      try {
        const list = await api.getOnboarding(owner, field);
        setTruncated(list.truncated);
        setRows(rowsFor(list.items, keep));
      } catch (e) {
        setLoadError(e as Error);
      }
    },
    [api, owner, field],
  );
  useEffect(() => {
    setRows(undefined);
    setResult(undefined);
    setAll('');
    load();
  }, [load]);

  const update = (ref: string, change: Partial<BulkRow>) =>
    setRows(rs =>
      rs?.map(r => (r.candidate.entityRef === ref ? { ...r, ...change } : r)),
    );
  const sending = toSend(rows ?? []);
  const editable = (rows ?? []).filter(r => r.candidate.canEdit);
  const allPicked = editable.length > 0 && editable.every(r => r.selected);
  const somePicked = editable.some(r => r.selected);
  const useForAll = () =>
    setRows(rs =>
      rs?.map(r =>
        r.selected && r.candidate.canEdit ? { ...r, value: all } : r,
      ),
    );

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.saveOwnershipInBulk({
        field,
        reason: reason.trim() || undefined,
        items: sending.map(r => ({
          entityRef: r.candidate.entityRef,
          value: r.value.trim(),
          version: r.candidate.version,
        })),
      });
      setResult(res);
      const outcomes = new Map(res.items.map(o => [o.entityRef, o]));
      const marked = (rows ?? []).map(r => {
        const outcome = outcomes.get(r.candidate.entityRef);
        return outcome
          ? { ...r, outcome, selected: !outcome.ok && r.selected }
          : r;
      });
      setRows(marked);
      if (res.changed > 0) props.onSaved?.();
      // Fresh values and versions: a row that lost a race can be sent again.
      await load(marked);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const label = FIELD_LABELS[field];
  const count = sending.length;
  return (
    <FormDialog
      title="Set owners in bulk"
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={`Set for ${count} ${count === 1 ? 'service' : 'services'}`}
      busyLabel="Saving…"
      busy={busy}
      disabled={count === 0}
      submitTitle={
        count === 0
          ? 'Pick services and give each a value that changes something'
          : undefined
      }
      cancelLabel={result ? 'Close' : 'Cancel'}
      error={error}
      maxWidth="md"
    >
      {props.pickOwner && (
        <OwnerPicker
          id="bulk-owner"
          label="Team"
          help="The services this group (and its sub-groups) or person owns (spec.owner)"
          value={owner}
          onChange={setOwner}
        />
      )}
      <FormField
        id="bulk-field"
        select
        label="Field to set"
        value={field}
        onChange={v => setField(v as OnboardingField)}
        helperText="One field at a time; each service is saved as its own edit, with its history"
      >
        {ONBOARDING_FIELDS.map(f => (
          <MenuItem key={f} value={f}>
            {FIELD_LABELS[f]}
          </MenuItem>
        ))}
      </FormField>
      {owner && !rows && !loadError && <Progress />}
      {loadError && (
        <Alert severity="error" role="alert">
          Could not list the services: {loadError.message}
        </Alert>
      )}
      {result && (
        <Alert
          severity={result.failed ? 'warning' : 'success'}
          role="status"
          style={{ margin: '8px 0' }}
        >
          {summary(result)}
        </Alert>
      )}
      {rows && rows.length === 0 && (
        <Typography variant="body2" style={{ margin: '8px 0' }}>
          {shortRef(owner)} owns nothing a scorecard scores.
        </Typography>
      )}
      {rows && rows.length > 0 && (
        <>
          <Box
            display="flex"
            flexWrap="wrap"
            alignItems="flex-start"
            style={{ gap: 8 }}
          >
            <Box flex="1 1 260px">
              {isRole(field) ? (
                <OwnerPicker
                  id="bulk-all"
                  label="Same value for all picked"
                  help="Then press Use for picked; each row can still be edited"
                  value={all || undefined}
                  onChange={v => setAll(v ?? '')}
                />
              ) : (
                <FormField
                  id="bulk-all"
                  label="Same value for all picked"
                  helperText="Then press Use for picked; each row can still be edited"
                  value={all}
                  onChange={setAll}
                />
              )}
            </Box>
            <Button
              variant="outlined"
              style={{ marginTop: 12 }}
              disabled={!all.trim()}
              onClick={useForAll}
            >
              Use for picked
            </Button>
          </Box>
          <Box style={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={`${label} of each service`}>
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Checkbox
                      color="primary"
                      checked={allPicked}
                      indeterminate={somePicked && !allPicked}
                      disabled={!editable.length}
                      inputProps={{ 'aria-label': 'Pick every service' }}
                      onChange={e =>
                        setRows(rs =>
                          rs?.map(r =>
                            r.candidate.canEdit
                              ? { ...r, selected: e.target.checked }
                              : r,
                          ),
                        )
                      }
                    />
                  </TableCell>
                  <TableCell>Service</TableCell>
                  {!narrow && <TableCell>Now</TableCell>}
                  {!narrow && <TableCell>New {label.toLowerCase()}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(r => {
                  const c = r.candidate;
                  const name = c.title ?? shortRef(c.entityRef);
                  const now = c.current ? shortRef(c.current) : 'not set';
                  const serviceCell = (
                    <>
                      {name}
                      {narrow && (
                        <Typography variant="caption" display="block">
                          Now: {now}
                        </Typography>
                      )}
                      {!c.canEdit && (
                        <Typography variant="caption" display="block">
                          You may not edit it
                        </Typography>
                      )}
                    </>
                  );
                  const valueField = (
                    <TextField
                      size="small"
                      fullWidth
                      margin={narrow ? 'dense' : 'none'}
                      variant="outlined"
                      value={r.value}
                      disabled={!c.canEdit}
                      inputProps={{
                        'aria-label': `New ${label.toLowerCase()} of ${name}`,
                      }}
                      helperText={rowNote(r, field)}
                      error={r.outcome?.ok === false}
                      onChange={e =>
                        update(c.entityRef, {
                          value: e.target.value,
                          selected: c.canEdit && e.target.value.trim() !== '',
                        })
                      }
                    />
                  );
                  return (
                    <TableRow key={c.entityRef} data-ref={c.entityRef}>
                      <TableCell padding="checkbox">
                        <Checkbox
                          color="primary"
                          checked={r.selected}
                          disabled={!c.canEdit}
                          title={
                            c.canEdit
                              ? undefined
                              : `You may not change the ownership of ${name}`
                          }
                          inputProps={{ 'aria-label': `Pick ${name}` }}
                          onChange={e =>
                            update(c.entityRef, { selected: e.target.checked })
                          }
                        />
                      </TableCell>
                      {narrow ? (
                        <TableCell>
                          {serviceCell}
                          {valueField}
                        </TableCell>
                      ) : (
                        <>
                          <TableCell style={{ minWidth: 120 }}>
                            {serviceCell}
                          </TableCell>
                          <TableCell style={{ minWidth: 110 }}>{now}</TableCell>
                          <TableCell style={{ minWidth: 220 }}>
                            {valueField}
                          </TableCell>
                        </>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
          {truncated && (
            <Typography variant="caption">
              The first 500 services are listed; save them, then open this again
              for the rest.
            </Typography>
          )}
          <NoteField
            id="bulk-reason"
            label="Reason (kept in each service's history)"
            value={reason}
            onChange={setReason}
          />
        </>
      )}
    </FormDialog>
  );
}

/** Under a row's value: the last save's outcome, else where the value comes from. */
function rowNote(r: BulkRow, field: OnboardingField) {
  if (r.outcome && !r.outcome.ok) return r.outcome.error.message;
  if (r.outcome?.ok) return r.outcome.changed ? 'Saved' : 'Already set';
  const s = r.candidate.suggestion;
  if (s && r.value === s.value) return `Suggested: ${s.source}`;
  if (!r.value && isRole(field)) return 'A group or user ref, e.g. group:sre';
  return ' ';
}

function summary(r: BulkOwnershipResponse) {
  const saved = `Saved ${r.changed} ${
    r.changed === 1 ? 'service' : 'services'
  }`;
  const told = r.notified
    ? `; ${r.notified} newly named ${
        r.notified === 1 ? 'owner was' : 'owners were'
      } notified`
    : '';
  return r.failed
    ? `${saved}; ${r.failed} failed (see the rows below; the others were saved)${told}.`
    : `${saved}${told}.`;
}
