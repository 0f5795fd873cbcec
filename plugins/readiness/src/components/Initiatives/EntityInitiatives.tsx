import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';

/**
 * On an entity's tab: the active initiatives whose scope holds it, with
 * their deadline and what is left here. Nothing when none concerns it.
 */
export function EntityInitiatives(props: { entityRef: string }) {
  const api = useApi(readinessApiRef);
  const list = useAsync(
    () => api.listInitiatives({ entity: props.entityRef }),
    [api, props.entityRef],
  );
  const items = list.value?.items ?? [];
  if (!items.length) return null;
  return (
    <InfoCard className="readiness-card" title="Initiatives">
      <ul
        style={{ margin: 0, paddingLeft: 20 }}
        data-testid="entity-initiatives"
      >
        {items.map(i => (
          <li key={i.id}>
            <Typography variant="body2">
              <strong>{i.title}</strong>, due {i.deadline}:{' '}
              {i.forEntity?.met
                ? 'met here'
                : `left here: ${
                    i.forEntity?.missing.map(m => m.title).join('; ') ||
                    'reach the level'
                  }`}
            </Typography>
          </li>
        ))}
      </ul>
    </InfoCard>
  );
}
