import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, ResponsiveContainer } from 'recharts';
import { dayAxes } from '../dayAxes';
import { revisionLines, revisionMarks, RevisionNotes } from '../revisionMarks';
import type { HistoryResponse } from '../../api';

/** Score per day for one scorecard, and the checks that flipped. */
export function TrendChart(props: {
  history?: HistoryResponse;
  scorecard: string;
  /** The title of a check, for the list of changes. */
  checkTitle?: (checkId: string) => string;
}) {
  const theme = useTheme();
  const points = (props.history?.points ?? []).filter(
    p => p.scorecard === props.scorecard,
  );
  const changes = (props.history?.changes ?? [])
    // A check whose result stayed the same (only its message moved) is no change.
    .filter(c => c.scorecard === props.scorecard && c.oldResult !== c.newResult)
    .slice(0, 5);
  const marks = revisionMarks(points, p => ({
    x: p.day,
    day: p.day,
    revisions: p.revision ? [p.revision] : undefined,
  }));
  return (
    <InfoCard title="Trend" subheader="Score per day, last 30 days">
      {points.length < 2 ? (
        <Typography variant="body2" color="textSecondary">
          The trend appears after the second day of evaluations
          {points.length === 1 ? ` (today: ${points[0].score})` : ''}.
        </Typography>
      ) : (
        <div style={{ width: '100%', height: 160 }}>
          <ResponsiveContainer>
            <LineChart
              data={points}
              margin={{ top: 8, right: 8, bottom: 0, left: -24 }}
            >
              {dayAxes(theme, { domain: [0, 100] })}
              <Line
                type="monotone"
                isAnimationActive={false}
                dataKey="score"
                stroke={theme.palette.primary.main}
                strokeWidth={2}
                dot={false}
              />
              {revisionLines(theme, marks)}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <RevisionNotes marks={marks} />
      {changes.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Recent changes
          </Typography>
          {changes.map(c => (
            <Typography
              key={`${c.checkId}-${c.changedAt}`}
              variant="body2"
              color="textSecondary"
            >
              {c.changedAt.slice(0, 10)} ·{' '}
              {props.checkTitle?.(c.checkId) ?? c.checkId}:{' '}
              {c.oldResult ?? 'new'} → {c.newResult ?? 'removed'}
              {c.byScorecard ? ' (the scorecard changed)' : ''}
            </Typography>
          ))}
        </>
      )}
    </InfoCard>
  );
}
