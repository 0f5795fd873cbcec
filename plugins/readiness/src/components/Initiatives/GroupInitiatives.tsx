import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';

const short = (ref: string) => ref.replace(/^[a-z]+:default\//, '');

/**
 * On a group card: the active initiatives that concern what the group owns
 * (its sub-groups' included), with the deadline and what is left for it.
 * Nothing when none does.
 */
export function GroupInitiatives(props: { ownerRef: string; reload?: number }) {
  const api = useApi(readinessApiRef);
  const list = useAsync(
    () => api.listInitiatives({ owner: props.ownerRef }),
    [api, props.ownerRef, props.reload],
  );
  const items = list.value?.items ?? [];
  if (!items.length) return null;
  return (
    <div data-testid="group-initiatives" style={{ margin: '8px 0' }}>
      <Typography variant="subtitle2">Initiatives</Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {items.map(i => {
          const part = i.forOwner!;
          return (
            <li key={i.id}>
              <Typography variant="body2">
                <strong>{i.title}</strong>, due {i.deadline}: {part.met} of{' '}
                {part.total} met
                {part.open.length
                  ? `; left: ${part.open.map(short).join(', ')}`
                  : ''}
              </Typography>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
