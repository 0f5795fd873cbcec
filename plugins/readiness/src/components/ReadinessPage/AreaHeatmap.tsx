import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ScorecardSummary, SummaryGroup } from '../../api';

const useStyles = makeStyles(theme => ({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: 13 },
  th: {
    textAlign: 'left',
    padding: theme.spacing(0.5, 1),
    fontWeight: 600,
    whiteSpace: 'nowrap',
    color: theme.palette.text.secondary,
  },
  td: {
    padding: theme.spacing(0.5, 1),
    textAlign: 'center',
    minWidth: 56,
    border: `1px solid ${theme.palette.background.paper}`,
  },
  name: { padding: theme.spacing(0.5, 1), whiteSpace: 'nowrap' },
}));

/** Share of entities passing each area, per group: where the gaps are. */
export function AreaHeatmap(props: {
  groups: SummaryGroup[];
  scorecard?: ScorecardSummary;
}) {
  const classes = useStyles();
  const areas = props.scorecard?.areas ?? [];
  const color = (rate: number) =>
    `hsla(${Math.round((rate / 100) * 120)}, 65%, 45%, ${
      0.25 + (0.6 * (100 - Math.abs(50 - rate))) / 100
    })`;
  if (areas.length === 0) return null;
  return (
    <InfoCard
      title="Area pass rate by group"
      subheader="Share of entities with every check of the area passing"
    >
      <div className={classes.wrap}>
        <table className={classes.table}>
          <thead>
            <tr>
              <th className={classes.th} />
              {areas.map(a => (
                <th key={a.id} className={classes.th} title={a.title}>
                  {a.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.groups.slice(0, 15).map(g => (
              <tr key={g.key}>
                <td className={classes.name}>
                  <Typography variant="body2">
                    {g.key.replace(/^[a-z]+:default\//, '')}
                  </Typography>
                </td>
                {areas.map(a => {
                  const rate = g.areaPassRate[a.id];
                  return (
                    <td
                      key={a.id}
                      className={classes.td}
                      style={{
                        background:
                          rate === undefined ? undefined : color(rate),
                      }}
                    >
                      {rate === undefined ? '–' : `${Math.round(rate)}%`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </InfoCard>
  );
}
