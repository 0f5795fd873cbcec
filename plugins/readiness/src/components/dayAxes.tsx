import type { Theme } from '@material-ui/core/styles';
import { CartesianGrid, Tooltip, XAxis, YAxis, YAxisProps } from 'recharts';

/**
 * The grid, the day axis, a value axis and the tooltip that every chart of
 * days shares (the entity's trend, the org history), in the theme's colours.
 * An array, so that recharts finds them among the chart's children.
 */
export function dayAxes(theme: Theme, yAxis: YAxisProps) {
  const tick = { fill: theme.palette.text.secondary, fontSize: 11 };
  return [
    <CartesianGrid
      key="grid"
      stroke={theme.palette.divider}
      strokeDasharray="3 3"
    />,
    <XAxis key="x" dataKey="day" tick={tick} />,
    <YAxis key="y" tick={tick} {...yAxis} />,
    <Tooltip key="tooltip" />,
  ];
}
