import { InfoCard } from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
import type { ReadinessStatus } from '@readiness/backstage-plugin-readiness-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SummaryGroup } from '../../api';
import { useFirstGroups } from './useFirstGroups';

const FIRST = 12;
const ROW = 26;

/**
 * Status distribution per group (owner, system, domain, lifecycle or type),
 * stacked, with the names people know. The first 12 groups show, with a
 * button for the rest; a bar segment filters the table to that group and
 * status.
 */
export function GroupChart(props: {
  groups: SummaryGroup[];
  groupBy: string;
  titleOf: (key: string) => string;
  onSelect: (groupKey: string, status: ReadinessStatus) => void;
}) {
  const theme = useTheme();
  const { shown, toggle } = useFirstGroups(props.groups, FIRST);
  const data = shown.map(g => ({
    key: g.key,
    name: props.titleOf(g.key),
    ...g.counts,
  }));
  const longest = Math.max(...data.map(d => d.name.length), 4);
  const select = (status: ReadinessStatus) => (d: any) => {
    const key = d?.payload?.key ?? d?.key;
    if (key && key !== '(none)') props.onSelect(key, status);
  };
  const bar = (status: ReadinessStatus, name: string, fill: string) => (
    <Bar
      dataKey={status}
      name={name}
      stackId="s"
      isAnimationActive={false}
      fill={fill}
      cursor="pointer"
      onClick={select(status)}
    />
  );
  return (
    <InfoCard
      title={`Status by ${props.groupBy}`}
      subheader={
        props.groupBy === 'owner'
          ? 'A group also counts its sub-groups’ entities, so the bars add up to more than the total. Pick a bar to list them.'
          : 'Pick a bar to list its entities.'
      }
    >
      <div
        style={{ width: '100%', height: Math.max(200, data.length * ROW + 70) }}
        data-testid="group-chart"
      >
        <ResponsiveContainer>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 16 }}
          >
            <CartesianGrid
              stroke={theme.palette.divider}
              strokeDasharray="3 3"
            />
            <XAxis
              type="number"
              allowDecimals={false}
              tick={{ fill: theme.palette.text.secondary, fontSize: 11 }}
            />
            <YAxis
              type="category"
              dataKey="name"
              interval={0}
              width={Math.min(180, 12 + longest * 6.5)}
              tick={{ fill: theme.palette.text.secondary, fontSize: 11 }}
            />
            <Tooltip cursor={{ fill: theme.palette.action.hover }} />
            <Legend />
            {bar('blocked', 'Blocked', theme.palette.error.main)}
            {bar('needs-work', 'Needs work', theme.palette.warning.main)}
            {bar('ready', 'Ready', theme.palette.success.main)}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {toggle}
    </InfoCard>
  );
}
