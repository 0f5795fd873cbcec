import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { StatusChip } from '../StatusChip';

/**
 * The group's own score, when a scorecard applies to groups (such as the
 * example Team readiness): status, score against the bar, and what keeps it
 * from Ready. Nothing when no scorecard scores groups.
 */
export function GroupScore(props: { entityRef: string }) {
  const api = useApi(readinessApiRef);
  const { value } = useAsync(async () => {
    const [entity, cards] = await Promise.all([
      api.getEntity(props.entityRef).catch(() => undefined),
      api.getScorecards(),
    ]);
    return { entity, cards };
  }, [api, props.entityRef]);
  const results = value?.entity?.results ?? [];
  const title = (name: string) =>
    value?.cards.find(c => c.name === name)?.title ?? name;
  if (results.length === 0) return null;
  return (
    <Box mb={2} data-testid="group-score">
      {results.map(r => {
        const open = r.checks.filter(
          c => c.counted && c.result !== 'pass' && c.severity !== 'recommended',
        );
        return (
          <Box key={r.scorecard} mb={1}>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <StatusChip status={r.status} />
              <Typography variant="subtitle1" component="span">
                {title(r.scorecard)}: {r.score} of {r.passingScore} needed
              </Typography>
            </Box>
            {open.length > 0 && (
              <Typography variant="body2" color="textSecondary">
                Open: {open.map(c => c.title).join(' · ')}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
