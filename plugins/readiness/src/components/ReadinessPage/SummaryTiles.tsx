import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { SummaryGroup } from '../../api';
import { readableColor } from '../readableColor';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(2), height: '100%' },
  value: { fontSize: 32, fontWeight: 700, lineHeight: 1.2 },
  ready: { color: readableColor(theme, theme.palette.success.main) },
  'needs-work': { color: readableColor(theme, theme.palette.warning.main) },
  blocked: { color: readableColor(theme, theme.palette.error.main) },
}));

/** Entities per status and the mean score, for the selected scorecard. */
export function SummaryTiles({ overall }: { overall: SummaryGroup }) {
  const classes = useStyles();
  const tiles: Array<[string, string | number, string?]> = [
    ['Entities', overall.total],
    ['Ready', overall.counts.ready, 'ready'],
    ['Needs work', overall.counts['needs-work'], 'needs-work'],
    ['Blocked', overall.counts.blocked, 'blocked'],
    ['Mean score', overall.meanScore],
  ];
  return (
    <Grid container spacing={2}>
      {tiles.map(([label, value, status]) => (
        <Grid item xs={6} sm={4} md key={label}>
          <Paper
            className={classes.tile}
            variant="outlined"
            data-testid={`tile-${label}`}
          >
            <Typography variant="overline" color="textSecondary">
              {label}
            </Typography>
            <Typography
              className={`${classes.value} ${
                status ? (classes as any)[status] : ''
              }`}
            >
              {value}
            </Typography>
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
}
