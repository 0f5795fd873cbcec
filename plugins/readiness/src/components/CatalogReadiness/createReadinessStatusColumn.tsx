import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { ReadinessTabLink } from '../ReadinessTabLink';
import { StatusChip } from '../StatusChip';
import { statusLoaderFor } from './statusLoader';
import { useStatusText } from '../readableColor';

/**
 * The readiness status of a catalog entity (the worst across its
 * scorecards), linked to its Readiness tab; "–" when nothing scores it.
 *
 * @public
 */
export function EntityReadinessStatus(props: { entity: Entity }) {
  const api = useApi(readinessApiRef);
  const ref = stringifyEntityRef(props.entity);
  const statusText = useStatusText();
  const { value, error, loading } = useAsync(
    () => statusLoaderFor(api).load(ref),
    [api, ref],
  );
  if (loading) return null;
  if (error)
    return (
      <Typography
        variant="caption"
        className={statusText.error}
        title={error.message}
      >
        unavailable
      </Typography>
    );
  if (!value)
    return (
      <Typography variant="body2" color="textSecondary" title="Not scored">
        –
      </Typography>
    );
  return (
    <ReadinessTabLink entityRef={ref}>
      <StatusChip status={value} />
    </ReadinessTabLink>
  );
}

/**
 * A "Readiness" column for the catalog table (`CatalogTable` /
 * `CatalogIndexPage` `columns`): each entity's status, one request per page
 * of the table.
 *
 * @public
 */
export function createReadinessStatusColumn<
  T extends { entity: Entity },
>(options?: { title?: string }): TableColumn<T> {
  return {
    title: options?.title ?? 'Readiness',
    field: 'entity.metadata.name',
    sorting: false,
    width: 'auto',
    render: ({ entity }) => <EntityReadinessStatus entity={entity} />,
  };
}
