import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { GoLiveSummary } from '@readiness/backstage-plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { StatusChip } from '../StatusChip';
import { useStatusText } from '../readableColor';

const FIRST_WEEKS = ['launch', 'first-week', 'weekly-review', 'closed'];

function FirstWeek({ g }: { g: GoLiveSummary }) {
  const statusText = useStatusText();
  if (!FIRST_WEEKS.includes(g.phase.phase))
    return <Typography variant="body2">not yet</Typography>;
  const { done, late, missed, due, notOk = 0 } = g.firstWeek;
  return (
    <Typography
      variant="body2"
      className={missed > 0 || notOk > 0 ? statusText.error : undefined}
      data-testid={`first-week-${g.entityRef}`}
    >
      {done} of 7 checked
      {missed > 0 ? `, ${missed} missed` : ''}
      {late > 0 ? `, ${late} late` : ''}
      {notOk > 0 ? `, ${notOk} not ok` : ''}
      {due ? ', today due' : ''}
    </Typography>
  );
}

/**
 * Upcoming go-lives and services in their first weeks: date, phase, status,
 * sign-off progress and the first week's daily checks (a missed day shows).
 */
export function GoLivesCard() {
  const api = useApi(readinessApiRef);
  const statusText = useStatusText();
  const goLives = useAsync(() => api.listGoLives(), [api]);
  return (
    <InfoCard
      title="Go-lives"
      subheader="Services with a go-live date, soonest first, until their first month is over"
    >
      {goLives.loading && <Progress />}
      {goLives.error && <ResponseErrorPanel error={goLives.error} />}
      {goLives.value?.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No service has a go-live date. Set readiness/go-live-date, or Edit in
          Owners on a service's Readiness tab.
        </Typography>
      )}
      {!!goLives.value?.length && (
        // On a phone the table scrolls sideways instead of squeezing its
        // columns to a letter a line.
        <div
          role="region"
          aria-label="Go-lives table, scrolls sideways"
          // A scrolling region takes focus, so that keyboard users can scroll
          // the table too (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          style={{ overflowX: 'auto' }}
        >
          <Table size="small" aria-label="Go-lives" style={{ minWidth: 960 }}>
            <TableHead>
              <TableRow>
                <TableCell style={{ minWidth: 160 }}>Service</TableCell>
                <TableCell>Go-live</TableCell>
                <TableCell>Phase</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Decision</TableCell>
                <TableCell>Sign-off</TableCell>
                <TableCell>First week</TableCell>
                <TableCell>Closure review</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {goLives.value.map(g => (
                <TableRow key={g.entityRef}>
                  <TableCell>
                    <EntityRefLink entityRef={g.entityRef} />
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {g.goLiveDate}
                  </TableCell>
                  <TableCell>
                    {g.phase.label}: {g.phase.title}
                  </TableCell>
                  <TableCell>
                    {g.status ? <StatusChip status={g.status} /> : 'not scored'}
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2" component="span">
                      {g.decision.short}
                    </Typography>
                    {(g.phase.day ?? -1) >= 0 &&
                      g.decision.decision !== 'launch' && (
                        <Typography
                          variant="body2"
                          className={statusText.error}
                          data-testid={`date-passed-${g.entityRef}`}
                        >
                          {g.phase.day === 0
                            ? 'Goes live today without a launch decision'
                            : 'The date passed without a launch decision'}
                        </Typography>
                      )}
                  </TableCell>
                  <TableCell>
                    {g.signoff.signed} of {g.signoff.total}
                    {g.signoff.complete ? ' ✓' : ''}
                  </TableCell>
                  <TableCell>
                    <FirstWeek g={g} />
                  </TableCell>
                  <TableCell>
                    {g.closureReviewed && 'done'}
                    {!g.closureReviewed && (g.closureReviewDue ? 'due' : '–')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </InfoCard>
  );
}
