import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { CheckFailureCount } from '../../api';

/** The checks most entities fail, each a link that filters the table to them. */
export function TopChecks(props: {
  checks?: CheckFailureCount[];
  loading?: boolean;
  error?: Error;
  scorecard: string;
}) {
  if (props.loading || props.error || !props.checks) {
    return (
      <InfoCard title="Top failing checks">
        {props.error ? (
          <ResponseErrorPanel error={props.error} />
        ) : (
          <Progress />
        )}
      </InfoCard>
    );
  }
  const top = props.checks.filter(c => c.failing > 0).slice(0, 8);
  return (
    <InfoCard title="Top failing checks">
      {top.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Every entity passes every check.
        </Typography>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {top.map(c => (
            <li key={c.checkId} style={{ marginBottom: 6 }}>
              <Link
                to={`?scorecard=${encodeURIComponent(
                  props.scorecard,
                )}&check=${encodeURIComponent(c.checkId)}`}
              >
                {c.title}
              </Link>
              <Typography
                variant="body2"
                color="textSecondary"
                component="span"
              >
                {' '}
                · {c.failing} {c.failing === 1 ? 'entity' : 'entities'} ·{' '}
                {c.severity}
              </Typography>
            </li>
          ))}
        </ol>
      )}
    </InfoCard>
  );
}
