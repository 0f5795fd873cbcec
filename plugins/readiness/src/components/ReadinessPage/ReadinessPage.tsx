import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef, ResultsQuery } from '../../api';
import { BulkOwnershipDialog } from '../BulkOwnership';
import { InboxCard } from '../Inbox';
import { InitiativesCard } from '../Initiatives';
import { ScorecardPreviewCard } from '../ScorecardPreview';
import { NO_FILTERS } from './ActiveFilters';
import { AreaHeatmap } from './AreaHeatmap';
import { GoLivesCard } from './GoLivesCard';
import { GroupChart } from './GroupChart';
import { OrgHistoryChart } from './OrgHistoryChart';
import { ResultsTable } from './ResultsTable';
import { SummaryTiles } from './SummaryTiles';
import { TopChecks } from './TopChecks';
import { useEntityTitles, titleOf as titleOfRef } from './useEntityTitles';
import { GROUP_BYS, useResultsQuery } from './useResultsQuery';

const useStyles = makeStyles(theme => ({
  selects: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    justifyContent: 'flex-end',
    // On the page's grey background the theme's secondary text is 4.47:1.
    '& label:not(.Mui-focused)': { color: theme.palette.text.primary },
  },
  select: { minWidth: 180 },
}));

/** The body of the org-wide page, without the page header (for use inside other pages). */
export function ReadinessOverview() {
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const { query, groupBy, update, hrefWith } = useResultsQuery();
  const [focus, setFocus] = useState(0);
  // Bumped after a bulk edit: what the page shows is read again.
  const [saved, setSaved] = useState(0);
  const [bulk, setBulk] = useState(false);
  const scorecards = useAsync(() => api.getScorecards(), [api]);
  const scorecard = query.scorecard
    ? scorecards.value?.find(s => s.name === query.scorecard)
    : scorecards.value?.[0];
  const scorecardName = scorecard?.name;
  const summary = useAsync(
    async () =>
      scorecardName ? api.getSummary(groupBy, scorecardName) : undefined,
    [api, groupBy, scorecardName, saved],
  );
  const checks = useAsync(
    async () => (scorecardName ? api.listCheckFailures(scorecardName) : []),
    [api, scorecardName, saved],
  );
  const titles = useEntityTitles(summary.value?.groups.map(g => g.key) ?? []);
  const titleOf = (key: string) => titleOfRef(titles, key);
  // A chart, heatmap or top check sets filters and brings the table into view.
  const drill = (changes: Partial<ResultsQuery>) => {
    update(changes);
    setFocus(f => f + 1);
  };

  if (scorecards.loading) return <Progress />;
  if (scorecards.error) return <ResponseErrorPanel error={scorecards.error} />;
  const known = scorecards.value ?? [];
  if (known.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No scorecards configured"
        description="Add scorecard files under readiness.scorecards in app-config.yaml; see the Readiness README."
      />
    );
  }
  if (!scorecard) {
    return (
      <Alert severity="error">
        <AlertTitle>There is no scorecard named “{query.scorecard}”</AlertTitle>
        <Typography variant="body2" paragraph>
          The link may be old, or the scorecard was renamed or removed. Known
          scorecards: {known.map(s => `${s.title} (${s.name})`).join(', ')}.
        </Typography>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => update({ ...NO_FILTERS, scorecard: undefined })}
        >
          Show {known[0].title}
        </Button>
      </Alert>
    );
  }
  return (
    <>
      <ContentHeader title={scorecard.title}>
        <div className={classes.selects}>
          <TextField
            select
            label="Scorecard"
            size="small"
            variant="outlined"
            value={scorecard.name}
            onChange={e => update({ scorecard: e.target.value })}
            className={classes.select}
          >
            {known.map(s => (
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
            className={classes.select}
          >
            {GROUP_BYS.map(g => (
              <MenuItem key={g} value={g}>
                {g}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" onClick={() => setBulk(true)}>
            Set owners in bulk
          </Button>
        </div>
      </ContentHeader>
      {bulk && (
        <BulkOwnershipDialog
          // One team in the owner filter: start from it.
          owner={query.owner?.length === 1 ? query.owner[0] : undefined}
          pickOwner
          onClose={() => setBulk(false)}
          onSaved={() => setSaved(n => n + 1)}
        />
      )}
      {!!scorecard.problems?.length && (
        <Alert
          severity="warning"
          style={{ marginBottom: 16 }}
          data-testid="scorecard-problems"
        >
          <AlertTitle>
            This scorecard needs a fix in its configuration
          </AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {scorecard.problems.map(p => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      {scorecard.description && (
        <Typography variant="body2" paragraph>
          {scorecard.description}
        </Typography>
      )}
      {summary.error && <ResponseErrorPanel error={summary.error} />}
      <Grid container spacing={3} key={saved}>
        <Grid item xs={12}>
          <InboxCard />
        </Grid>
        <Grid item xs={12}>
          {summary.value && <SummaryTiles overall={summary.value.overall} />}
          {summary.loading && <Progress />}
        </Grid>
        <Grid item xs={12} md={7}>
          {summary.value && (
            <GroupChart
              groups={summary.value.groups}
              groupBy={groupBy}
              titleOf={titleOf}
              onSelect={(key, status) =>
                drill({ ...NO_FILTERS, [groupBy]: [key], status: [status] })
              }
            />
          )}
        </Grid>
        <Grid item xs={12} md={5}>
          <TopChecks
            checks={checks.value}
            loading={checks.loading}
            error={checks.error}
            hrefFor={checkId => hrefWith({ check: checkId })}
            onSelect={checkId => drill({ check: checkId })}
          />
        </Grid>
        <Grid item xs={12}>
          <OrgHistoryChart
            query={{ ...query, scorecard: scorecard.name }}
            checkTitle={id =>
              scorecard.checks?.find(c => c.id === id)?.title ?? id
            }
          />
        </Grid>
        <Grid item xs={12} id="initiatives">
          <InitiativesCard />
        </Grid>
        <Grid item xs={12}>
          <GoLivesCard />
        </Grid>
        <Grid item xs={12}>
          {summary.value && (
            <AreaHeatmap
              groups={summary.value.groups}
              scorecard={scorecard}
              groupBy={groupBy}
              titleOf={titleOf}
              onSelect={(key, area) =>
                drill({ ...NO_FILTERS, [groupBy]: [key], area })
              }
            />
          )}
        </Grid>
        <Grid item xs={12}>
          <ResultsTable
            query={{ ...query, scorecard: scorecard.name }}
            update={update}
            scorecard={scorecard}
            focus={focus}
          />
        </Grid>
        <Grid item xs={12} id="preview">
          <ScorecardPreviewCard key={scorecard.name} scorecard={scorecard} />
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
        <div data-readiness="page">
          <ReadinessOverview />
        </div>
      </Content>
    </Page>
  );
}
