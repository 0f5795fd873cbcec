import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ResponseError } from '@backstage/errors';
import {
  OWNERSHIP_FIELDS,
  OWNERSHIP_ROLES,
  OwnershipField,
  OwnershipResponse,
  OwnershipRole,
} from '@readiness/backstage-plugin-readiness-common';
import { EntityOwnersEdit, readinessApiRef } from '../../api';
import { ConfirmOwnersDialog } from './ConfirmOwnersDialog';
import { EditOwnershipDialog } from './EditOwnershipDialog';
import { FIELD_LABELS, shortRef } from './fields';
import { useStatusText } from '../readableColor';

const useStyles = makeStyles(theme => ({
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(1, 2),
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0, overflowWrap: 'anywhere' },
  history: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(2.5) },
  inline: {
    textTransform: 'none',
    padding: theme.spacing(0, 0.5),
    minWidth: 0,
    verticalAlign: 'baseline',
  },
}));

const FIELDS = OWNERSHIP_FIELDS.map(f => [f, FIELD_LABELS[f]] as const);
const isRole = (f: OwnershipField): f is OwnershipRole =>
  (OWNERSHIP_ROLES as readonly string[]).includes(f);
const short = shortRef;

function Value({
  field,
  value,
  problem,
  optional,
}: {
  field: keyof EntityOwnersEdit;
  value?: string;
  problem?: string;
  /** Not set is no gap here (a system or domain: its parts hold the roles). */
  optional?: boolean;
}) {
  const statusText = useStatusText();
  if (!value)
    return field === 'goLiveDate' || optional ? (
      <Typography color="textSecondary" variant="body2">
        {field === 'goLiveDate' ? 'none' : 'not set'}
      </Typography>
    ) : (
      <Typography className={statusText.error} variant="body2">
        not set
      </Typography>
    );
  // A value that is wrong is shown as text, never as a link to nowhere.
  if (problem) return <Typography variant="body2">{value}</Typography>;
  if (field === 'runbook')
    return (
      <Link to={value} underline="always">
        {value}
      </Link>
    );
  if (field === 'channel') {
    // A web address or an email address can be opened; `slack:#x` is a name.
    if (/^https?:\/\//i.test(value))
      return (
        <Link to={value} underline="always">
          {value}
        </Link>
      );
    const email = /^(?:mailto:)?([^\s@:]+@[^\s@]+\.[^\s@]+)$/i.exec(value);
    if (email)
      return (
        <Link to={`mailto:${email[1]}`} underline="always">
          {email[1]}
        </Link>
      );
    return <Typography variant="body2">{value}</Typography>;
  }
  return /^[a-z]+:[^/]+\/.+$/i.test(value) ? (
    <EntityRefLink entityRef={value} />
  ) : (
    <Typography variant="body2">{value}</Typography>
  );
}

/** Under a value: what is wrong with it, whether it was edited here, whether the file moved since. */
function FieldNotes(props: {
  field: OwnershipField;
  o: OwnershipResponse;
  busy: boolean;
  onRevert: (field: OwnershipField) => void;
  onKeep: (field: OwnershipField) => void;
}) {
  const classes = useStyles();
  const statusText = useStatusText();
  const { field, o } = props;
  const edited = o.overridden.includes(field);
  const fileChanged = o.fileChanged.includes(field);
  const confirmation = isRole(field) ? o.confirmations[field] : undefined;
  return (
    <>
      {confirmation && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          data-testid={`owner-${field}-confirmed`}
        >
          Confirmed on {confirmation.confirmedAt.slice(0, 10)} by{' '}
          {short(confirmation.confirmedBy)}
          {confirmation.reason ? ` (${confirmation.reason})` : ''}
        </Typography>
      )}
      {o.problems[field] && (
        <Typography
          variant="caption"
          className={statusText.error}
          component="p"
          data-testid={`owner-${field}-problem`}
        >
          {o.problems[field]}
        </Typography>
      )}
      {edited && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          data-testid={`owner-${field}-edited`}
        >
          {fileChanged
            ? `catalog-info.yaml changed since this edit: it now says ${short(
                o.catalog[field],
              )}. `
            : `Edited in Backstage; catalog-info.yaml says ${short(
                o.catalog[field],
              )}. `}
          {o.canEdit && (
            <>
              <Button
                size="small"
                color="primary"
                className={classes.inline}
                disabled={props.busy}
                onClick={() => props.onRevert(field)}
              >
                Use catalog-info.yaml
              </Button>
              {fileChanged && (
                <Button
                  size="small"
                  className={classes.inline}
                  disabled={props.busy}
                  onClick={() => props.onKeep(field)}
                >
                  Keep the edit
                </Button>
              )}
            </>
          )}
        </Typography>
      )}
    </>
  );
}

/**
 * The three ownership roles, channel and runbook of an entity, with an Edit
 * dialog for those allowed, the history of changes, and a note when the
 * stored edit differs from catalog-info.yaml.
 *
 * @public
 */
export function OwnershipPanel(props: {
  entityRef: string;
  onChanged?: () => void;
}) {
  // Systems and domains are scored by their parts: roles unset on them are
  // not gaps, so they are not shown in red.
  const optional = /^(system|domain):/i.test(props.entityRef);
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const ownership = useAsyncRetry(
    () => api.getOwnership(props.entityRef),
    [api, props.entityRef],
  );
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  /** Revert or keep, against the version shown; a 409 reloads and says so. */
  const act = async (run: (o: OwnershipResponse) => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await run(ownership.value!);
      props.onChanged?.();
    } catch (e) {
      setActionError(
        e instanceof ResponseError && e.statusCode === 409
          ? 'Someone changed the ownership meanwhile. Here is what it is now; check it and try again.'
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
      ownership.retry();
    }
  };
  const revert = (fields?: OwnershipField[]) =>
    act(o => api.revertOwnership(props.entityRef, { fields }, o.version));
  const keep = (field: OwnershipField) =>
    act(o =>
      api.saveOwnership(
        props.entityRef,
        {
          roles: o.effective,
          keep: [field],
          reason: 'Kept the edit although catalog-info.yaml changed',
        },
        o.version,
      ),
    );

  if (ownership.loading && !ownership.value)
    return (
      <InfoCard title="Ownership">
        <Progress />
      </InfoCard>
    );
  if (ownership.error) return <ResponseErrorPanel error={ownership.error} />;
  const o = ownership.value!;
  // A field not set before is "none", not the file's value; only entries
  // saved before old values were kept (no oldRoles at all) compare with the file.
  const oldValue = (
    h: OwnershipResponse['history'][number],
    f: OwnershipField,
  ) => (h.oldRoles ? h.oldRoles[f] : o.catalog[f]);
  return (
    <InfoCard
      title="Ownership"
      subheader={
        optional
          ? 'Optional here: its parts hold their own roles'
          : 'Who acts in the first 15 minutes of an incident'
      }
      action={
        o.canEdit ? (
          <>
            {OWNERSHIP_ROLES.some(r => o.effective[r]) && (
              <Button
                onClick={() => setConfirming(true)}
                style={{ marginTop: 8 }}
              >
                Confirm
              </Button>
            )}
            <Button
              color="primary"
              onClick={() => setEditing(true)}
              style={{ marginTop: 8 }}
            >
              Edit
            </Button>
          </>
        ) : undefined
      }
    >
      <dl className={classes.list}>
        {FIELDS.filter(([f]) => !(optional && f === 'goLiveDate')).map(
          ([field, term]) => (
            <div key={field} style={{ display: 'contents' }}>
              <dt className={classes.term}>
                <Typography variant="body2">{term}</Typography>
              </dt>
              <dd className={classes.value}>
                <div data-testid={`owner-${field}`}>
                  <Value
                    field={field}
                    value={o.effective[field]}
                    problem={o.problems[field]}
                    optional={optional}
                  />
                </div>
                <FieldNotes
                  field={field}
                  o={o}
                  busy={busy}
                  onRevert={f => revert([f])}
                  onKeep={keep}
                />
              </dd>
            </div>
          ),
        )}
      </dl>
      {!o.canEdit && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          style={{ marginTop: 12 }}
        >
          Read-only: only the owners of this entity and admins may change its
          ownership.
        </Typography>
      )}
      {actionError && (
        <Alert severity="error" style={{ marginTop: 12 }}>
          {actionError}
        </Alert>
      )}
      {o.differsFromCatalog && (
        <Alert
          severity="info"
          style={{ marginTop: 12 }}
          data-testid="ownership-differs"
          action={
            o.canEdit && o.overridden.length > 1 ? (
              <Button
                color="inherit"
                size="small"
                disabled={busy}
                onClick={() => revert()}
              >
                Use catalog-info.yaml for all
              </Button>
            ) : undefined
          }
        >
          Edited here by {short(o.updatedBy)} and different from
          catalog-info.yaml. Use Edit → Copy as YAML to put it in the file.
        </Alert>
      )}
      {o.history.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            History
          </Typography>
          <ul className={classes.history} data-testid="ownership-history">
            {o.history.slice(0, 5).map(h => (
              <li key={`${h.changedAt}-${h.changedBy}`}>
                <Typography variant="body2">
                  {h.changedAt.slice(0, 10)} · {short(h.changedBy)}:{' '}
                  {FIELDS.filter(([f]) => oldValue(h, f) !== h.newRoles[f])
                    .map(
                      ([f, term]) =>
                        `${term.toLowerCase()} ${short(
                          oldValue(h, f),
                        )} → ${short(h.newRoles[f])}`,
                    )
                    .join('; ') ||
                    (h.confirmed?.length
                      ? `confirmed ${h.confirmed
                          .map(r => FIELD_LABELS[r].toLowerCase())
                          .join(', ')}`
                      : 'no change')}
                  {h.reason ? ` (${h.reason})` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {confirming && (
        <ConfirmOwnersDialog
          title="Confirm the owners"
          intro={`Are these still right? ${OWNERSHIP_ROLES.filter(
            r => o.effective[r],
          )
            .map(r => `${FIELD_LABELS[r]}: ${short(o.effective[r])}`)
            .join(
              '; ',
            )}. Checks that ask for a recent confirmation count from today.`}
          submitLabel="Confirm"
          onClose={() => setConfirming(false)}
          onConfirm={async reason => {
            await api.confirmOwnership(props.entityRef, { reason });
            ownership.retry();
            props.onChanged?.();
          }}
        />
      )}
      {editing && (
        <EditOwnershipDialog
          entityRef={props.entityRef}
          ownership={o}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            ownership.retry();
            props.onChanged?.();
          }}
        />
      )}
    </InfoCard>
  );
}
