import type { EntityReadiness } from '../types';

/**
 * What a scorecard asks before a Ready service may launch:
 * - `ready`: the status Ready and every sign-off;
 * - `complete-areas`: also every area complete (checklist [000]: "if any
 *   area remains incomplete, treat it as a controlled pilot expansion rather
 *   than a production launch").
 *
 * @public
 */
export type LaunchRequirement = 'ready' | 'complete-areas';

/**
 * The go-live decision, from worst to best:
 * - `not-ready`: Blocked, below the pass mark, or not evaluated;
 * - `pilot`: Ready, but an area has an open check (with `complete-areas`);
 * - `awaiting-sign-off`: everything required holds; roles have not all signed;
 * - `launch`: everything required holds and every role has signed.
 *
 * @public
 */
export type GoLiveDecisionValue =
  | 'not-ready'
  | 'pilot'
  | 'awaiting-sign-off'
  | 'launch';

/**
 * A go-live decision with its reasons, as the tab, the Go-live card, the
 * Go-lives table, the note and the CLI show it.
 *
 * @public
 */
export interface GoLiveDecision {
  decision: GoLiveDecisionValue;
  /** One sentence for people, naming what holds it back. */
  text: string;
  /** A few words for a chip or a table cell ("Pilot: Observability incomplete"). */
  short: string;
  /** Areas with an open counted check (not passing, not exempt, applicable). */
  incompleteAreas: Array<{ id: string; title: string; open: string[] }>;
  /** Critical checks that do not pass (what blocks), by title. */
  blocking: string[];
}

/** "A, B and C"; past `max` items, "A, B, C and 4 more". */
function list(items: string[], max = Infinity): string {
  if (items.length > max)
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Decides whether a service may go live, as checklists [000] and [001] do:
 * not while Blocked or below the pass mark; a controlled pilot expansion when
 * Ready with an incomplete area (if the scorecard asks for `complete-areas`);
 * a launch only once every role has signed.
 *
 * @public
 */
export function goLiveDecision(
  result: EntityReadiness | undefined,
  signoff: { complete: boolean; signed: number; total: number } | undefined,
  launchRequires: LaunchRequirement = 'ready',
): GoLiveDecision {
  const incompleteAreas = (result?.areas ?? [])
    .filter(a => a.failing.length > 0)
    .map(a => ({
      id: a.id,
      title: a.title,
      open: a.failing.map(
        id => result!.checks.find(c => c.checkId === id)?.title ?? id,
      ),
    }));
  const blocking = (result?.checks ?? [])
    .filter(c => c.counted && c.severity === 'critical' && c.result !== 'pass')
    .map(c => c.title);
  const base = { incompleteAreas, blocking };
  if (!result)
    return {
      ...base,
      decision: 'not-ready',
      short: 'Not evaluated',
      text: 'Not evaluated: no scorecard applies or the entity has not been evaluated yet.',
    };
  if (result.status === 'blocked')
    return {
      ...base,
      decision: 'not-ready',
      short: `Not ready: blocked by ${blocking.length} critical check${
        blocking.length === 1 ? '' : 's'
      }`,
      text: `Not ready to go live: blocked by ${list(blocking, 3)}.`,
    };
  if (result.status === 'needs-work')
    return {
      ...base,
      decision: 'not-ready',
      short: `Not ready: ${result.score} of ${result.passingScore} needed`,
      text: `Not ready to go live: the score is ${
        result.score
      }, below the pass mark of ${result.passingScore}. Open in ${list(
        incompleteAreas.map(a => a.title),
      )}.`,
    };
  if (launchRequires === 'complete-areas' && incompleteAreas.length > 0) {
    const names = list(incompleteAreas.map(a => a.title));
    return {
      ...base,
      decision: 'pilot',
      short: `Pilot expansion: ${names} incomplete`,
      text: `Ready · controlled pilot expansion, not a production launch: ${names} incomplete (${list(
        incompleteAreas.flatMap(a => a.open),
      )} open).`,
    };
  }
  if (!signoff || !signoff.complete) {
    const n = signoff ? `${signoff.signed} of ${signoff.total}` : 'no';
    return {
      ...base,
      decision: 'awaiting-sign-off',
      short: `Awaiting sign-off (${n})`,
      text: `Ready, awaiting sign-off (${n} roles): not a production launch until every role has signed.`,
    };
  }
  return {
    ...base,
    decision: 'launch',
    short: 'Launch',
    text:
      launchRequires === 'complete-areas'
        ? 'Production launch: every area is complete and every role has signed.'
        : 'Production launch: every critical item holds, the score meets the bar and every role has signed.',
  };
}
