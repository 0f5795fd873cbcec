import { InputError } from '@backstage/errors';
import {
  ClosureReview,
  DAILY_CHECK_ITEMS,
  DailyCheck,
  RISKY_ACTION_KINDS,
  RISKY_ACTION_OUTCOMES,
  RiskyAction,
} from '@readiness/backstage-plugin-readiness-common';
import { text } from '../platform/input';

/** `value` if it is one of `allowed`; else a 400 naming the field and the choices. */
export const oneOf = <T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): T => {
  if (
    typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
  )
    return value as T;
  throw new InputError(
    `${field}: ${
      value === undefined ? 'required' : `"${String(value)}" is not allowed`
    }; one of ${allowed.join(', ')}`,
  );
};

/** The items of a daily check: each of the five ok or not, with a note; every error at once. */
export function parseDailyCheckItems(raw: unknown): DailyCheck['items'] {
  if (!raw || typeof raw !== 'object')
    throw new InputError(
      `items: required, with ${DAILY_CHECK_ITEMS.map(i => i.id).join(', ')}`,
    );
  const items = {} as DailyCheck['items'];
  const errors: string[] = [];
  for (const { id } of DAILY_CHECK_ITEMS) {
    const item = (raw as Record<string, any>)[id];
    if (!item || typeof item.ok !== 'boolean') {
      errors.push(`items.${id}.ok: expected true or false`);
      continue;
    }
    try {
      const note = text(item.note, `items.${id}.note`, 1000);
      items[id] = { ok: item.ok, ...(note ? { note } : {}) };
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  const unknown = Object.keys(raw).filter(
    k => !DAILY_CHECK_ITEMS.some(i => i.id === k),
  );
  if (unknown.length)
    errors.push(`items.${unknown[0]}: not a daily check item`);
  if (errors.length) throw new InputError(errors.join('; '));
  return items;
}

/** A risky action from a request body, recorded by `recordedBy` at `recordedAt`. */
export function parseRiskyAction(
  body: Record<string, unknown>,
  recordedBy: string,
  recordedAt: string,
): Omit<RiskyAction, 'id'> {
  const action: Omit<RiskyAction, 'id'> = {
    kind: oneOf(body?.kind, 'kind', RISKY_ACTION_KINDS),
    description: text(body?.description, 'description', 2000, true)!,
    owner: text(body?.owner, 'owner', 255, true)!,
    outcome: oneOf(body?.outcome, 'outcome', RISKY_ACTION_OUTCOMES),
    recordedBy,
    recordedAt,
  };
  const note = text(body?.note, 'note', 2000);
  if (note) action.note = note;
  return action;
}

/** A closure review from a request body: every field answered ("none" is an answer). */
export function parseClosureReview(
  body: Record<string, unknown>,
  reviewedBy: string,
  reviewedAt: string,
): ClosureReview {
  const errors: string[] = [];
  const field = (name: string) => {
    try {
      return text(body?.[name], name, 4000, true)!;
    } catch (e) {
      errors.push(`${(e as Error).message} ("none" is an answer)`);
      return '';
    }
  };
  const review: ClosureReview = {
    incidents: field('incidents'),
    supportRequests: field('supportRequests'),
    qualityDeviations: field('qualityDeviations'),
    missingRunbookSteps: field('missingRunbookSteps'),
    reviewedBy,
    reviewedAt,
  };
  if (errors.length) throw new InputError(errors.join('; '));
  return review;
}
