import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ReadinessTabLink } from '../ReadinessTabLink';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Cancel from '@material-ui/icons/Cancel';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import Schedule from '@material-ui/icons/Schedule';
import { Link } from '@backstage/core-components';
import type { CheckResult } from '@readiness/backstage-plugin-readiness-common';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    padding: theme.spacing(1.25, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
    '&:first-child': { borderTop: 'none' },
  },
  icon: { marginTop: 2, flexShrink: 0 },
  pass: { color: theme.palette.success.main },
  fail: { color: theme.palette.error.main },
  error: { color: theme.palette.warning.main },
  unknown: { color: theme.palette.text.secondary },
  exempt: { color: theme.palette.text.secondary },
  upcoming: { color: theme.palette.info.main },
  title: { fontWeight: 600, overflowWrap: 'anywhere' },
  message: { color: theme.palette.text.secondary, overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.75),
    alignItems: 'center',
    marginTop: theme.spacing(0.5),
  },
  remediation: { marginTop: theme.spacing(0.5), overflowWrap: 'anywhere' },
  body: { minWidth: 0, flex: 1 },
  // Beside the text on wide screens, below it on narrow ones.
  actions: {
    flexShrink: 0,
    [theme.breakpoints.down('xs')]: { width: '100%', paddingLeft: 36 },
  },
}));

function ResultIcon({ check }: { check: CheckResult }) {
  const classes = useStyles();
  if (check.upcoming)
    return (
      <Schedule
        className={`${classes.icon} ${classes.upcoming}`}
        titleAccess="Upcoming"
      />
    );
  switch (check.result) {
    case 'pass':
      return (
        <CheckCircle
          className={`${classes.icon} ${classes.pass}`}
          titleAccess="Pass"
        />
      );
    case 'fail':
      return (
        <Cancel
          className={`${classes.icon} ${classes.fail}`}
          titleAccess="Fail"
        />
      );
    case 'error':
      return (
        <ErrorOutline
          className={`${classes.icon} ${classes.error}`}
          titleAccess="Error"
        />
      );
    case 'exempt':
      return (
        <RemoveCircleOutline
          className={`${classes.icon} ${classes.exempt}`}
          titleAccess="Exempt"
        />
      );
    case 'not-applicable':
      return (
        <RemoveCircleOutline
          className={`${classes.icon} ${classes.exempt}`}
          titleAccess="Does not apply"
        />
      );
    default:
      return (
        <HelpOutline
          className={`${classes.icon} ${classes.unknown}`}
          titleAccess="No data yet"
        />
      );
  }
}

function evidenceText(check: CheckResult): string | undefined {
  const e = check.evidence;
  if (!e) return undefined;
  const parts = [
    e.source,
    e.by && `by ${e.by.replace(/^user:default\//, '')}`,
    e.observedAt && `on ${e.observedAt.slice(0, 10)}`,
    e.expiresAt && `until ${e.expiresAt.slice(0, 10)}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

// A roll-up names its parts as `system:checkout (blocked)`.
const PART =
  /\b([a-z]+:(?:[a-z0-9_.-]+\/)?[a-z0-9_.-]+) \((blocked|needs-work|ready)\)/gi;

/** A check's message with the parts a roll-up names linked to their Readiness tabs. */
export function LinkedMessage(props: { message: string }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of props.message.matchAll(PART)) {
    out.push(props.message.slice(last, m.index));
    out.push(
      <span key={m.index}>
        <ReadinessTabLink entityRef={m[1]}>{m[1]}</ReadinessTabLink> ({m[2]})
      </span>,
    );
    last = m.index! + m[0].length;
  }
  out.push(props.message.slice(last));
  return <>{out}</>;
}

/** One check: icon, title, message, evidence, remediation; `actions` leaves room for attest/exempt. */
export function CheckRow(props: { check: CheckResult; actions?: ReactNode }) {
  const { check } = props;
  const classes = useStyles();
  const open =
    check.result !== 'pass' &&
    check.result !== 'exempt' &&
    check.result !== 'not-applicable';
  const evidence = evidenceText(check);
  return (
    <Box className={classes.row} data-testid={`check-${check.checkId}`}>
      <ResultIcon check={check} />
      <div className={classes.body}>
        <Typography variant="body1" className={classes.title}>
          {check.title}
        </Typography>
        <Typography variant="body2" className={classes.message}>
          <LinkedMessage message={check.message} />
        </Typography>
        <div className={classes.meta}>
          <Chip
            size="small"
            variant="outlined"
            label={
              check.result === 'not-applicable'
                ? 'does not apply'
                : check.severity
            }
          />
          {check.upcoming && (
            <Chip
              size="small"
              color="primary"
              label={`enforced from ${check.enforceFrom}`}
            />
          )}
          {evidence && (
            <Typography variant="caption" color="textSecondary">
              {evidence}
              {check.evidence?.url && (
                <>
                  {' · '}
                  <Link to={check.evidence.url} underline="always">
                    evidence
                  </Link>
                </>
              )}
            </Typography>
          )}
        </div>
        {open && check.remediation?.text && (
          <Typography variant="body2" className={classes.remediation}>
            <strong>What to do:</strong> {check.remediation.text}{' '}
            {check.remediation.link && (
              <Link to={check.remediation.link} underline="always">
                Learn more
              </Link>
            )}
          </Typography>
        )}
      </div>
      {props.actions && <div className={classes.actions}>{props.actions}</div>}
    </Box>
  );
}
