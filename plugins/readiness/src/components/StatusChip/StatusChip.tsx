import Chip from '@material-ui/core/Chip';
import { getContrastRatio, makeStyles } from '@material-ui/core/styles';
import type { ReadinessStatus } from '@readiness/backstage-plugin-readiness-common';

/** Words shown for each status. */
export const STATUS_LABEL: Record<ReadinessStatus, string> = {
  ready: 'Ready',
  'needs-work': 'Needs work',
  blocked: 'Blocked',
};

/**
 * Black or white, whichever reads better on `background`. One of them always
 * reaches 4.5:1 (WCAG AA for the chip's small text); the theme's own
 * `contrastText` aims at 3:1 and falls short on some status colours.
 */
export function readableOn(background: string): string {
  return getContrastRatio(background, '#000') >=
    getContrastRatio(background, '#fff')
    ? '#000'
    : '#fff';
}

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
