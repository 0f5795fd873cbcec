import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ResultsQuery, ScorecardSummary } from '../../api';
import {
  RESULTS_LIST_FILTERS,
  RESULTS_TEXT_FILTERS,
} from '@readiness/backstage-plugin-readiness-common';
import { STATUS_LABEL } from '../StatusChip';
import { shortRef } from './useEntityTitles';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
    marginBottom: theme.spacing(1),
  },
}));

/** The filters of a results query, each with what it shows people. */
export const FILTER_KEYS = [
  ...RESULTS_LIST_FILTERS,
  ...RESULTS_TEXT_FILTERS,
] as const;

type FilterKey = (typeof FILTER_KEYS)[number];

const LABEL: Record<FilterKey, string> = {
  status: 'Status',
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  lifecycle: 'Lifecycle',
  kind: 'Kind',
  type: 'Type',
  area: 'Failing area',
  check: 'Failing check',
  q: 'Search',
};

/** The filters in force, as `Label: value` pairs (empty when none). */
export function activeFilters(
  query: ResultsQuery,
  scorecard?: ScorecardSummary,
): Array<{ key: FilterKey; label: string }> {
  const out: Array<{ key: FilterKey; label: string }> = [];
  for (const key of FILTER_KEYS) {
    const raw = query[key];
    const values = ([] as unknown[]).concat(raw ?? []).map(String);
    if (values.length === 0) continue;
    const shown = values.map(v => {
      if (key === 'status') return STATUS_LABEL[v as 'ready'] ?? v;
      if (key === 'area')
        return scorecard?.areas.find(a => a.id === v)?.title ?? v;
      if (key === 'check')
        return scorecard?.checks?.find(c => c.id === v)?.title ?? v;
      return shortRef(v);
    });
    out.push({ key, label: `${LABEL[key]}: ${shown.join(', ')}` });
  }
  return out;
}

/** Chips of the filters in force, each removable, and "Clear filters". */
export function ActiveFilters(props: {
  query: ResultsQuery;
  scorecard?: ScorecardSummary;
  onRemove: (key: FilterKey) => void;
  onClear: () => void;
}) {
  const classes = useStyles();
  const filters = activeFilters(props.query, props.scorecard);
  if (filters.length === 0) return null;
  return (
    <div className={classes.row} aria-label="Filters in force">
      <Typography variant="body2" color="textSecondary">
        Filtered by
      </Typography>
      {filters.map(f => (
        <Chip
          key={f.key}
          size="small"
          label={f.label}
          onDelete={() => props.onRemove(f.key)}
        />
      ))}
      <ClearFiltersButton size="small" onClick={props.onClear} />
    </div>
  );
}

/** "Clear filters", under the chips and in an empty result. */
export function ClearFiltersButton(props: {
  onClick: () => void;
  size?: 'small';
  variant?: 'outlined';
}) {
  return (
    <Button color="primary" {...props}>
      Clear filters
    </Button>
  );
}

/** What each filter key resets to: nothing. */
export const NO_FILTERS: Partial<ResultsQuery> = Object.fromEntries(
  FILTER_KEYS.map(k => [k, undefined]),
);
