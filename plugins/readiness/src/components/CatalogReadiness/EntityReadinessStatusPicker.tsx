import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  DefaultEntityFilters,
  EntityFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  READINESS_STATUSES,
  type ReadinessStatus,
} from '@readiness/backstage-plugin-readiness-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { STATUS_LABEL } from '../StatusChip';

/**
 * Catalog filter: entities whose readiness status (the worst across their
 * scorecards) is one of `values`. Applied in the browser to the entities the
 * catalog returned, so with a paginated catalog page it filters each page.
 *
 * @public
 */
export class EntityReadinessStatusFilter implements EntityFilter {
  constructor(
    readonly values: ReadinessStatus[],
    private readonly refs: ReadonlySet<string>,
  ) {}

  filterEntity(entity: Entity): boolean {
    return this.refs.has(stringifyEntityRef(entity).toLowerCase());
  }

  toQueryValue(): string[] {
    return this.values;
  }
}

const valid = (v: unknown): ReadinessStatus[] =>
  ([] as unknown[])
    .concat(v ?? [])
    .filter((s): s is ReadinessStatus =>
      READINESS_STATUSES.includes(s as ReadinessStatus),
    );

const useStyles = makeStyles(theme => ({
  // On the catalog's grey background the theme's secondary text is 4.47:1.
  picker: {
    '& label:not(.Mui-focused):not(.Mui-error)': {
      color: theme.palette.text.primary,
    },
  },
}));

/**
 * A catalog filter for the readiness status (`?filters[readiness]=blocked`),
 * for the catalog index page's filters: "which services are blocked?".
 *
 * @public
 */
export function EntityReadinessStatusPicker() {
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const { updateFilters, queryParameters } = useEntityList<
    DefaultEntityFilters & { readiness?: EntityReadinessStatusFilter }
  >();
  const [selected, setSelected] = useState<ReadinessStatus[]>(() =>
    valid(queryParameters.readiness),
  );
  const key = [...selected].sort().join(',');
  const refs = useAsync(async () => {
    if (!selected.length) return undefined;
    const { items } = await api.getStatuses({ status: selected });
    return { key, refs: new Set(items.map(i => i.entityRef)) };
  }, [api, key]);
  useEffect(() => {
    if (!selected.length) updateFilters({ readiness: undefined });
    else if (refs.value?.key === key)
      updateFilters({
        readiness: new EntityReadinessStatusFilter(selected, refs.value.refs),
      });
    // `selected` is keyed by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refs.value, updateFilters]);

  return (
    <Box
      pb={1}
      pt={1}
      data-readiness="status-picker"
      className={classes.picker}
    >
      <TextField
        select
        fullWidth
        label="Readiness"
        size="small"
        variant="outlined"
        value={selected}
        SelectProps={{
          multiple: true,
          renderValue: v =>
            (v as ReadinessStatus[]).map(s => STATUS_LABEL[s]).join(', '),
        }}
        onChange={e => setSelected(valid(e.target.value))}
        inputProps={{ 'aria-label': 'Readiness' }}
        error={!!refs.error}
        helperText={
          refs.error
            ? `Could not read readiness: ${refs.error.message}`
            : undefined
        }
      >
        {(['blocked', 'needs-work', 'ready'] as const).map(s => (
          <MenuItem key={s} value={s}>
            {STATUS_LABEL[s]}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
