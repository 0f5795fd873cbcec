import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import {
  DAILY_CHECK_ITEMS,
  DailyCheck,
  DailyCheckItemId,
  FirstWeekDay,
  GoLiveResponse,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { FormDialog, FormField } from '../FormDialog';

type Answers = Partial<
  Record<DailyCheckItemId, { ok?: boolean; note: string }>
>;

/** The daily check of one first-week day: each item ok or not, with a note. */
export function DailyCheckDialog(props: {
  days: FirstWeekDay[];
  onClose: () => void;
  onSave: (input: {
    day: string;
    items: DailyCheck['items'];
  }) => Promise<GoLiveResponse>;
  onSaved: (next: GoLiveResponse) => void;
}) {
  const { days } = props;
  const [day, setDay] = useState(
    (days.find(d => d.state === 'due') ?? days[days.length - 1])?.date ?? '',
  );
  const [answers, setAnswers] = useState<Answers>({});
  const unanswered = DAILY_CHECK_ITEMS.filter(
    i => answers[i.id]?.ok === undefined,
  );
  const [saving, save] = useAsyncFn(async () => {
    const items = Object.fromEntries(
      DAILY_CHECK_ITEMS.map(i => {
        const a = answers[i.id]!;
        return [
          i.id,
          { ok: a.ok!, ...(a.note.trim() ? { note: a.note.trim() } : {}) },
        ];
      }),
    ) as DailyCheck['items'];
    props.onSaved(await props.onSave({ day, items }));
  }, [answers, day]);
  const set = (
    id: DailyCheckItemId,
    patch: Partial<{ ok: boolean; note: string }>,
  ) =>
    setAnswers(a => ({
      ...a,
      [id]: { note: '', ...a[id], ...patch },
    }));

  return (
    <FormDialog
      title="Daily check of the first production week"
      onClose={props.onClose}
      onSubmit={() => save()}
      submitLabel="Save check"
      busyLabel="Saving…"
      busy={saving.loading}
      disabled={unanswered.length > 0 || !day}
      submitTitle={
        unanswered.length
          ? `Answer ${unanswered.map(i => i.title).join(', ')}`
          : undefined
      }
      error={saving.error}
    >
      <FormField
        id="daily-day"
        select
        label="Day"
        value={day}
        onChange={setDay}
      >
        {days.map(d => (
          <MenuItem key={d.date} value={d.date}>
            T+{d.day}, {d.date} ({d.state === 'due' ? 'today' : 'missed'})
          </MenuItem>
        ))}
      </FormField>
      {DAILY_CHECK_ITEMS.map(item => (
        <div key={item.id} style={{ marginTop: 8 }}>
          <Typography variant="body2" id={`daily-${item.id}`}>
            {item.title}
          </Typography>
          <RadioGroup
            row
            aria-labelledby={`daily-${item.id}`}
            value={
              answers[item.id]?.ok === undefined
                ? ''
                : String(answers[item.id]!.ok)
            }
            onChange={e => set(item.id, { ok: e.target.value === 'true' })}
          >
            <FormControlLabel
              value="true"
              control={<Radio size="small" />}
              label="ok"
            />
            <FormControlLabel
              value="false"
              control={<Radio size="small" />}
              label="not ok"
            />
          </RadioGroup>
          {answers[item.id]?.ok === false && (
            <FormField
              id={`daily-${item.id}-note`}
              label={`What is wrong with ${item.title.toLowerCase()}`}
              value={answers[item.id]?.note ?? ''}
              onChange={note => set(item.id, { note })}
              inputProps={{ maxLength: 1000 }}
            />
          )}
        </div>
      ))}
    </FormDialog>
  );
}
