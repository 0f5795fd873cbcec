import { Gauge, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { EntityResult } from '../../api';
import { StatusChip } from '../StatusChip';

const useStyles = makeStyles(theme => ({
  layout: {
    display: 'flex',
    gap: theme.spacing(3),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  gauge: { width: 150, flexShrink: 0 },
  facts: { flex: 1, minWidth: 220 },
  line: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  verdict: { marginTop: theme.spacing(1) },
}));

/** Status, verdict, score gauge, level, freshness and the Re-evaluate button. */
export function ReadinessHeader(props: {
  result: EntityResult;
  scorecardTitle: string;
  onEvaluate: () => void;
  /** False when the permission framework says the viewer may not re-evaluate. */
  canEvaluate?: boolean;
  evaluating: boolean;
  evaluateError?: Error;
}) {
  const { result } = props;
  // The headline names what blocks, whatever the scorecard's verdict says.
  const blocking = result.checks
    .filter(c => c.counted && c.severity === 'critical' && c.result !== 'pass')
    .map(c => c.title);
  const classes = useStyles();
  return (
    <InfoCard title={props.scorecardTitle}>
      <div className={classes.layout}>
        <div className={classes.gauge}>
          {/* The exact score: 96.6 must not read as 97 next to "97 needed". */}
          <Gauge
            value={result.score}
            max={100}
            fractional={false}
            unit="%"
            // "87.5%" at full size is wider than the ring.
            size={Number.isInteger(result.score) ? 'normal' : 'small'}
            getColor={({ palette }) => {
              if (result.status === 'blocked') return palette.status.error;
              if (result.status === 'needs-work') return palette.status.warning;
              return palette.status.ok;
            }}
          />
        </div>
        <div className={classes.facts}>
          <div className={classes.line}>
            <StatusChip status={result.status} size="medium" />
            <Typography variant="body2" color="textSecondary">
              Score <strong>{result.score}</strong> of {result.passingScore}{' '}
              needed · Level:{' '}
              <strong>{result.level?.title ?? 'none yet'}</strong>
            </Typography>
          </div>
          <Typography variant="body1" className={classes.verdict}>
            {result.verdict}
            {blocking.length > 0 && (
              <>
                {' '}
                <strong data-testid="blocked-by">
                  Blocked by{' '}
                  {blocking.length > 3
                    ? `${blocking.slice(0, 3).join(', ')} and ${
                        blocking.length - 3
                      } more`
                    : blocking.join(', ')}
                  .
                </strong>
              </>
            )}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            Evaluated {new Date(result.evaluatedAt).toLocaleString()}
            {result.changedAt
              ? ` · last changed ${new Date(result.changedAt).toLocaleString()}`
              : ''}
          </Typography>
        </div>
        {props.canEvaluate !== false && (
          <Box>
            <Button
              variant="outlined"
              color="primary"
              onClick={props.onEvaluate}
              disabled={props.evaluating}
              startIcon={
                props.evaluating ? <CircularProgress size={16} /> : undefined
              }
            >
              {props.evaluating ? 'Evaluating…' : 'Re-evaluate'}
            </Button>
          </Box>
        )}
      </div>
      {result.stale && (
        <Alert severity="warning" style={{ marginTop: 16 }}>
          These results are stale: the catalog could not be read at the last
          evaluation. They date from{' '}
          {new Date(result.evaluatedAt).toLocaleString()}.
        </Alert>
      )}
      {props.evaluateError && (
        <Alert severity="error" style={{ marginTop: 16 }}>
          Could not re-evaluate: {props.evaluateError.message}
        </Alert>
      )}
    </InfoCard>
  );
}
