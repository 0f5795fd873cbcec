import type {
  PreviewStanding,
  ScorecardPreview,
  ScorecardPreviewEntry,
} from '@readiness/backstage-plugin-readiness-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReadinessTabLink } from '../ReadinessTabLink';
import { StatusChip } from '../StatusChip';

/** Headers and numbers stay on one line; a narrow screen scrolls the table. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

const BASE: Record<ScorecardPreviewEntry['base'], string> = {
  running: 'Compared with the running scorecard',
  yaml: 'Compared with the base you gave',
  none: 'A new scorecard: nothing to compare with',
};

function Standing(props: { value?: PreviewStanding }) {
  if (!props.value) return <>–</>;
  return (
    <>
      <StatusChip status={props.value.status} /> {props.value.score}
    </>
  );
}

/** The checks of a move, by title. */
function checkList(ids: string[], titleOf: (id: string) => string) {
  return ids.map(titleOf).join(', ');
}

function Entry(props: {
  entry: ScorecardPreviewEntry;
  checkTitle?: (id: string) => string | undefined;
}) {
  const e = props.entry;
  const titles = new Map(e.checks.map(c => [c.checkId, c.title]));
  const titleOf = (id: string) =>
    titles.get(id) ?? props.checkTitle?.(id) ?? id;
  const caption = `${e.title} (${e.name})`;
  return (
    <section aria-label={`Preview of ${e.title}`} style={{ marginTop: 16 }}>
      <Typography variant="h6" component="h3">
        {caption}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {BASE[e.base]}; {e.entities.after} entities in scope
        {e.entities.before !== e.entities.after
          ? ` (${e.entities.before} before)`
          : ''}
        .
      </Typography>
      <div style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={`Totals of ${e.title}`}
          style={{ minWidth: 380 }}
        >
          <TableHead>
            <TableRow>
              <TableCell style={NOWRAP} />
              <TableCell align="right" style={NOWRAP}>
                Ready
              </TableCell>
              <TableCell align="right" style={NOWRAP}>
                Needs work
              </TableCell>
              <TableCell align="right" style={NOWRAP}>
                Blocked
              </TableCell>
              <TableCell align="right" style={NOWRAP}>
                Mean score
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(['before', 'after'] as const).map(side => (
              <TableRow key={side}>
                <TableCell component="th" scope="row" style={NOWRAP}>
                  {side === 'before' ? 'Before' : 'After'}
                </TableCell>
                <TableCell align="right" style={NOWRAP}>
                  {e.totals[side].ready}
                </TableCell>
                <TableCell align="right" style={NOWRAP}>
                  {e.totals[side]['needs-work']}
                </TableCell>
                <TableCell align="right" style={NOWRAP}>
                  {e.totals[side].blocked}
                </TableCell>
                <TableCell align="right" style={NOWRAP}>
                  {e.meanScore[side] ?? '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {e.toBlocked > 0 && (
        <Alert severity="warning" style={{ marginTop: 8 }}>
          {e.toBlocked === 1
            ? '1 entity drops to Blocked.'
            : `${e.toBlocked} entities drop to Blocked.`}
        </Alert>
      )}
      <Typography variant="subtitle2" component="h4" style={{ marginTop: 12 }}>
        {e.movesTotal
          ? `Entities that move (${e.movesTotal})`
          : 'No entity moves.'}
      </Typography>
      {e.movesTotal > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <Table
            size="small"
            aria-label={`Entities that move under ${e.title}`}
            style={{ minWidth: 600 }}
          >
            <TableHead>
              <TableRow>
                <TableCell style={NOWRAP}>Entity</TableCell>
                <TableCell style={NOWRAP}>Before</TableCell>
                <TableCell style={NOWRAP}>After</TableCell>
                <TableCell style={NOWRAP}>Newly failing</TableCell>
                <TableCell style={NOWRAP}>Newly passing</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {e.moves.map(m => (
                <TableRow key={m.entityRef}>
                  <TableCell component="th" scope="row">
                    <ReadinessTabLink entityRef={m.entityRef}>
                      {m.title ?? m.entityRef}
                    </ReadinessTabLink>
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <Standing value={m.before} />
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <Standing value={m.after} />
                  </TableCell>
                  <TableCell>{checkList(m.newlyFailing, titleOf)}</TableCell>
                  <TableCell>{checkList(m.newlyPassing, titleOf)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {e.movesTotal > e.moves.length && (
        <Typography variant="body2">
          …and {e.movesTotal - e.moves.length} more.
        </Typography>
      )}
      {e.checks.length > 0 && (
        <>
          <Typography
            variant="subtitle2"
            component="h4"
            style={{ marginTop: 12 }}
          >
            Checks that change
          </Typography>
          <div style={{ overflowX: 'auto' }}>
            <Table
              size="small"
              aria-label={`Checks that change in ${e.title}`}
              style={{ minWidth: 480 }}
            >
              <TableHead>
                <TableRow>
                  <TableCell style={NOWRAP}>Check</TableCell>
                  <TableCell align="right" style={NOWRAP}>
                    Failing before
                  </TableCell>
                  <TableCell align="right" style={NOWRAP}>
                    Failing after
                  </TableCell>
                  <TableCell style={NOWRAP}>Change</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {e.checks.map(c => (
                  <TableRow key={c.checkId}>
                    <TableCell component="th" scope="row">
                      {c.title} ({c.checkId})
                    </TableCell>
                    <TableCell align="right">{c.failingBefore}</TableCell>
                    <TableCell align="right">{c.failingAfter}</TableCell>
                    <TableCell>{c.change ?? 'outcome'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** What a previewed change moves, per scorecard. */
export function PreviewResult(props: {
  preview: ScorecardPreview;
  /** Titles of the running scorecards' checks, for checks the change leaves alone. */
  checkTitle?: (id: string) => string | undefined;
}) {
  return (
    <div role="region" aria-label="Preview result">
      <Typography variant="body2" color="textSecondary">
        Evaluated {props.preview.evaluatedAt.slice(0, 16).replace('T', ' ')} UTC
        on the current catalog and evidence. Nothing was saved.
      </Typography>
      {props.preview.scorecards.map(entry => (
        <Entry key={entry.name} entry={entry} checkTitle={props.checkTitle} />
      ))}
    </div>
  );
}
