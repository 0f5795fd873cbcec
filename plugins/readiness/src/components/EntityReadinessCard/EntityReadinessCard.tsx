import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { StatusChip } from '../StatusChip';
import { isFailing } from '@readiness/backstage-plugin-readiness-common';

const RANK = { critical: 0, required: 1, recommended: 2 } as const;

/**
 * Overview card: status, score, level and the three most important gaps.
 *
 * @public
 */
export function EntityReadinessCard() {
  const { entity } = useEntity();
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntity(stringifyEntityRef(entity)),
    [api, entity],
  );
  if (loading)
    return (
      <InfoCard title="Readiness">
        <Progress />
      </InfoCard>
    );
  if (error) return <ResponseErrorPanel error={error} />;
  const result = value?.results[0];
  if (!result) {
    return (
      <InfoCard title="Readiness">
        <Typography variant="body2" color="textSecondary">
          No scorecard applies to this entity yet.
        </Typography>
      </InfoCard>
    );
  }
  const gaps = result.checks
    .filter(isFailing)
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.weight - a.weight)
    .slice(0, 3);
  return (
    <InfoCard
      // Marks Readiness's own DOM for the accessibility tests (e2e-tests/a11y).
      className="readiness-card"
      title="Readiness"
      subheader={result.verdict}
      deepLink={{ title: 'All checks', link: 'readiness' }}
    >
      <div
        style={{
          display: 'flex',
          gap: 12,
          alignItems: 'center',
          flexWrap: 'wrap',
        }}
      >
        <StatusChip status={result.status} size="medium" />
        <Typography variant="h5" component="span">
          {result.score}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Level: {result.level?.title ?? 'none yet'}
        </Typography>
      </div>
      {gaps.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Fix next
          </Typography>
          <ol style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {gaps.map(g => (
              <li key={g.checkId}>
                <Typography variant="body2">
                  <strong>{g.title}</strong>{' '}
                  <span style={{ opacity: 0.7 }}>({g.severity})</span>
                </Typography>
              </li>
            ))}
          </ol>
        </>
      )}
    </InfoCard>
  );
}
