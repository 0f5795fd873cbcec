import type { Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ReferenceLine } from 'recharts';

/** A day on which the scorecard's revision changed, and to what. */
export interface RevisionMark {
  /** The chart's x value of that day. */
  x: string;
  day: string;
  revisions: string[];
}

/**
 * The days whose scorecard revisions differ from the last day before them
 * that had known revisions: where a move is the rule's doing, not the
 * service's. Days without known revisions (points from before revisions
 * were kept) mark nothing.
 */
export function revisionMarks<T>(
  items: T[],
  of: (item: T) => { x: string; day: string; revisions?: string[] },
): RevisionMark[] {
  const marks: RevisionMark[] = [];
  let last: string | undefined;
  for (const item of items) {
    const { x, day, revisions } = of(item);
    if (!revisions?.length) continue;
    const key = [...revisions].sort().join('\n');
    if (last !== undefined && key !== last) marks.push({ x, day, revisions });
    last = key;
  }
  return marks;
}

/** Dashed lines at the days the scorecard changed (an array for recharts). */
export function revisionLines(theme: Theme, marks: RevisionMark[]) {
  return marks.map(m => (
    <ReferenceLine
      key={`revision-${m.day}`}
      x={m.x}
      stroke={theme.palette.text.secondary}
      strokeDasharray="4 4"
      label={{
        value: 'Scorecard changed',
        position: 'insideTopLeft',
        fill: theme.palette.text.secondary,
        fontSize: 11,
      }}
    />
  ));
}

/** The same marks in words, under the chart (a chart is not read aloud). */
export function RevisionNotes(props: { marks: RevisionMark[] }) {
  if (!props.marks.length) return null;
  return (
    <>
      {props.marks.map(m => (
        <Typography
          key={m.day}
          variant="caption"
          color="textSecondary"
          component="p"
          data-testid="revision-mark"
        >
          Scorecard changed on {m.day} (now {m.revisions.join(', ')}): moves
          that day come from the rule, not the service.
        </Typography>
      ))}
    </>
  );
}
