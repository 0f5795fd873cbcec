import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import type { ScorecardSummary, SummaryGroup } from '../../api';
import { useFirstGroups } from './useFirstGroups';

const FIRST = 15;

const useStyles = makeStyles(theme => ({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: 13,
  },
  th: {
    textAlign: 'center',
    verticalAlign: 'bottom',
    padding: theme.spacing(0.5),
    fontWeight: 600,
    fontSize: 12,
    color: theme.palette.text.secondary,
    overflowWrap: 'normal',
    hyphens: 'auto',
  },
  // On a phone the area names stand upright (two lines at most), so every
  // area still fits.
  upright: {
    display: 'inline-block',
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'normal',
    textAlign: 'left',
    height: 112,
    fontSize: 11,
    lineHeight: 1.1,
  },
  td: { padding: 0, border: `1px solid ${theme.palette.background.paper}` },
  cell: {
    width: '100%',
    minWidth: 0,
    padding: theme.spacing(0.75, 0),
    borderRadius: 0,
    color: theme.palette.text.primary,
    fontSize: 12,
    '@media (max-width: 600px)': { fontSize: 11 },
  },
  name: {
    padding: theme.spacing(0.5, 1, 0.5, 0),
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
}));

/**
 * Share of entities passing each area, per group: where the gaps are. Every
 * area fits the width (names wrap, or stand upright on a phone); the first
 * 15 groups show, with a button for the rest; a cell filters the table to
 * that group and area.
 */
export function AreaHeatmap(props: {
  groups: SummaryGroup[];
  scorecard?: ScorecardSummary;
  groupBy: string;
  titleOf: (key: string) => string;
  onSelect: (groupKey: string, areaId: string) => void;
}) {
  const classes = useStyles();
  const narrow = useMediaQuery('(max-width: 600px)');
  const areas = props.scorecard?.areas ?? [];
  const color = (rate: number) =>
    `hsla(${Math.round((rate / 100) * 120)}, 65%, 45%, ${
      0.25 + (0.6 * (100 - Math.abs(50 - rate))) / 100
    })`;
  const { shown, toggle } = useFirstGroups(props.groups, FIRST);
  if (areas.length === 0) return null;
  return (
    <InfoCard
      title={`Area pass rate by ${props.groupBy}`}
      subheader="Share of entities (%) with every check of the area passing; pick a cell to list them"
    >
      <table className={classes.table} aria-label="Area pass rate">
        <colgroup>
          <col style={{ width: narrow ? '30%' : '18%' }} />
          {areas.map(a => (
            <col key={a.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={classes.th} />
            {areas.map(a => (
              <th key={a.id} scope="col" className={classes.th} title={a.title}>
                {narrow ? (
                  <span className={classes.upright}>{a.title}</span>
                ) : (
                  a.title
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map(g => {
            const title = props.titleOf(g.key);
            return (
              <tr key={g.key}>
                <th scope="row" className={classes.name} title={title}>
                  <Typography variant="body2" component="span">
                    {title}
                  </Typography>
                </th>
                {areas.map(a => {
                  const rate = g.areaPassRate[a.id];
                  // On a phone without "%": "100%" is wider than the cell.
                  const text =
                    rate === undefined
                      ? '–'
                      : `${Math.round(rate)}${narrow ? '' : '%'}`;
                  return (
                    <td
                      key={a.id}
                      className={classes.td}
                      style={{
                        background:
                          rate === undefined ? undefined : color(rate),
                      }}
                    >
                      {rate === undefined || g.key === '(none)' ? (
                        <span className={classes.cell}>{text}</span>
                      ) : (
                        <Button
                          className={classes.cell}
                          aria-label={`${title}, ${a.title}: ${Math.round(
                            rate,
                          )}%`}
                          title={`Entities of ${title} failing ${a.title}`}
                          onClick={() => props.onSelect(g.key, a.id)}
                        >
                          {text}
                        </Button>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {toggle}
    </InfoCard>
  );
}
