import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  GO_LIVE_PHASES,
  GoLiveResponse,
} from '@readiness/backstage-plugin-readiness-common';
import { useEffect, useRef, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import { FirstWeekSection } from './FirstWeekSection';
import { PhaseChecklists } from './PhaseChecklists';
import { SignoffSection } from './SignoffSection';
import { readableColor } from '../readableColor';

const useStyles = makeStyles(theme => ({
  phases: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(0, 0, 1.5),
  },
  step: {
    padding: theme.spacing(0.25, 1),
    borderRadius: 12,
    fontSize: theme.typography.caption.fontSize,
    border: `1px solid ${theme.palette.divider}`,
  },
  done: {
    color: theme.palette.text.secondary,
  },
  current: {
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.primary.contrastText,
    backgroundColor: theme.palette.primary.main,
    borderColor: theme.palette.primary.main,
  },
  next: {
    color: theme.palette.text.secondary,
    borderStyle: 'dashed',
  },
  missed: {
    color: readableColor(theme, theme.palette.error.main),
    borderColor: readableColor(theme, theme.palette.error.main),
  },
}));

const DECISION_SEVERITY = {
  'not-ready': 'error',
  pilot: 'warning',
  'awaiting-sign-off': 'info',
  launch: 'success',
} as const;

/**
 * Whether a past step was done: the checklist only when every area it needs
 * is complete (the decision got past pilot), sign-off only when every role
 * signed, launch only with a launch decision, the first week only with every
 * day checked and none not ok. Preparing passes with the date.
 */
function stepDone(phase: string, data: GoLiveResponse): boolean {
  const d = data.decision.decision;
  // A phase's own checklist (goLive.phases), where the scorecard has one.
  const items = data.checklists
    .filter(c => c.phase === phase)
    .every(c => c.complete);
  if (phase === 'checklist')
    return (d === 'awaiting-sign-off' || d === 'launch') && items;
  if (phase === 'sign-off') return data.signoff.complete && items;
  if (phase === 'launch') return d === 'launch' && items;
  if (phase === 'first-week')
    return (
      items &&
      data.firstWeek.every(
        day =>
          (day.state === 'done' || day.state === 'late') &&
          !Object.values(day.check?.items ?? {}).some(i => !i.ok),
      )
    );
  return true;
}

/** The phases a service passes, as steps (unscheduled is not one). */
const STEPS = GO_LIVE_PHASES.filter(p => p.phase !== 'unscheduled');
const STEP_LABELS: Record<string, string> = {
  preparing: 'Preparing',
  checklist: 'T-7 checklist',
  'sign-off': 'T-1 sign-off',
  launch: 'T-0 launch',
  'first-week': 'First week',
  'weekly-review': 'Weeks 2–4',
  closed: 'Closed',
};

/**
 * The Go-live card of the Readiness tab: where the service is (T-7, T-1,
 * T-0, the first week, weeks 2–4), who signed off, the first week's daily
 * checks, risky actions and closure review, and the go-live note to download.
 * `version` changes when the tab reloads (an ownership edit may set the date).
 *
 * @public
 */
export function GoLiveCard(props: {
  entityRef: string;
  version?: unknown;
  /** Called after a write, so the tab can reload what depends on it. */
  onChanged?: () => void;
}) {
  const { entityRef, version } = props;
  const api = useApi(readinessApiRef);
  const classes = useStyles();
  const state = useAsyncRetry(() => api.getGoLive(entityRef), [api, entityRef]);
  const [data, setData] = useState<GoLiveResponse>();
  useEffect(() => {
    if (state.value) setData(state.value);
  }, [state.value]);
  // Reload when the tab reloads (not on the first render: that loads anyway).
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    state.retry();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const [download, downloadReport] = useAsyncFn(async () => {
    const { fileName, markdown } = await api.getReport(entityRef);
    const url = URL.createObjectURL(
      new Blob([markdown], { type: 'text/markdown' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  }, [api, entityRef]);

  if (!data && state.loading) return <Progress />;
  if (!data && state.error) return <ResponseErrorPanel error={state.error} />;
  if (!data) return null;

  const updated = (next: GoLiveResponse) => {
    setData(next);
    props.onChanged?.();
  };
  const active = STEPS.findIndex(p => p.phase === data.phase.phase);
  const scheduled = data.phase.phase !== 'unscheduled';
  const inFirstWeeks = ['launch', 'first-week', 'weekly-review', 'closed'];

  return (
    <InfoCard
      title="Go-live"
      subheader={
        scheduled
          ? `Goes live ${data.goLiveDate} · ${data.phase.label}: ${data.phase.title}`
          : 'No go-live date: set one with Edit on the Ownership panel'
      }
      action={
        <Button
          size="small"
          variant="outlined"
          onClick={() => downloadReport()}
          disabled={download.loading}
          style={{ marginTop: 8 }}
        >
          {download.loading ? 'Preparing…' : 'Download report'}
        </Button>
      }
    >
      {download.error && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          Could not download the report: {download.error.message}
        </Alert>
      )}
      {data.invalidGoLiveDate && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          The go-live date "{data.invalidGoLiveDate}" is not a date
          (YYYY-MM-DD).
        </Alert>
      )}
      {scheduled && (
        <ol className={classes.phases} aria-label="Go-live phases">
          {STEPS.map((p, i) => {
            let step: 'done' | 'missed' | 'current' | 'next' = 'next';
            if (i < active) step = stepDone(p.phase, data) ? 'done' : 'missed';
            else if (i === active) step = 'current';
            return (
              <li
                key={p.phase}
                className={`${classes.step} ${classes[step]}`}
                aria-current={step === 'current' ? 'step' : undefined}
              >
                {step === 'done' ? '✓ ' : ''}
                {step === 'missed' ? '✗ ' : ''}
                {STEP_LABELS[p.phase]}
                {step === 'missed' ? ' (not done)' : ''}
              </li>
            );
          })}
        </ol>
      )}
      {scheduled &&
        (data.phase.day ?? -1) >= 0 &&
        data.decision.decision !== 'launch' && (
          <Alert
            severity="error"
            style={{ marginBottom: 8 }}
            data-testid="date-passed"
          >
            {data.phase.day === 0
              ? 'The go-live is today'
              : `The go-live date ${data.goLiveDate} has passed`}
            , but this is not a production launch: {data.decision.short}.
          </Alert>
        )}
      <Alert
        severity={DECISION_SEVERITY[data.decision.decision]}
        style={{ marginBottom: 8 }}
        data-testid="go-live-decision"
      >
        {data.decision.text}
      </Alert>
      {scheduled && data.missedDailyChecks > 0 && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          {data.missedDailyChecks === 1
            ? '1 daily check of the first week was missed.'
            : `${data.missedDailyChecks} daily checks of the first week were missed.`}
        </Alert>
      )}
      {scheduled && data.lateDailyChecks > 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {data.lateDailyChecks === 1
            ? '1 daily check was recorded a day or more late.'
            : `${data.lateDailyChecks} daily checks were recorded late.`}
        </Typography>
      )}
      <SignoffSection entityRef={entityRef} data={data} onChanged={updated} />
      {scheduled && (
        <PhaseChecklists
          entityRef={entityRef}
          data={data}
          onChanged={updated}
        />
      )}
      {scheduled && inFirstWeeks.includes(data.phase.phase) && (
        <FirstWeekSection
          entityRef={entityRef}
          data={data}
          onChanged={updated}
        />
      )}
      {!scheduled && (
        <Typography variant="body2" color="textSecondary">
          With a go-live date (readiness/go-live-date, or Edit on the Ownership
          panel) this card follows the service through T-7, T-1, launch day and
          its first weeks.
        </Typography>
      )}
    </InfoCard>
  );
}
