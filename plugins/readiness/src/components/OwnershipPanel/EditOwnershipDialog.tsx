import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  OWNERSHIP_FIELDS,
  OwnershipField,
  OwnershipResponse,
  OwnershipRoles,
  ownershipYaml,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { Conflict, ConflictPanel } from './ConflictPanel';
import { OwnerPicker } from './OwnerPicker';
import {
  changedFields,
  checkOwnershipForm,
  FieldErrors,
  fieldErrorsFromMessage,
  mergeAfterConflict,
} from './ownershipForm';
import { FIELD_LABELS } from './fields';
import { FormField } from '../FormDialog';

const ROLES = [
  ['incident', 'Leads the response when it breaks'],
  ['technical', 'Owns the code and makes the fix'],
  ['communication', 'Tells customers and users what is happening'],
] as const;

/**
 * Edit the three ownership roles, the channel, the runbook and the go-live
 * date. Only the
 * fields the person changes are sent as changes; each error shows under its
 * field. When someone else saved first, their values appear next to yours
 * and nothing of theirs is overwritten unless the person chooses so.
 */
export function EditOwnershipDialog(props: {
  entityRef: string;
  ownership: OwnershipResponse;
  onClose: () => void;
  onSaved: () => void;
}) {
  const api = useApi(readinessApiRef);
  const [base, setBase] = useState<OwnershipRoles>(props.ownership.effective);
  const [form, setForm] = useState<OwnershipRoles>(props.ownership.effective);
  const [version, setVersion] = useState(props.ownership.version);
  const [problems, setProblems] = useState(props.ownership.problems);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState<FieldErrors>({});
  const [confirmClose, setConfirmClose] = useState(false);
  const touched = changedFields(form, base);
  /** Closing with changes asks first: nothing typed is lost by a stray Escape. */
  const close = () => {
    if (touched.length && !confirmClose) setConfirmClose(true);
    else props.onClose();
  };

  const set = (field: OwnershipField, value?: string) => {
    setForm(r => ({ ...r, [field]: value || undefined }));
    setFieldErrors(e => ({ ...e, [field]: undefined }));
  };

  /** After a 409: their values in, yours kept where they changed nothing. */
  const takeTheirs = async () => {
    const latest = await api.getOwnership(props.entityRef);
    const merge = mergeAfterConflict(base, form, latest.effective);
    setConflict({
      mine: form,
      theirs: latest.effective,
      by: latest.updatedBy,
      at: latest.updatedAt,
      merge,
    });
    setBase(latest.effective);
    setForm(merge.merged);
    setVersion(latest.version);
    setProblems(latest.problems);
  };

  const save = async () => {
    const errors = checkOwnershipForm(form, base);
    // Typed but not picked: refuse rather than save "no owner".
    for (const [field, text] of Object.entries(pending) as Array<
      [OwnershipField, string | undefined]
    >)
      if (text)
        errors[
          field
        ] = `"${text}" is not picked: choose a group or user from the list, or clear the field to remove the owner`;
    setFieldErrors(errors);
    setError(undefined);
    if (Object.values(errors).some(Boolean)) return;
    setSaving(true);
    try {
      // Every field, '' where empty: a field left out would mean "unchanged".
      const roles = Object.fromEntries(
        OWNERSHIP_FIELDS.map(f => [f, form[f] ?? '']),
      );
      await api.saveOwnership(
        props.entityRef,
        { roles, reason: reason || undefined },
        version,
      );
      props.onSaved();
    } catch (e) {
      if (e instanceof ResponseError && e.statusCode === 409) {
        await takeTheirs().catch(reload =>
          setError(
            `Someone else saved first, and reloading their values failed: ${reload.message}`,
          ),
        );
      } else if (e instanceof ResponseError && e.statusCode === 400) {
        const parsed = fieldErrorsFromMessage(e.message);
        setFieldErrors(parsed.fields);
        setError(parsed.other);
      } else {
        setError((e as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  const copyYaml = async () => {
    await navigator.clipboard
      ?.writeText(ownershipYaml(form))
      .catch(() => undefined);
    setCopied(true);
  };

  /** An untouched invalid value: flagged, never blocking. */
  const warningFor = (field: OwnershipField) =>
    !touched.includes(field) && problems[field]
      ? `${problems[field]}. Saving other fields keeps it as it is.`
      : undefined;
  const textHelp = (field: OwnershipField, help: string) =>
    fieldErrors[field] ?? (warningFor(field) ? `⚠ ${warningFor(field)}` : help);

  /** A text field of the form (channel, runbook, go-live date). */
  const roleField = (
    field: 'channel' | 'runbook' | 'goLiveDate',
    label: string,
    help: string,
    extra: { id?: string; type?: string } = {},
  ) => (
    <FormField
      id={extra.id ?? `ownership-${field}`}
      label={label}
      type={extra.type}
      InputLabelProps={extra.type ? { shrink: true } : undefined}
      helperText={textHelp(field, help)}
      error={!!fieldErrors[field]}
      value={form[field] ?? ''}
      onChange={value => set(field, value)}
    />
  );

  return (
    <Dialog
      open
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby="edit-ownership-title"
    >
      <DialogTitle id="edit-ownership-title">Edit ownership</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Define the roles separately, so nobody has to guess who acts in the
          first 15 minutes of an incident. Fields you leave as they are keep
          following catalog-info.yaml.
        </Typography>
        {conflict && (
          <ConflictPanel conflict={conflict} form={form} onChoose={set} />
        )}
        {ROLES.map(([field, help]) => (
          <OwnerPicker
            key={field}
            id={`ownership-${field}`}
            label={FIELD_LABELS[field]}
            help={help}
            value={form[field]}
            error={fieldErrors[field]}
            warning={warningFor(field)}
            onChange={ref => set(field, ref)}
            onPendingText={text =>
              setPending(p => (p[field] === text ? p : { ...p, [field]: text }))
            }
          />
        ))}
        {roleField(
          'channel',
          'Communication channel',
          'slack:#name, msteams:…, mailto:address or a URL',
        )}
        {roleField('runbook', 'Runbook URL', 'https://…')}
        {roleField(
          'goLiveDate',
          'Go-live date',
          'The day it goes live: T-7, T-1 and the first week count from it',
          { id: 'ownership-go-live-date', type: 'date' },
        )}
        <FormField
          id="ownership-reason"
          label="Reason (kept in the history)"
          value={reason}
          onChange={setReason}
        />
        {copied && (
          <Alert severity="info" style={{ marginTop: 8 }}>
            Copied. Paste into catalog-info.yaml if your team keeps the file as
            the source of truth:
            <pre style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>
              {ownershipYaml(form)}
            </pre>
          </Alert>
        )}
        {error && (
          <Alert severity="error" style={{ marginTop: 8 }}>
            {error}
          </Alert>
        )}
        {confirmClose && (
          <Alert
            severity="warning"
            style={{ marginTop: 8 }}
            action={
              <>
                <Button color="inherit" size="small" onClick={props.onClose}>
                  Discard
                </Button>
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => setConfirmClose(false)}
                >
                  Keep editing
                </Button>
              </>
            }
          >
            Discard your changes to{' '}
            {touched.length === 1 ? 'one field' : `${touched.length} fields`}?
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={copyYaml}>Copy as YAML</Button>
        <div style={{ flex: 1 }} />
        {!touched.length && (
          <Typography variant="caption" color="textSecondary">
            Nothing changed yet
          </Typography>
        )}
        <Button onClick={close}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={
            saving || (!touched.length && !Object.values(pending).some(Boolean))
          }
        >
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
