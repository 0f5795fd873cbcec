import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  EmptyState,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { AreaHeatmap } from './AreaHeatmap';
import { GoLivesCard } from './GoLivesCard';
import { GroupChart } from './GroupChart';
import { ResultsTable } from './ResultsTable';
import { SummaryTiles } from './SummaryTiles';
import { TopChecks } from './TopChecks';
import { useResultsQuery } from './useResultsQuery';

/** The body of the org-wide page, without the page header (for use inside other pages). */
export function ReadinessOverview() {
  const api = useApi(readinessApiRef);
  const { query, groupBy, update } = useResultsQuery();
  const scorecards = useAsync(() => api.getScorecards(), [api]);
  const scorecardName = query.scorecard ?? scorecards.value?.[0]?.name;
  const scorecard = scorecards.value?.find(s => s.name === scorecardName);
  const summary = useAsync(
    async () =>
      scorecardName ? api.getSummary(groupBy, scorecardName) : undefined,
    [api, groupBy, scorecardName],
  );
  const checks = useAsync(
    async () => (scorecardName ? api.listCheckFailures(scorecardName) : []),
    [api, scorecardName],
  );

  if (scorecards.loading) return <Progress />;
  if (scorecards.error) return <ResponseErrorPanel error={scorecards.error} />;
  if (!scorecardName) {
    return (
      <EmptyState
        missing="data"
        title="No scorecards configured"
        description="Add scorecard files under readiness.scorecards in app-config.yaml; see the Readiness README."
      />
    );
  }
  return (
    <>
      <ContentHeader
        title={scorecard?.title ?? scorecardName}
        description={scorecard?.description}
      >
        <TextField
          select
          label="Scorecard"
          size="small"
          variant="outlined"
          value={scorecardName}
          onChange={e => update({ scorecard: e.target.value })}
          style={{ minWidth: 200, marginRight: 12 }}
        >
          {(scorecards.value ?? []).map(s => (
            <MenuItem key={s.name} value={s.name}>
              {s.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Group by"
          size="small"
          variant="outlined"
          value={groupBy}
          onChange={e => update({ groupBy: e.target.value })}
          style={{ minWidth: 140 }}
        >
          {['owner', 'system', 'domain', 'lifecycle', 'type'].map(g => (
            <MenuItem key={g} value={g}>
              {g}
            </MenuItem>
          ))}
        </TextField>
      </ContentHeader>
      {summary.error && <ResponseErrorPanel error={summary.error} />}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {summary.value ? (
            <SummaryTiles overall={summary.value.overall} />
          ) : (
            <Progress />
          )}
        </Grid>
        <Grid item xs={12} md={7}>
          {summary.value && (
            <GroupChart groups={summary.value.groups} groupBy={groupBy} />
          )}
        </Grid>
        <Grid item xs={12} md={5}>
          <TopChecks
            checks={checks.value}
            loading={checks.loading}
            error={checks.error}
            scorecard={scorecardName}
          />
        </Grid>
        <Grid item xs={12}>
          <GoLivesCard />
        </Grid>
        <Grid item xs={12}>
          {summary.value && (
            <AreaHeatmap groups={summary.value.groups} scorecard={scorecard} />
          )}
        </Grid>
        <Grid item xs={12}>
          <ResultsTable
            query={{ ...query, scorecard: scorecardName }}
            update={update}
            scorecard={scorecard}
          />
        </Grid>
      </Grid>
    </>
  );
}

/**
 * The org-wide Readiness page: status of every entity, where the gaps are,
 * and who owns them.
 *
 * @public
 */
export function ReadinessPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Readiness"
        subtitle="May it go live, and if not, what is missing and who owns it?"
      />
      <Content>
        <ReadinessOverview />
      </Content>
    </Page>
  );
}
