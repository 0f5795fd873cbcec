import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { InitiativeDetail } from '@readiness/backstage-plugin-readiness-common';
import { Line, LineChart, ReferenceLine, ResponsiveContainer } from 'recharts';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { dayAxes } from '../dayAxes';
import { ReadinessTabLink } from '../ReadinessTabLink';
import { StandingDialog } from './StandingDialog';

const short = (ref?: string) =>
  ref ? ref.replace(/^[a-z]+:default\//, '') : 'no owner';

/**
 * One initiative open: the burn-up (entities meeting the goal per day,
 * against how many are in scope; of all, or of one team), progress per team, and every entity still
 * open with what it misses and how to fix it; Download summary, and
 * Make it standing (the goal's checks enforced in the scorecard, as YAML).
 */
export function InitiativeDetailPanel(props: {
  detail?: InitiativeDetail;
  loading: boolean;
  error?: Error;
}) {
  const theme = useTheme();
  const api = useApi(readinessApiRef);
  const { detail } = props;
  const [standing, setStanding] = useState(false);
  const [download, downloadSummary] = useAsyncFn(async () => {
    const { fileName, markdown } = await api.getInitiativeSummary(detail!.id);
    const url = URL.createObjectURL(
      new Blob([markdown], { type: 'text/markdown' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  }, [api, detail?.id]);
  const [team, setTeam] = useState('');
  if (props.loading && !detail) return <Progress />;
  if (props.error) return <ResponseErrorPanel error={props.error} />;
  if (!detail) return null;
  const teams = detail.burnupByOwner ?? [];
  const series = teams.find(t => t.owner === team)?.burnup ?? detail.burnup;
  const now = series[series.length - 1] ?? {
    met: detail.progress.met,
    total: detail.progress.total,
  };
  const target = team ? now.total : detail.progress.total;
  return (
    <Box data-testid={`initiative-${detail.id}`} style={{ padding: 8 }}>
      {detail.description && (
        <Typography variant="body2" paragraph>
          {detail.description}
        </Typography>
      )}
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <Typography variant="subtitle2">
          Burn-up: entities meeting the goal per day
        </Typography>
        {teams.length > 1 && (
          <TextField
            id={`burnup-team-${detail.id}`}
            select
            size="small"
            label="Team"
            value={team}
            onChange={e => setTeam(e.target.value)}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
          >
            <option value="">All teams</option>
            {teams.map(t => (
              <option key={t.owner} value={t.owner}>
                {short(t.owner)}
              </option>
            ))}
          </TextField>
        )}
      </Box>
      <Box
        height={200}
        role="img"
        aria-label={`Burn-up of ${detail.title}${
          team ? ` for ${short(team)}` : ''
        }: ${
          team ? now.met : detail.progress.met
        } of ${target} meet the goal today`}
      >
        <ResponsiveContainer>
          <LineChart data={series} margin={{ left: 0, right: 16 }}>
            {dayAxes(theme, {
              allowDecimals: false,
              width: 32,
              // Up to the target, so the line shows how far is left.
              domain: [0, Math.max(1, target)],
            })}
            <ReferenceLine
              y={target}
              stroke={theme.palette.text.secondary}
              strokeDasharray="4 4"
              label={{
                value: 'target',
                position: 'insideTopLeft',
                fill: theme.palette.text.secondary,
                fontSize: 11,
              }}
            />
            <Line
              type="stepAfter"
              dataKey="met"
              name="meeting the goal"
              stroke={theme.palette.primary.main}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      {detail.byOwner.length > 1 && (
        <Typography variant="body2" style={{ margin: '8px 0' }}>
          By team:{' '}
          {detail.byOwner
            .map(o => `${short(o.owner)} ${o.met}/${o.total}`)
            .join(' · ')}
        </Typography>
      )}
      <Typography variant="subtitle2" style={{ marginTop: 8 }}>
        Still open ({detail.open.length})
      </Typography>
      {detail.open.length === 0 ? (
        <Typography variant="body2">
          Nothing: every entity in scope meets the goal.
        </Typography>
      ) : (
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {detail.open.map(o => (
            <li key={o.entityRef}>
              <Typography variant="body2">
                <ReadinessTabLink entityRef={o.entityRef}>
                  {o.title ?? short(o.entityRef)}
                </ReadinessTabLink>{' '}
                ({short(o.owner)}):{' '}
                {o.missing.map(m => m.title).join('; ') || 'below the level'}
                {o.missing[0]?.remediation && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                    display="block"
                  >
                    {o.missing[0].remediation}
                  </Typography>
                )}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      <Button
        size="small"
        variant="outlined"
        disabled={download.loading}
        onClick={downloadSummary}
      >
        Download summary
      </Button>{' '}
      {detail.state !== 'draft' && (
        <Button
          size="small"
          variant="outlined"
          onClick={() => setStanding(true)}
        >
          Make it standing
        </Button>
      )}
      {standing && (
        <StandingDialog
          initiativeId={detail.id}
          title={detail.title}
          onClose={() => setStanding(false)}
        />
      )}
      {download.error && (
        <Typography variant="caption" color="error" component="p">
          {download.error.message}
        </Typography>
      )}
    </Box>
  );
}
