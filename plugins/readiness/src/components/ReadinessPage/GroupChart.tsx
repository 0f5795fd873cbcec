import { InfoCard } from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
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

const short = (ref: string) => ref.replace(/^[a-z]+:default\//, '');

/** Status distribution per group (owner, system or domain), stacked. */
export function GroupChart(props: { groups: SummaryGroup[]; groupBy: string }) {
  const theme = useTheme();
  const data = props.groups
    .slice(0, 12)
    .map(g => ({ name: short(g.key), ...g.counts }));
  return (
    <InfoCard title={`Status by ${props.groupBy}`}>
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ left: 24, right: 16 }}
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
              width={120}
              tick={{ fill: theme.palette.text.secondary, fontSize: 11 }}
            />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="blocked"
              name="Blocked"
              stackId="s"
              isAnimationActive={false}
              fill={theme.palette.error.main}
            />
            <Bar
              dataKey="needs-work"
              name="Needs work"
              stackId="s"
              isAnimationActive={false}
              fill={theme.palette.warning.main}
            />
            <Bar
              dataKey="ready"
              name="Ready"
              stackId="s"
              isAnimationActive={false}
              fill={theme.palette.success.main}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </InfoCard>
  );
}
