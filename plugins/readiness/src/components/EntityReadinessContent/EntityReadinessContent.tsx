import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  isFailing,
  readinessEvaluatePermission,
  type CheckResult,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import { CheckRow } from './CheckList';
import { GoLiveCard } from '../GoLiveCard';
import { EntityInitiatives } from '../Initiatives';
import { OwnershipPanel } from '../OwnershipPanel';
import { ReadinessHeader } from './ReadinessHeader';
import { TrendChart } from './TrendChart';
import { useManualEvidence } from './useManualEvidence';
import { useStableOrder } from './useStableOrder';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';

const useStyles = makeStyles(theme => ({
  // Header, then Ownership and Go-live, then the checks (then exemptions and
  // the trend): in that order on a phone and for the keyboard; on a wide
  // screen the side column stands right of the header and the checks.
  layout: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'minmax(0, 1fr)',
    [theme.breakpoints.up('md')]: {
      gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
      gridTemplateRows: 'auto 1fr',
      gridTemplateAreas: '"header side" "checks side"',
      alignItems: 'start',
    },
  },
  header: { [theme.breakpoints.up('md')]: { gridArea: 'header' } },
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
    [theme.breakpoints.up('md')]: { gridArea: 'side' },
  },
  checks: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
    [theme.breakpoints.up('md')]: { gridArea: 'checks' },
  },
}));

const SEVERITY_RANK = { critical: 0, required: 1, recommended: 2 } as const;
const isOpen = (c: CheckResult) => isFailing(c);

/** Open checks first (critical before required before recommended), then the rest. */
export function sortChecks(checks: CheckResult[]): CheckResult[] {
  return checks.slice().sort((a, b) => {
    const open = Number(isOpen(b)) - Number(isOpen(a));
    return (
      open ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.title.localeCompare(b.title)
    );
  });
}

/**
 * The Readiness tab of an entity: status and verdict, score, level, every
 * check by area with what to do, the ownership panel and the trend.
 *
 * @public
 */
export function EntityReadinessContent() {
  const { entity } = useEntity();
  const api = useApi(readinessApiRef);
  const entityRef = stringifyEntityRef(entity);
  const readiness = useAsyncRetry(
    () => api.getEntity(entityRef),
    [api, entityRef],
  );
  const scorecards = useAsync(() => api.getScorecards(), [api]);
  const history = useAsync(
    () => api.getHistory(entityRef, 30),
    [api, entityRef, readiness.value],
  );
  const classes = useStyles();
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'), {
    noSsr: true,
  });
  const keepOrder = useStableOrder();
  const [selected, setSelected] = useState(0);
  const [failingOnly, setFailingOnly] = useState(false);
  const [severity, setSeverity] = useState<'all' | CheckResult['severity']>(
    'all',
  );
  const manual = useManualEvidence(entityRef, readiness.retry);
  // Offer Re-evaluate only to those allowed (the same check the backend makes).
  const mayEvaluate = usePermission({
    permission: readinessEvaluatePermission,
    resourceRef: entityRef,
  });
  const [evaluation, evaluate] = useAsyncFn(async () => {
    await api.evaluate(entityRef);
    readiness.retry();
  }, [api, entityRef, readiness.retry]);

  if (readiness.loading && !readiness.value) return <Progress />;
  if (readiness.error) return <ResponseErrorPanel error={readiness.error} />;
  const data = readiness.value!;
  if (data.results.length === 0) {
    const applicable = data.applicableScorecards ?? [];
    const titleOf = (name: string) =>
      scorecards.value?.find(s => s.name === name)?.title ?? name;
    const none = applicable.length === 0;
    return (
      <Grid container spacing={3} data-readiness="tab">
        <Grid item xs={12} md={8}>
          <EmptyState
            missing={none ? 'info' : 'data'}
            title={
              none
                ? `No scorecard applies to this ${entity.kind.toLocaleLowerCase(
                    'en-US',
                  )}`
                : 'Not evaluated yet'
            }
            description={
              none
                ? `The scorecards (${
                    (scorecards.value ?? []).map(s => s.title).join(', ') ||
                    'none configured'
                  }) do not apply to it: see their appliesTo in readiness.scorecards (app-config). A service that is not in production yet is scored once it has a go-live date, if the scorecard says so; the owners can be set here meanwhile.`
                : `${applicable
                    .map(titleOf)
                    .join(
                      ', ',
                    )} applies to it, but it has no results yet: evaluation runs on a schedule${
                    mayEvaluate.allowed ? ', or press Re-evaluate' : ''
                  }.`
            }
            action={
              !none && mayEvaluate.allowed ? (
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => evaluate()}
                  disabled={evaluation.loading}
                >
                  {evaluation.loading ? 'Evaluating…' : 'Re-evaluate'}
                </Button>
              ) : undefined
            }
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <OwnershipPanel entityRef={entityRef} onChanged={readiness.retry} />
        </Grid>
      </Grid>
    );
  }
  const result = data.results[Math.min(selected, data.results.length - 1)];
  const title =
    scorecards.value?.find(s => s.name === result.scorecard)?.title ??
    result.scorecard;
  const visible = (c: CheckResult) =>
    (!failingOnly || isOpen(c)) &&
    (severity === 'all' || c.severity === severity);

  const checkTitle = (id: string) =>
    result.checks.find(c => c.checkId === id)?.title ?? id;
  // Exemptions and the trend: beside the checks on a wide screen, after them
  // on a phone (rendered once, where they show, so the reading and Tab order
  // is the order on screen).
  const aside = (
    <>
      <EntityInitiatives entityRef={entityRef} />
      {manual.elements(checkTitle)}
      <TrendChart
        history={history.value}
        scorecard={result.scorecard}
        checkTitle={checkTitle}
      />
    </>
  );

  return (
    <Grid container spacing={3} data-readiness="tab">
      {data.results.length > 1 && (
        <Grid item xs={12}>
          <Tabs
            value={selected}
            onChange={(_, v) => setSelected(v)}
            indicatorColor="primary"
          >
            {data.results.map(r => (
              <Tab
                key={r.scorecard}
                label={
                  scorecards.value?.find(s => s.name === r.scorecard)?.title ??
                  r.scorecard
                }
              />
            ))}
          </Tabs>
        </Grid>
      )}
      <Grid item xs={12}>
        <div className={classes.layout}>
          <div className={classes.header}>
            <ReadinessHeader
              result={result}
              scorecardTitle={title}
              onEvaluate={() => evaluate()}
              canEvaluate={mayEvaluate.allowed}
              evaluating={evaluation.loading}
              evaluateError={evaluation.error}
            />
          </div>
          <div className={classes.side}>
            <OwnershipPanel entityRef={entityRef} onChanged={readiness.retry} />
            {entity.kind.toLocaleLowerCase('en-US') === 'component' && (
              <GoLiveCard entityRef={entityRef} version={readiness.value} />
            )}
            {wide && aside}
          </div>
          <div className={classes.checks}>
            <div
              style={{
                display: 'flex',
                gap: 24,
                alignItems: 'center',
                flexWrap: 'wrap',
              }}
            >
              <FormControlLabel
                control={
                  <Switch
                    checked={failingOnly}
                    onChange={e => setFailingOnly(e.target.checked)}
                    color="primary"
                  />
                }
                label="Show only open checks"
              />
              <Select
                value={severity}
                onChange={e => setSeverity(e.target.value as any)}
                aria-label="Severity"
              >
                <MenuItem value="all">All severities</MenuItem>
                <MenuItem value="critical">Critical</MenuItem>
                <MenuItem value="required">Required</MenuItem>
                <MenuItem value="recommended">Recommended</MenuItem>
              </Select>
            </div>
            {keepOrder(
              `${result.scorecard}:areas`,
              result.areas.slice().sort((a, b) => a.score - b.score),
              a => a.id,
            ).map(area => {
              const checks = keepOrder(
                `${result.scorecard}:${area.id}`,
                sortChecks(result.checks.filter(c => c.area === area.id)),
                c => c.checkId,
              ).filter(visible);
              if (checks.length === 0) return null;
              return (
                <InfoCard
                  key={area.id}
                  title={area.title}
                  subheader={`${area.passed} of ${area.total} pass · score ${area.score}`}
                >
                  {checks.map(c => (
                    <CheckRow
                      key={c.checkId}
                      check={c}
                      actions={manual.actionsFor(c)}
                    />
                  ))}
                </InfoCard>
              );
            })}
            {result.checks.filter(visible).length === 0 && (
              <Typography color="textSecondary">
                Nothing matches these filters.
              </Typography>
            )}
            {!wide && aside}
          </div>
        </div>
      </Grid>
    </Grid>
  );
}
