import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Area,
  AreaChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
} from 'recharts';
import { dayAxes } from '../dayAxes';
import { revisionLines, revisionMarks, RevisionNotes } from '../revisionMarks';
import { readinessApiRef, ResultsQuery } from '../../api';

/**
 * Whether the organisation is getting better: entities per status each day
 * for the page's scorecard and filters (owner with sub-groups, system,
 * domain, lifecycle, kind, type), over 30 or 90 days, from stored history;
 * with a failing-check filter, that check's pass rate per day too.
 */
export function OrgHistoryChart(props: {
  query: ResultsQuery;
  checkTitle?: (checkId: string) => string;
}) {
  const theme = useTheme();
  const api = useApi(readinessApiRef);
  const [days, setDays] = useState(30);
  const { query } = props;
  const history = useAsync(
    () => api.getOrgHistory({ ...query, days }),
    [api, JSON.stringify(query), days],
  );
  const data = (history.value?.days ?? []).map(d => ({
    day: d.day.slice(5),
    ...d.counts,
    passRate:
      d.check && d.check.total > 0
        ? Math.round(
            (1000 * (d.check.total - d.check.failing)) / d.check.total,
          ) / 10
        : undefined,
  }));
  const check = history.value?.checkId;
  const marks = revisionMarks(history.value?.days ?? [], d => ({
    x: d.day.slice(5),
    day: d.day,
    revisions: d.revisions,
  }));
  return (
    <InfoCard
      title="Status over time"
      subheader="Entities per status each day, for the filters below (as the entities are now)"
      action={
        <TextField
          select
          size="small"
          variant="outlined"
          label="Period"
          value={days}
          onChange={e => setDays(Number(e.target.value))}
          style={{ marginTop: 8, minWidth: 140 }}
        >
          <MenuItem value={30}>Last 30 days</MenuItem>
          <MenuItem value={90}>Last 90 days</MenuItem>
        </TextField>
      }
    >
      {history.error && <ResponseErrorPanel error={history.error} />}
      {history.value && data.length < 2 && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {data.length === 0
            ? 'No history for these filters in this period yet.'
            : `History starts on ${history.value.days[0].day}: the chart fills in day by day.`}
        </Typography>
      )}
      {data.length > 0 && (
        <div style={{ width: '100%', height: 220 }} data-testid="org-history">
          <ResponsiveContainer>
            <AreaChart data={data} margin={{ left: 0, right: 16 }}>
              {dayAxes(theme, { allowDecimals: false, width: 32 })}
              <Legend />
              {(
                [
                  ['blocked', 'Blocked', theme.palette.error.main],
                  ['needs-work', 'Needs work', theme.palette.warning.main],
                  ['ready', 'Ready', theme.palette.success.main],
                ] as const
              ).map(([key, name, color]) => (
                <Area
                  key={key}
                  dataKey={key}
                  name={name}
                  stackId="s"
                  stroke={color}
                  fill={color}
                  fillOpacity={0.5}
                  isAnimationActive={false}
                  dot={data.length === 1}
                />
              ))}
              {revisionLines(theme, marks)}
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
      <RevisionNotes marks={marks} />
      {check && data.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Pass rate of “{props.checkTitle?.(check) ?? check}”
          </Typography>
          {data.every(d => d.passRate === undefined) ? (
            <Typography variant="body2" color="textSecondary">
              Not recorded for these days: check results are kept per day only
              since the Readiness version that added this chart.
            </Typography>
          ) : (
            <div
              style={{ width: '100%', height: 160 }}
              data-testid="check-history"
            >
              <ResponsiveContainer>
                <LineChart data={data} margin={{ left: 0, right: 16 }}>
                  {dayAxes(theme, { domain: [0, 100], unit: '%', width: 40 })}
                  <Line
                    dataKey="passRate"
                    name="Passing"
                    unit="%"
                    stroke={theme.palette.primary.main}
                    isAnimationActive={false}
                    dot={data.length < 40}
                    connectNulls
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          )}
        </>
      )}
    </InfoCard>
  );
}
