import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  DAILY_CHECK_ITEMS,
  GoLiveResponse,
  FirstWeekDay,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { ClosureReviewDialog } from './ClosureReviewDialog';
import { DailyCheckDialog } from './DailyCheckDialog';
import { RiskyActionDialog } from './RiskyActionDialog';

const CHIP: Record<FirstWeekDay['state'], { label: string; color: string }> = {
  done: { label: 'checked', color: '#2e7d32' },
  late: { label: 'missed, checked late', color: '#8d6e63' },
  missed: { label: 'missed', color: '#c62828' },
  due: { label: 'due today', color: '#ef6c00' },
  upcoming: { label: 'upcoming', color: '#757575' },
};

/** The first production week: a check per day, risky actions, the closure review. */
export function FirstWeekSection(props: {
  entityRef: string;
  data: GoLiveResponse;
  onChanged: (next: GoLiveResponse) => void;
}) {
  const { entityRef, data, onChanged } = props;
  const api = useApi(readinessApiRef);
  const [open, setOpen] = useState<'check' | 'risky' | 'review'>();
  const open_ = data.firstWeek.filter(
    d => d.state === 'due' || d.state === 'missed',
  );
  const done = data.firstWeek.filter(
    d => d.state === 'done' || d.state === 'late',
  ).length;
  const close = () => setOpen(undefined);
  const saved = (next: GoLiveResponse) => {
    onChanged(next);
    close();
  };

  return (
    <section aria-label="First production week" style={{ marginTop: 8 }}>
      <Typography variant="subtitle2">
        First production week: {done} of 7 daily checks
      </Typography>
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4, margin: '4px 0' }}
      >
        {data.firstWeek.map(d => {
          // A checked day with an item not ok is not a green "checked".
          const notOk = d.check
            ? DAILY_CHECK_ITEMS.filter(i => d.check!.items[i.id]?.ok === false)
            : [];
          const chip =
            notOk.length > 0
              ? {
                  label: `not ok: ${notOk.map(i => i.title).join(', ')}`,
                  color: '#c62828',
                }
              : CHIP[d.state];
          return (
            <Chip
              key={d.date}
              size="small"
              variant={d.state === 'upcoming' ? 'outlined' : 'default'}
              data-testid={`day-${d.day}`}
              data-state={notOk.length > 0 ? 'not-ok' : d.state}
              label={`T+${d.day} ${chip.label}`}
              title={
                d.check
                  ? `${d.date}: checked by ${d.check.checkedBy}`
                  : `${d.date}`
              }
              style={
                d.state === 'upcoming'
                  ? undefined
                  : { backgroundColor: chip.color, color: '#fff' }
              }
            />
          );
        })}
      </div>
      {data.canRecord && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Button
            size="small"
            color="primary"
            variant="outlined"
            disabled={open_.length === 0}
            onClick={() => setOpen('check')}
          >
            Record daily check
          </Button>
          <Button size="small" onClick={() => setOpen('risky')}>
            Record risky action
          </Button>
          {!data.closureReview && (
            <Button
              size="small"
              disabled={!data.closureReviewDue}
              onClick={() => setOpen('review')}
              title={
                data.closureReviewDue
                  ? undefined
                  : 'The closure review comes at the end of the first week'
              }
            >
              Closure review
            </Button>
          )}
        </div>
      )}
      {data.riskyActions.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Risky actions
          </Typography>
          <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
            {data.riskyActions.map(a => (
              <li key={a.id}>
                <Typography variant="body2">
                  {a.recordedAt.slice(0, 10)} · {a.kind}: {a.description} (
                  {a.owner}; {a.outcome})
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.closureReview && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Closure review by {data.closureReview.reviewedBy},{' '}
            {data.closureReview.reviewedAt.slice(0, 10)}
          </Typography>
          <Typography variant="body2">
            P1/P2 incidents: {data.closureReview.incidents} · Support requests:{' '}
            {data.closureReview.supportRequests} · Quality deviations:{' '}
            {data.closureReview.qualityDeviations} · Missing runbook steps:{' '}
            {data.closureReview.missingRunbookSteps}
          </Typography>
        </>
      )}
      {open === 'check' && (
        <DailyCheckDialog
          days={open_}
          onClose={close}
          onSave={input => api.recordDailyCheck(entityRef, input)}
          onSaved={saved}
        />
      )}
      {open === 'risky' && (
        <RiskyActionDialog
          onClose={close}
          onSave={input => api.recordRiskyAction(entityRef, input)}
          onSaved={saved}
        />
      )}
      {open === 'review' && (
        <ClosureReviewDialog
          onClose={close}
          onSave={input => api.recordClosureReview(entityRef, input)}
          onSaved={saved}
        />
      )}
    </section>
  );
}
