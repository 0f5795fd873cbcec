import {
  DAY_MS,
  InitiativeDetail,
} from '@readiness/backstage-plugin-readiness-common';

/** Reminders go out weekly, and daily over the last days before the deadline. */
export const DAILY_FROM_DAYS = 7;

/** What one owner still has to do, across the initiatives due a reminder today. */
export interface InitiativeReminder {
  ownerRef: string;
  items: Array<{
    id: string;
    title: string;
    deadline: string;
    entityRefs: string[];
  }>;
}

/**
 * Whether an active initiative reminds on this day: every seventh day from
 * its start, and every day of the last {@link DAILY_FROM_DAYS} before the
 * deadline (the deadline included); never before it starts or after it ends.
 */
export function remindsOn(
  i: Pick<InitiativeDetail, 'state' | 'startsOn' | 'deadline'>,
  day: string,
): boolean {
  if (i.state !== 'active' || day < i.startsOn || day > i.deadline)
    return false;
  const toDeadline = (Date.parse(i.deadline) - Date.parse(day)) / DAY_MS;
  const sinceStart = (Date.parse(day) - Date.parse(i.startsOn)) / DAY_MS;
  return toDeadline < DAILY_FROM_DAYS || sinceStart % 7 === 0;
}

/**
 * The reminders of a day: for each owner (`spec.owner`) of an entity still
 * open in an initiative that reminds today, one reminder with every such
 * initiative and its entities; so an owner hears at most once a day.
 */
export function remindersFor(
  initiatives: InitiativeDetail[],
  day: string,
): InitiativeReminder[] {
  const byOwner = new Map<string, InitiativeReminder>();
  for (const i of initiatives) {
    if (!remindsOn(i, day)) continue;
    const open = new Map<string, string[]>();
    for (const o of i.open) {
      if (!o.owner) continue;
      open.set(o.owner, [...(open.get(o.owner) ?? []), o.entityRef]);
    }
    for (const [ownerRef, entityRefs] of open) {
      const r = byOwner.get(ownerRef) ?? { ownerRef, items: [] };
      r.items.push({
        id: i.id,
        title: i.title,
        deadline: i.deadline,
        entityRefs,
      });
      byOwner.set(ownerRef, r);
    }
  }
  return [...byOwner.values()];
}
