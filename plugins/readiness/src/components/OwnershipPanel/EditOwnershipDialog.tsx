import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ownershipYaml } from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { EntityOwnersEdit, readinessApiRef } from '../../api';

const ROLES = [
  ['incident', 'Incident owner', 'Leads the response when it breaks'],
  ['technical', 'Technical owner', 'Owns the code and makes the fix'],
  [
    'communication',
    'Communication owner',
    'Tells customers and users what is happening',
  ],
] as const;

type Option = { ref: string; label: string };

/** Users and groups from the catalog, for the role pickers. */
function useOwnerOptions(): { options: Option[]; loading: boolean } {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ['Group', 'User'] },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(e => {
        const ref = stringifyEntityRef(e).toLowerCase();
        const name =
          (e.spec as any)?.profile?.displayName ??
          e.metadata.title ??
          e.metadata.name;
        return { ref, label: `${name} (${ref.replace(':default/', ':')})` };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);
  return { options: value ?? [], loading };
}

/**
 * Edit the three ownership roles, the channel and the runbook. A stale
 * version (someone saved first) is reported with a Reload action; what the
 * person entered stays in the form.
 */
export function EditOwnershipDialog(props: {
  entityRef: string;
  initial: EntityOwnersEdit;
  version: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => Promise<number>;
}) {
  const api = useApi(readinessApiRef);
  const { options, loading } = useOwnerOptions();
  const [roles, setRoles] = useState<EntityOwnersEdit>(props.initial);
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState(props.version);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [copied, setCopied] = useState(false);
  const set = (field: keyof EntityOwnersEdit, value?: string) =>
    setRoles(r => ({ ...r, [field]: value || undefined }));
  const optionFor = (ref?: string) =>
    ref
      ? options.find(o => o.ref === ref.toLowerCase()) ?? { ref, label: ref }
      : null;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.saveOwnership(
        props.entityRef,
        { roles, reason: reason || undefined },
        version,
      );
      props.onSaved();
    } catch (e) {
      const conflict = e instanceof ResponseError && e.statusCode === 409;
      setError({
        conflict,
        message: conflict
          ? 'Someone else saved a change since you opened this dialog. Reload to take their version; what you entered stays here.'
          : (e as Error).message,
      });
    } finally {
      setSaving(false);
    }
  };

  const copyYaml = async () => {
    await navigator.clipboard
      ?.writeText(ownershipYaml(roles))
      .catch(() => undefined);
    setCopied(true);
  };

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="edit-ownership-title"
    >
      <DialogTitle id="edit-ownership-title">Edit ownership</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Define the roles separately, so nobody has to guess who acts in the
          first 15 minutes of an incident.
        </Typography>
        {ROLES.map(([field, label, help]) => (
          <Autocomplete<Option>
            key={field}
            options={options}
            loading={loading}
            value={optionFor(roles[field])}
            getOptionLabel={o => o.label}
            getOptionSelected={(o, v) => o.ref === v.ref}
            onChange={(_, v) => set(field, v?.ref)}
            renderInput={params => (
              <TextField
                {...params}
                label={label}
                helperText={help}
                margin="dense"
                variant="outlined"
              />
            )}
          />
        ))}
        <TextField
          id="ownership-channel"
          label="Communication channel"
          helperText="slack:#name, msteams:…, mailto:address or a URL"
          value={roles.channel ?? ''}
          onChange={e => set('channel', e.target.value)}
          margin="dense"
          variant="outlined"
          fullWidth
        />
        <TextField
          id="ownership-runbook"
          label="Runbook URL"
          value={roles.runbook ?? ''}
          onChange={e => set('runbook', e.target.value)}
          margin="dense"
          variant="outlined"
          fullWidth
        />
        <TextField
          id="ownership-reason"
          label="Reason (kept in the history)"
          value={reason}
          onChange={e => setReason(e.target.value)}
          margin="dense"
          variant="outlined"
          fullWidth
        />
        {copied && (
          <Alert severity="info" style={{ marginTop: 8 }}>
            Copied. Paste into catalog-info.yaml if your team keeps the file as
            the source of truth:
            <pre style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>
              {ownershipYaml(roles)}
            </pre>
          </Alert>
        )}
        {error && (
          <Alert
            severity="error"
            style={{ marginTop: 8 }}
            action={
              error.conflict ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={async () => {
                    setVersion(await props.onReload());
                    setError(undefined);
                  }}
                >
                  Reload
                </Button>
              ) : undefined
            }
          >
            {error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={copyYaml}>Copy as YAML</Button>
        <div style={{ flex: 1 }} />
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving}
        >
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
