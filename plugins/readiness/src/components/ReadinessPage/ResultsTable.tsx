import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import MuiLink from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import GetApp from '@material-ui/icons/GetApp';
import FilterList from '@material-ui/icons/FilterList';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { useEffect, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef, ResultsQuery, ScorecardSummary } from '../../api';
import type { ResultSort } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessTabLink } from '../ReadinessTabLink';
import { StatusChip } from '../StatusChip';
import {
  ActiveFilters,
  activeFilters,
  ClearFiltersButton,
  NO_FILTERS,
} from './ActiveFilters';
import { EntityFilterPicker } from './EntityFilterPicker';
import { FilterText } from './FilterText';

const useStyles = makeStyles(theme => ({
  card: {
    scrollMarginTop: theme.spacing(2),
    transition: 'box-shadow 0.3s',
    borderRadius: theme.shape.borderRadius,
  },
  focused: { boxShadow: `0 0 0 3px ${theme.palette.primary.main}` },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
    alignItems: 'center',
  },
  select: { minWidth: 160 },
  wrap: { overflowX: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  name: { minWidth: 160 },
  gaps: { minWidth: 260, color: theme.palette.text.secondary },
  empty: { padding: theme.spacing(3, 1), textAlign: 'center' },
}));

const SORTABLE: Record<string, string> = {
  name: 'Entity',
  status: 'Status',
  score: 'Score',
};

/** The filters picked from the catalog: query key, label, entity kind. */
const ENTITY_FILTERS = [
  ['owner', 'Owner', 'Group'],
  ['system', 'System', 'System'],
  ['domain', 'Domain', 'Domain'],
] as const;

/** The filters typed as text: query key, label. */
const TEXT_FILTERS = [
  ['lifecycle', 'Lifecycle'],
  ['type', 'Type'],
] as const;

/**
 * All results, filtered, sorted and paged on the server; the filters live in
 * the URL. `focus` changes when a chart, heatmap or top check set a filter:
 * the table scrolls into view and is outlined for a moment.
 */
export function ResultsTable(props: {
  query: ResultsQuery;
  update: (changes: Partial<ResultsQuery>) => void;
  scorecard?: ScorecardSummary;
  focus?: number;
}) {
  const { query, update } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const card = useRef<HTMLDivElement>(null);
  // On a phone the filters fold away behind a button; the chips of the
  // filters in force stay.
  const narrow = useMediaQuery('(max-width: 600px)');
  const [showFilters, setShowFilters] = useState(false);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!props.focus) return undefined;
    setPage(0);
    card.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    setFocused(true);
    const t = setTimeout(() => setFocused(false), 1500);
    return () => clearTimeout(t);
  }, [props.focus]);
  const results = useAsync(
    () =>
      api.listResults({ ...query, offset: page * pageSize, limit: pageSize }),
    [api, JSON.stringify(query), page, pageSize],
  );
  const [download, exportCsv] = useAsyncFn(async () => {
    const blob = await api.exportCsv(query);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `readiness-${query.scorecard ?? 'results'}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }, [api, JSON.stringify(query)]);
  const set = (changes: Partial<ResultsQuery>) => {
    setPage(0);
    update(changes);
  };
  const sort = query.sort ?? 'score';
  const sortKey = sort.replace(/^-/, '');
  const checkTitle = (id: string) =>
    props.scorecard?.checks?.find(c => c.id === id)?.title ?? id;
  const filtered = activeFilters(query, props.scorecard).length > 0;
  const items = results.value?.items ?? [];

  return (
    <div
      ref={card}
      id="readiness-results"
      data-testid="readiness-results"
      className={`${classes.card} ${focused ? classes.focused : ''}`}
    >
      <InfoCard
        title="All results"
        action={
          <Button
            startIcon={<GetApp />}
            onClick={() => exportCsv()}
            disabled={download.loading}
            style={{ marginTop: 8 }}
          >
            {download.loading ? 'Exporting…' : 'Export CSV'}
          </Button>
        }
      >
        {narrow && (
          <Button
            size="small"
            color="primary"
            variant="outlined"
            startIcon={<FilterList />}
            onClick={() => setShowFilters(!showFilters)}
            aria-expanded={showFilters}
            style={{ marginBottom: 12 }}
          >
            {showFilters ? 'Hide filters' : 'Filters'}
          </Button>
        )}
        <div
          className={classes.filters}
          style={narrow && !showFilters ? { display: 'none' } : undefined}
        >
          <TextField
            select
            label="Status"
            size="small"
            variant="outlined"
            className={classes.select}
            value={query.status ?? []}
            SelectProps={{ multiple: true }}
            onChange={e => set({ status: e.target.value as any })}
            inputProps={{ 'aria-label': 'Status' }}
          >
            <MenuItem value="blocked">Blocked</MenuItem>
            <MenuItem value="needs-work">Needs work</MenuItem>
            <MenuItem value="ready">Ready</MenuItem>
          </TextField>
          {ENTITY_FILTERS.map(([key, label, kind]) => (
            <EntityFilterPicker
              key={key}
              label={label}
              kind={kind}
              value={query[key]?.[0]}
              onChange={v => set({ [key]: v ? [v] : undefined })}
            />
          ))}
          {TEXT_FILTERS.map(([key, label]) => (
            <FilterText
              key={key}
              label={label}
              value={query[key]?.[0]}
              onChange={v => set({ [key]: v ? [v] : undefined })}
            />
          ))}
          {(
            [
              ['area', 'Failing area', props.scorecard?.areas ?? []],
              ['check', 'Failing check', props.scorecard?.checks ?? []],
            ] as const
          ).map(([key, label, choices]) => (
            <TextField
              key={key}
              select
              label={label}
              size="small"
              variant="outlined"
              className={classes.select}
              value={query[key] ?? ''}
              onChange={e => set({ [key]: e.target.value || undefined })}
              SelectProps={{
                MenuProps: { PaperProps: { style: { maxHeight: 400 } } },
              }}
            >
              <MenuItem value="">Any</MenuItem>
              {/* A value from the URL the scorecard does not know: kept, shown as is. */}
              {query[key] && !choices.some(c => c.id === query[key]) && (
                <MenuItem value={query[key]}>{query[key]}</MenuItem>
              )}
              {choices.map(c => (
                <MenuItem key={c.id} value={c.id}>
                  {c.title}
                </MenuItem>
              ))}
            </TextField>
          ))}
          <FilterText
            label="Search"
            value={query.q}
            onChange={v => set({ q: v || undefined })}
          />
        </div>
        <ActiveFilters
          query={query}
          scorecard={props.scorecard}
          onRemove={key => set({ [key]: undefined })}
          onClear={() => set(NO_FILTERS)}
        />
        {results.value && (
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {results.value.totalItems}{' '}
            {results.value.totalItems === 1
              ? 'entity matches'
              : 'entities match'}
          </Typography>
        )}
        {results.error && <ResponseErrorPanel error={results.error} />}
        {results.loading && <LinearProgress />}
        {results.value && items.length === 0 ? (
          <div className={classes.empty}>
            <Typography variant="h6" gutterBottom>
              {filtered
                ? 'No entity matches these filters'
                : 'Nothing has been scored by this scorecard yet'}
            </Typography>
            <Typography variant="body2" color="textSecondary" paragraph>
              {filtered
                ? 'Remove a filter above, or clear them all to see every result.'
                : 'Results appear after the next evaluation of the entities this scorecard applies to.'}
            </Typography>
            {filtered && (
              <ClearFiltersButton
                variant="outlined"
                onClick={() => set(NO_FILTERS)}
              />
            )}
          </div>
        ) : (
          <div className={classes.wrap}>
            <Table size="small" aria-label="Readiness results">
              <TableHead>
                <TableRow>
                  {['name', 'status', 'score'].map(key => (
                    <TableCell key={key} className={classes.nowrap}>
                      <TableSortLabel
                        active={sortKey === key}
                        direction={sort.startsWith('-') ? 'desc' : 'asc'}
                        onClick={() =>
                          set({
                            sort: (sortKey === key && !sort.startsWith('-')
                              ? `-${key}`
                              : key) as ResultSort,
                          })
                        }
                      >
                        {SORTABLE[key]}
                      </TableSortLabel>
                    </TableCell>
                  ))}
                  {['Open checks', 'Owner', 'System', 'Domain', 'Level'].map(
                    h => (
                      <TableCell key={h} className={classes.nowrap}>
                        {h}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map(r => (
                  <TableRow key={`${r.entityRef}|${r.scorecard}`} hover>
                    <TableCell className={classes.name}>
                      <ReadinessTabLink entityRef={r.entityRef}>
                        {r.title ?? r.name}
                      </ReadinessTabLink>
                    </TableCell>
                    <TableCell className={classes.nowrap}>
                      <StatusChip status={r.status} />
                    </TableCell>
                    <TableCell className={classes.nowrap}>{r.score}</TableCell>

                    <TableCell className={classes.gaps}>
                      {r.failingChecks.length === 0
                        ? '–'
                        : r.failingChecks.slice(0, 2).map((c, i) => (
                            <span key={c}>
                              {i > 0 && ' · '}
                              <MuiLink
                                component="button"
                                variant="body2"
                                style={{ textAlign: 'left' }}
                                onClick={() => set({ check: c })}
                                title={`Show every entity failing “${checkTitle(
                                  c,
                                )}”`}
                              >
                                {checkTitle(c)}
                              </MuiLink>
                            </span>
                          ))}
                      {r.failingChecks.length > 2 &&
                        ` · ${r.failingChecks.length - 2} more`}
                    </TableCell>
                    {[r.owner, r.system, r.domain].map((ref, i) => (
                      <TableCell key={i} className={classes.nowrap}>
                        {ref ? (
                          <EntityRefLink
                            entityRef={ref}
                            defaultKind={i === 0 ? 'group' : undefined}
                          />
                        ) : (
                          '–'
                        )}
                      </TableCell>
                    ))}
                    <TableCell className={classes.nowrap}>
                      {props.scorecard?.levels.find(l => l.id === r.level)
                        ?.title ??
                        r.level ??
                        '–'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <TablePagination
          component="div"
          count={results.value?.totalItems ?? 0}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_, p) => setPage(p)}
          onRowsPerPageChange={e => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
        />
      </InfoCard>
    </div>
  );
}
