import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { readableOn } from '../readableColor';
import type { ReadinessStatus } from '@readiness/backstage-plugin-readiness-common';

/** Words shown for each status. */
export const STATUS_LABEL: Record<ReadinessStatus, string> = {
  ready: 'Ready',
  'needs-work': 'Needs work',
  blocked: 'Blocked',
};

const useStyles = makeStyles(theme => ({
  ready: {
    backgroundColor: theme.palette.success.main,
    color: readableOn(theme.palette.success.main),
  },
  'needs-work': {
    backgroundColor: theme.palette.warning.main,
    color: readableOn(theme.palette.warning.main),
  },
  blocked: {
    backgroundColor: theme.palette.error.main,
    color: readableOn(theme.palette.error.main),
  },
  chip: { fontWeight: 600, margin: 0 },
}));

/** A coloured chip with the readiness status. */
export function StatusChip(props: {
  status: ReadinessStatus;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  return (
    <Chip
      label={STATUS_LABEL[props.status]}
      size={props.size ?? 'small'}
      className={`${classes.chip} ${classes[props.status]}`}
      data-testid={`status-${props.status}`}
    />
  );
}
