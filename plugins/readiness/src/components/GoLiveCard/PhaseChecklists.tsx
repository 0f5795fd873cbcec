import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  GoLiveResponse,
  PhaseChecklist,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';

const who = (ref: string) => ref.replace(/^user:default\//, '');

/** `week-2`… for a day of weeks 2–4 after go-live. */
const currentWeek = (day?: number) =>
  day === undefined ? '' : `week-${Math.floor((day - 1) / 7) + 1}`;

/**
 * The go-live phases' checklists (T-7, T-1, T-0, T+1, weeks 2–4) that have
 * opened (T-7's at once), each item ticked off with who and when; Done only
 * for people who may record (the server's answer).
 */
export function PhaseChecklists(props: {
  entityRef: string;
  data: GoLiveResponse;
  onChanged: (next: GoLiveResponse) => void;
}) {
  const { entityRef, data, onChanged } = props;
  const api = useApi(readinessApiRef);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  // The current phase's list is open; the others fold to their count.
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const today = new Date().toISOString().slice(0, 10);
  const open = data.checklists.filter(
    c => c.phase === 'checklist' || c.opensOn <= today,
  );
  if (open.length === 0) return null;

  const tick = async (list: PhaseChecklist, item: string) => {
    const key = `${list.phase}:${list.occurrence}:${item}`;
    setBusy(key);
    setError(undefined);
    try {
      onChanged(
        await api.tickPhaseItem(entityRef, {
          phase: list.phase,
          ...(list.occurrence
            ? { week: Number(list.occurrence.replace('week-', '')) }
            : {}),
          item,
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-label="Go-live checklists" style={{ marginTop: 8 }}>
      {error && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {error}
        </Alert>
      )}
      {open.map(list => {
        const key = `${list.phase}:${list.occurrence}`;
        const current =
          list.phase === data.phase.phase &&
          (list.phase !== 'weekly-review' ||
            list.occurrence === currentWeek(data.phase.day));
        const expanded = shown[key] ?? current;
        return (
          <div key={key} style={{ marginBottom: 8 }}>
            <Typography variant="subtitle2" component="div">
              {list.label} checklist: {list.items.filter(i => i.doneBy).length}{' '}
              of {list.items.length}
              {list.complete ? ' ✓' : ''}
              <Button
                size="small"
                aria-expanded={expanded}
                aria-label={`${expanded ? 'Hide' : 'Show'} the ${
                  list.label
                } items`}
                onClick={() => setShown({ ...shown, [key]: !expanded })}
                style={{ marginLeft: 4 }}
              >
                {expanded ? 'Hide' : 'Show'}
              </Button>
            </Typography>
            {expanded && (
              <ul style={{ listStyle: 'none', padding: 0, margin: '2px 0' }}>
                {list.items.map(i => (
                  <li
                    key={i.id}
                    data-testid={`item-${list.phase}-${list.occurrence}-${i.id}`}
                    style={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      alignItems: 'center',
                      gap: 8,
                      minHeight: 28,
                    }}
                  >
                    <Typography variant="body2">
                      {i.doneBy ? '✓' : '○'} {i.title}
                    </Typography>
                    {i.doneBy && (
                      <Typography variant="caption" color="textSecondary">
                        {who(i.doneBy)}, {i.doneAt?.slice(0, 10)}
                      </Typography>
                    )}
                    {!i.doneBy && data.canRecord && (
                      <Button
                        size="small"
                        onClick={() => tick(list, i.id)}
                        disabled={busy !== undefined}
                        aria-label={`Done: ${i.title} (${list.label})`}
                      >
                        Done
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
