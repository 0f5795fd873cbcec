import { InfoCard, Link, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
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
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef, ResultsQuery, ScorecardSummary } from '../../api';
import type { ResultSort } from '@readiness/backstage-plugin-readiness-common';
import { StatusChip } from '../StatusChip';
import { FilterText } from './FilterText';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
    alignItems: 'center',
  },
  select: { minWidth: 160 },
  wrap: { overflowX: 'auto' },
  gaps: {
    maxWidth: 360,
    overflowWrap: 'anywhere',
    color: theme.palette.text.secondary,
  },
}));

const SORTABLE: Record<string, string> = {
  name: 'Entity',
  status: 'Status',
  score: 'Score',
  changed: 'Changed',
};

/** All results, filtered, sorted and paged on the server; the filters live in the URL. */
export function ResultsTable(props: {
  query: ResultsQuery;
  update: (changes: Partial<ResultsQuery>) => void;
  scorecard?: ScorecardSummary;
}) {
  const { query, update } = props;
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
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

  return (
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
      <div className={classes.filters}>
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
        <FilterText
          label="Owner"
          placeholder="group:default/payments"
          value={query.owner?.[0]}
          onChange={v => set({ owner: v ? [v] : undefined })}
        />
        <FilterText
          label="System"
          placeholder="system:default/checkout"
          value={query.system?.[0]}
          onChange={v => set({ system: v ? [v] : undefined })}
        />
        <FilterText
          label="Domain"
          value={query.domain?.[0]}
          onChange={v => set({ domain: v ? [v] : undefined })}
        />
        <FilterText
          label="Lifecycle"
          value={query.lifecycle?.[0]}
          onChange={v => set({ lifecycle: v ? [v] : undefined })}
        />
        <FilterText
          label="Type"
          value={query.type?.[0]}
          onChange={v => set({ type: v ? [v] : undefined })}
        />
        <TextField
          select
          label="Failing area"
          size="small"
          variant="outlined"
          className={classes.select}
          value={query.area ?? ''}
          onChange={e => set({ area: e.target.value || undefined })}
        >
          <MenuItem value="">Any</MenuItem>
          {(props.scorecard?.areas ?? []).map(a => (
            <MenuItem key={a.id} value={a.id}>
              {a.title}
            </MenuItem>
          ))}
        </TextField>
        <FilterText
          label="Failing check"
          value={query.check}
          onChange={v => set({ check: v || undefined })}
        />
        <FilterText
          label="Search"
          value={query.q}
          onChange={v => set({ q: v || undefined })}
        />
      </div>
      {results.value && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {results.value.totalItems}{' '}
          {results.value.totalItems === 1 ? 'entity matches' : 'entities match'}
        </Typography>
      )}
      {results.error && <ResponseErrorPanel error={results.error} />}
      {results.loading && <LinearProgress />}
      <div className={classes.wrap}>
        <Table size="small" aria-label="Readiness results">
          <TableHead>
            <TableRow>
              {['name', 'status', 'score'].map(key => (
                <TableCell key={key}>
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
              <TableCell>Level</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>System</TableCell>
              <TableCell>Open checks</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(results.value?.items ?? []).map(r => (
              <TableRow key={`${r.entityRef}|${r.scorecard}`} hover>
                <TableCell>
                  <EntityRefLink
                    entityRef={r.entityRef}
                    title={r.title ?? r.name}
                  />
                </TableCell>
                <TableCell>
                  <StatusChip status={r.status} />
                </TableCell>
                <TableCell>{r.score}</TableCell>
                <TableCell>
                  {props.scorecard?.levels.find(l => l.id === r.level)?.title ??
                    r.level ??
                    '–'}
                </TableCell>
                <TableCell>
                  {r.owner ? (
                    <EntityRefLink entityRef={r.owner} defaultKind="group" />
                  ) : (
                    '–'
                  )}
                </TableCell>
                <TableCell>
                  {r.system ? <EntityRefLink entityRef={r.system} /> : '–'}
                </TableCell>
                <TableCell className={classes.gaps}>
                  {r.failingChecks.slice(0, 4).map((c, i) => (
                    <span key={c}>
                      {i > 0 && ', '}
                      <Link
                        to={`?${new URLSearchParams({
                          ...(query.scorecard
                            ? { scorecard: query.scorecard }
                            : {}),
                          check: c,
                        })}`}
                      >
                        {c}
                      </Link>
                    </span>
                  ))}
                  {r.failingChecks.length > 4 &&
                    ` +${r.failingChecks.length - 4}`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
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
  );
}
