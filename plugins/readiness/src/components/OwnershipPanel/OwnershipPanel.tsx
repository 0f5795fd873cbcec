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
import { EntityOwnersEdit, readinessApiRef } from '../../api';
import { EditOwnershipDialog } from './EditOwnershipDialog';

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
}));

const FIELDS: Array<[keyof EntityOwnersEdit, string]> = [
  ['incident', 'Incident owner'],
  ['technical', 'Technical owner'],
  ['communication', 'Communication owner'],
  ['channel', 'Channel'],
  ['runbook', 'Runbook'],
];
const short = (ref?: string) =>
  ref ? ref.replace(/^[a-z]+:default\//, '') : 'none';

function Value({
  field,
  value,
}: {
  field: keyof EntityOwnersEdit;
  value?: string;
}) {
  if (!value)
    return (
      <Typography color="error" variant="body2">
        not set
      </Typography>
    );
  if (field === 'runbook') return <Link to={value}>{value}</Link>;
  if (field === 'channel')
    return <Typography variant="body2">{value}</Typography>;
  return /^[a-z]+:[^/]+\/.+$/i.test(value) ? (
    <EntityRefLink entityRef={value} />
  ) : (
    <Typography variant="body2">{value}</Typography>
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
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const ownership = useAsyncRetry(
    () => api.getOwnership(props.entityRef),
    [api, props.entityRef],
  );
  const [editing, setEditing] = useState(false);

  if (ownership.loading && !ownership.value)
    return (
      <InfoCard title="Ownership">
        <Progress />
      </InfoCard>
    );
  if (ownership.error) return <ResponseErrorPanel error={ownership.error} />;
  const o = ownership.value!;
  return (
    <InfoCard
      title="Ownership"
      subheader="Who acts in the first 15 minutes of an incident"
      action={
        o.canEdit ? (
          <Button
            color="primary"
            onClick={() => setEditing(true)}
            style={{ marginTop: 8 }}
          >
            Edit
          </Button>
        ) : undefined
      }
    >
      <dl className={classes.list}>
        {FIELDS.map(([field, term]) => (
          <div key={field} style={{ display: 'contents' }}>
            <dt className={classes.term}>
              <Typography variant="body2">{term}</Typography>
            </dt>
            <dd className={classes.value} data-testid={`owner-${field}`}>
              <Value field={field} value={o.effective[field]} />
            </dd>
          </div>
        ))}
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
      {o.differsFromCatalog && (
        <Alert severity="info" style={{ marginTop: 12 }}>
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
                  {FIELDS.filter(
                    ([f]) =>
                      (h.oldRoles?.[f] ?? o.catalog[f]) !== h.newRoles[f],
                  )
                    .map(
                      ([f, term]) =>
                        `${term.toLowerCase()} ${short(
                          h.oldRoles?.[f] ?? o.catalog[f],
                        )} → ${short(h.newRoles[f])}`,
                    )
                    .join('; ') || 'no change'}
                  {h.reason ? ` (${h.reason})` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing && (
        <EditOwnershipDialog
          open
          entityRef={props.entityRef}
          initial={o.effective}
          version={o.version}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            ownership.retry();
            props.onChanged?.();
          }}
          onReload={async () =>
            (await api.getOwnership(props.entityRef)).version
          }
        />
      )}
    </InfoCard>
  );
}
