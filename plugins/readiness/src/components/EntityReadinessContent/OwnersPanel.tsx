import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { EntityOwners } from '../../api';

const useStyles = makeStyles(theme => ({
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(1, 2),
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0, overflowWrap: 'anywhere' },
}));

function Ref({ value }: { value?: string }) {
  if (!value)
    return (
      <Typography color="error" variant="body2">
        not set
      </Typography>
    );
  return /^[a-z]+:[^/]+\/.+$/.test(value) ? (
    <EntityRefLink entityRef={value} />
  ) : (
    <Typography variant="body2">{value}</Typography>
  );
}

/**
 * The ownership roles, channel and runbook of the entity. Editing comes with
 * the ownership feature; this panel is where the Edit action will sit.
 */
export function OwnersPanel({ owners }: { owners: EntityOwners }) {
  const classes = useStyles();
  const rows: Array<[string, JSX.Element]> = [
    ['Incident owner', <Ref value={owners.incident} />],
    ['Technical owner', <Ref value={owners.technical} />],
    ['Communication owner', <Ref value={owners.communication} />],
    [
      'Channel',
      owners.channel ? (
        <Typography variant="body2">{owners.channel}</Typography>
      ) : (
        <Typography color="error" variant="body2">
          not set
        </Typography>
      ),
    ],
    [
      'Runbook',
      owners.runbook ? (
        <Link to={owners.runbook}>{owners.runbook}</Link>
      ) : (
        <Typography color="error" variant="body2">
          not set
        </Typography>
      ),
    ],
  ];
  return (
    <InfoCard
      title="Ownership"
      subheader="Who acts in the first 15 minutes of an incident"
    >
      <dl className={classes.list}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={classes.term}>
              <Typography variant="body2">{term}</Typography>
            </dt>
            <dd className={classes.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </InfoCard>
  );
}
