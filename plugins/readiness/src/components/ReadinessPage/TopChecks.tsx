import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { CheckFailureCount } from '../../api';

/**
 * The checks most entities fail. Each is a link (with the page's other
 * parameters, so it can be opened in a new tab) that filters the table below
 * and brings it into view.
 */
export function TopChecks(props: {
  checks?: CheckFailureCount[];
  loading?: boolean;
  error?: Error;
  /** The page's URL with `check` set to this check. */
  hrefFor: (checkId: string) => string;
  onSelect: (checkId: string) => void;
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
    <InfoCard
      title="Top failing checks"
      subheader="Pick one to list the entities that fail it"
    >
      {top.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Every entity passes every check.
        </Typography>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {top.map(c => (
            <li key={c.checkId} style={{ marginBottom: 6 }}>
              <Link
                to={props.hrefFor(c.checkId)}
                onClick={(e: React.MouseEvent) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                  e.preventDefault();
                  props.onSelect(c.checkId);
                }}
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
