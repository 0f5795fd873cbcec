import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  OwnershipRoles,
  ReadinessStatus,
  SignoffRole,
} from '@readiness/backstage-plugin-readiness-common';
import { OWNERSHIP_ROLE_LABELS } from '@readiness/backstage-plugin-readiness-common';
import type { TeamDigest } from '../digest/composeDigests';
import { digestMessage } from '../digest/digestText';
import type { InitiativeReminder } from '../initiatives/reminders';
import {
  notifyNamedOwners,
  notifyNamedOwnersInBulk,
} from '../ownership/ownershipNotices';
import type { StoredOwners } from '../evaluation/EvaluationStateStore';
import type { NotificationLog } from './NotificationLog';
import { DAY_MS } from '@readiness/backstage-plugin-readiness-common';

const STATUS_WORDS: Record<ReadinessStatus, string> = {
  ready: 'Ready',
  'needs-work': 'Needs work',
  blocked: 'Blocked',
};
/** Status notifications per entity and scorecard and day, at most. */
export const STATUS_PER_DAY = 5;
const FULL_REF = /^[a-z]+:[^/\s]+\/\S+$/i;

type NotificationPayload = Parameters<
  NotificationService['send']
>[0]['payload'];

/**
 * Tells an entity's three owners (incident, technical, communication; the
 * spec.owner when none is set) what needs them: a status change, evidence
 * that runs out within a week, a missed daily check in the first week, a
 * sign-off request; and the owners an ownership edit newly names. Every
 * notice of the plugin goes through here. Every notification has a key in the log: the same one is
 * not sent twice (a status at most once a day per entity and scorecard), and
 * its `scope` makes a newer one replace the older in the inbox. Sending
 * never fails the caller: errors are logged.
 */
export class ReadinessNotifier {
  constructor(
    private readonly options: {
      notifications?: NotificationService;
      log: NotificationLog;
      owners: (entityRef: string) => Promise<StoredOwners | undefined>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** The owners to tell: the three roles where they are refs, else spec.owner. */
  private async recipients(entityRef: string): Promise<string[]> {
    const owners = (await this.options.owners(entityRef)) ?? {};
    const roles = [owners.incident, owners.technical, owners.communication]
      .filter((r): r is string => !!r && FULL_REF.test(r))
      .filter((r, i, all) => all.indexOf(r) === i);
    if (roles.length > 0) return roles;
    return owners.owner && FULL_REF.test(owners.owner) ? [owners.owner] : [];
  }

  /** Sends once per key (and window); true when sent. */
  private async send(
    key: string,
    windowMs: number,
    recipients: string[] | (() => Promise<string[]>),
    payload: NotificationPayload,
    exclude?: string,
  ): Promise<boolean> {
    const { notifications, log, logger } = this.options;
    if (!notifications) return false;
    let claimed = false;
    try {
      const to =
        typeof recipients === 'function' ? await recipients() : recipients;
      if (to.length === 0) return false;
      claimed = await log.claim(key, this.now(), windowMs);
      if (!claimed) return false;
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: to,
          ...(exclude ? { excludeEntityRef: exclude } : {}),
        },
        payload,
      });
      return true;
    } catch (error) {
      logger.warn(`Readiness: could not send notification ${key}: ${error}`);
      // Not sent: the next event or scan tries again.
      if (claimed) await log.release(key).catch(() => undefined);
      return false;
    }
  }

  private tab(entityRef: string) {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return {
      name,
      link: `/catalog/${namespace}/${kind.toLocaleLowerCase(
        'en-US',
      )}/${name}/readiness`,
    };
  }

  /**
   * Tells the groups or people an ownership edit newly names (incident,
   * technical or customer-communication owner), leaving out who saved it.
   * Backstage replaces an earlier one for the same entity, role and owner.
   */
  async ownersNamed(change: {
    entityRef: string;
    before: OwnershipRoles;
    after: OwnershipRoles;
    by: string;
    reason?: string;
  }): Promise<void> {
    await notifyNamedOwners({
      notifications: this.options.notifications,
      logger: this.options.logger,
      ...change,
    });
  }

  /** Owners a bulk edit named, each told once; returns how many were told. */
  async ownersNamedInBulk(change: {
    role: 'incident' | 'technical' | 'communication';
    named: Map<string, string[]>;
    by: string;
    reason?: string;
  }): Promise<number> {
    return notifyNamedOwnersInBulk({
      notifications: this.options.notifications,
      logger: this.options.logger,
      ...change,
    });
  }

  /**
   * Status changes of evaluated results; returns how many were sent. A
   * status is told when it differs from the last one told for the entity and
   * scorecard (so the inbox always ends on the current status), at most
   * {@link STATUS_PER_DAY} times a day: a check flapping every few minutes
   * does not flood anyone.
   */
  async statusChanged(
    changes: Array<{
      entityRef: string;
      scorecard: string;
      from: ReadinessStatus;
      to: ReadinessStatus;
    }>,
  ): Promise<number> {
    const { notifications, log, logger } = this.options;
    if (!notifications) return 0;
    let sent = 0;
    for (const c of changes) {
      if (c.from === c.to) continue;
      const key = `status:${c.entityRef}:${c.scorecard}`;
      const now = this.now();
      const day = now.toISOString().slice(0, 10);
      let previous: string | undefined;
      let changed = false;
      let slot: string | undefined;
      try {
        const to = await this.recipients(c.entityRef);
        if (to.length === 0) continue;
        previous = await log.lastValue(key);
        if (previous === c.to) continue;
        for (let i = 0; i < STATUS_PER_DAY && !slot; i++) {
          const k = `${key}:${day}:${i}`;
          if (await log.claim(k, now)) slot = k;
        }
        if (!slot) continue; // the day's allowance is used up
        changed = await log.changeValue(key, c.to, now);
        if (!changed) {
          await log.release(slot);
          continue;
        }
        const { name, link } = this.tab(c.entityRef);
        await notifications.send({
          recipients: {
            type: 'entity',
            entityRef: to,
          },
          payload: {
            title: `${name} is now ${STATUS_WORDS[c.to]}`,
            description: `${c.entityRef} went from ${STATUS_WORDS[c.from]} to ${
              STATUS_WORDS[c.to]
            } (${c.scorecard}) on ${day}.${
              c.to === 'ready' ? '' : ' Its Readiness tab says what is open.'
            }`,
            link,
            topic: 'readiness-status',
            scope: `readiness-status:${c.entityRef}:${c.scorecard}`,
            severity: c.to === 'blocked' ? 'high' : 'normal',
          },
        });
        sent++;
      } catch (error) {
        logger.warn(
          `Readiness: could not notify the status of ${c.entityRef}: ${error}`,
        );
        // Not sent: said again at the next change.
        if (changed) await log.restoreValue(key, previous).catch(() => {});
        if (slot) await log.release(slot).catch(() => {});
      }
    }
    return sent;
  }

  /** Attestations and exemptions that run out within a week: once each. */
  async evidenceExpiring(
    items: Array<{
      entityRef: string;
      checkId: string;
      kind: 'attestation' | 'exemption';
      expiresAt: string;
    }>,
  ): Promise<number> {
    let sent = 0;
    for (const e of items) {
      const { name, link } = this.tab(e.entityRef);
      const ok = await this.send(
        `expiring:${e.entityRef}:${e.kind}:${e.checkId}:${e.expiresAt}`,
        Infinity,
        () => this.recipients(e.entityRef),
        {
          title: `${name}: the ${e.kind} of ${
            e.checkId
          } runs out on ${e.expiresAt.slice(0, 10)}`,
          description:
            e.kind === 'attestation'
              ? `Review ${e.checkId} and attest again on the Readiness tab, or the check fails.`
              : `The exemption from ${e.checkId} ends; fix the check or ask for a new exemption.`,
          link,
          topic: 'readiness-evidence',
          scope: `readiness-expiring:${e.entityRef}:${e.checkId}`,
          severity: 'normal',
        },
      );
      if (ok) sent++;
    }
    return sent;
  }

  /**
   * Owner confirmations that run out within a week (or ran out): the role's
   * owner hears once per confirmation, while it still holds the role.
   */
  async confirmationExpiring(
    items: Array<{
      entityRef: string;
      role: 'incident' | 'technical' | 'communication';
      ownerRef: string;
      expiresAt: string;
    }>,
  ): Promise<number> {
    let sent = 0;
    for (const c of items) {
      const owners = await this.options
        .owners(c.entityRef)
        .catch(() => undefined);
      // Another owner holds the role now: its own confirmation counts.
      if (
        !owners ||
        owners[c.role] !== c.ownerRef ||
        !FULL_REF.test(c.ownerRef)
      )
        continue;
      const { name, link } = this.tab(c.entityRef);
      const label = OWNERSHIP_ROLE_LABELS[c.role].toLowerCase();
      const day = c.expiresAt.slice(0, 10);
      const ok = await this.send(
        `confirmation:${c.entityRef}:${c.role}:${c.expiresAt}`,
        Infinity,
        [c.ownerRef],
        {
          title: `${name}: confirm that ${c.ownerRef} is still its ${label} by ${day}`,
          description: `The scorecard asks for the ${label} to be confirmed regularly; after ${day} the check fails. Confirm on the Ownership panel of ${name}, or every role of your group at once with Confirm roles on the group page.`,
          link,
          topic: 'readiness-ownership',
          scope: `readiness-confirmation:${c.entityRef}:${c.role}`,
          severity: 'normal',
        },
      );
      if (ok) sent++;
    }
    return sent;
  }

  /**
   * Initiative reminders of a day: one per owner per day (the key holds the
   * owner and the day, so two replicas or two scans send it once), listing
   * each initiative with its deadline and the owner's entities still open.
   */
  async initiativeReminders(
    day: string,
    reminders: InitiativeReminder[],
  ): Promise<number> {
    let sent = 0;
    for (const r of reminders) {
      if (!FULL_REF.test(r.ownerRef)) continue;
      const soonest = [...r.items].sort((a, b) =>
        a.deadline.localeCompare(b.deadline),
      )[0];
      const open = r.items.reduce((n, i) => n + i.entityRefs.length, 0);
      const ok = await this.send(
        `initiative-reminder:${r.ownerRef}:${day}`,
        Infinity,
        [r.ownerRef],
        {
          title:
            r.items.length === 1
              ? `${soonest.title}: ${open} of your services still open, due ${soonest.deadline}`
              : `${r.items.length} initiatives: ${open} of your services still open, the first due ${soonest.deadline}`,
          description: r.items
            .map(
              i =>
                `${i.title} (due ${i.deadline}): ${i.entityRefs
                  .map(e => parseEntityRef(e).name)
                  .join(', ')}`,
            )
            .join('; '),
          link: '/readiness',
          topic: 'readiness-initiative',
          scope: `readiness-initiative:${r.ownerRef}`,
          severity: 'normal',
        },
      );
      if (ok) sent++;
    }
    return sent;
  }

  /**
   * The weekly digest named by `week`: composed once (a later scan of the
   * same week finds it done and reads nothing), then sent to each team once
   * (the key holds the team and the week, so two replicas or a retry never
   * send it twice). When a send fails, or there was nothing to send, the
   * week is not marked done: the next scan composes again and sends only
   * what is missing.
   */
  async weeklyDigest(
    week: string,
    compose: () => Promise<TeamDigest[]>,
  ): Promise<number> {
    const { notifications, log, logger } = this.options;
    const done = `digest-run:${week}`;
    if (!notifications || (await log.has(done))) return 0;
    let sent = 0;
    let failed = 0;
    const digests = (await compose()).filter(d => FULL_REF.test(d.team));
    for (const d of digests) {
      const { kind, namespace, name } = parseEntityRef(d.team);
      const key = `digest:${d.team}:${week}`;
      // Claimed once per team and week: an earlier scan's is not sent again.
      const ok = await this.send(key, Infinity, [d.team], {
        ...digestMessage(d, name),
        link: `/catalog/${namespace}/${kind.toLocaleLowerCase(
          'en-US',
        )}/${name}`,
        topic: 'readiness-digest',
        scope: `readiness-digest:${d.team}`,
        severity: 'normal',
      });
      if (ok) sent++;
      else if (!(await log.has(key))) failed++;
    }
    // Done when every team's digest is in the log. Nothing to tell anyone
    // (or no results yet, right after a first start): the next scan of the
    // catch-up window looks again. (The scan runs on one replica at a time;
    // the keys keep two at once from sending anything twice.)
    const all =
      failed === 0 &&
      digests.length > 0 &&
      (
        await Promise.all(digests.map(d => log.has(`digest:${d.team}:${week}`)))
      ).every(Boolean);
    if (all) await log.claim(done, this.now());
    else if (digests.length > 0)
      logger.warn(
        `Readiness: ${failed} weekly digests of ${week} not sent; the next scan tries again`,
      );
    return sent;
  }

  /** A day of the first production week passed without its check: once per day. */
  async dailyCheckMissed(entityRef: string, day: string): Promise<boolean> {
    const { name, link } = this.tab(entityRef);
    return this.send(
      `missed:${entityRef}:${day}`,
      Infinity,
      () => this.recipients(entityRef),
      {
        title: `${name}: the daily check of ${day} was missed`,
        description: `In the first production week error rate, latency, failed jobs, user feedback and connector health are checked every day. Record the check of ${day} on the Go-live card, late if need be.`,
        link,
        topic: 'readiness-go-live',
        scope: `readiness-missed:${entityRef}`,
        severity: 'high',
      },
    );
  }

  /**
   * The go-live date came without a launch decision (not Ready, an area
   * incomplete, or roles unsigned): the owners and the members of the
   * sign-off roles' groups hear of it once per date.
   */
  async goLiveDateMissed(
    entityRef: string,
    goLiveDate: string,
    decision: string,
    members: string[],
  ): Promise<boolean> {
    const { name, link } = this.tab(entityRef);
    return this.send(
      `golive-missed:${entityRef}:${goLiveDate}`,
      Infinity,
      async () => [
        ...new Set([...(await this.recipients(entityRef)), ...members]),
      ],
      {
        title: `${name} reached its go-live date ${goLiveDate} without a launch decision`,
        description: `${decision}. A production launch needs every area complete and every role signed; move the date or treat it as a pilot.`,
        link,
        topic: 'readiness-go-live',
        scope: `readiness-golive-missed:${entityRef}`,
        severity: 'high',
      },
    );
  }

  /** An exemption was asked for: the people who grant them are told, once per request. */
  async exemptionRequested(
    entityRef: string,
    request: { id: string; checkTitle: string; reason: string; by: string },
    granters: string[],
  ): Promise<boolean> {
    const { name, link } = this.tab(entityRef);
    return this.send(
      `exemption-request:${entityRef}:${request.id}`,
      Infinity,
      granters.filter(g => FULL_REF.test(g)),
      {
        title: `${name}: an exemption from "${request.checkTitle}" waits for a grant`,
        description: `${request.by} asks: ${request.reason}. Grant or refuse it in the Exemptions panel of the Readiness tab; the person who asked cannot grant it.`,
        link,
        topic: 'readiness-evidence',
        scope: `readiness-exemption-request:${entityRef}:${request.id}`,
        severity: 'normal',
      },
      request.by,
    );
  }

  /** Asks the roles that have not signed (their groups, else the owners): once a day per role. */
  async signoffRequested(
    entityRef: string,
    roles: Array<SignoffRole & { members?: string[] }>,
    by: string,
    goLiveDate?: string,
  ): Promise<number> {
    const { name, link } = this.tab(entityRef);
    const owners = await this.recipients(entityRef);
    let sent = 0;
    for (const role of roles) {
      const ok = await this.send(
        `signoff-request:${entityRef}:${role.id}`,
        DAY_MS,
        // The members of the role's group, else the owners; never the requester.
        role.members ?? owners,
        {
          title: `Sign-off requested: ${name}${
            goLiveDate ? ` goes live ${goLiveDate}` : ''
          }`,
          description: `${by} asks the ${role.title} to sign ${entityRef} off for go-live on its Readiness tab.`,
          link,
          topic: 'readiness-go-live',
          scope: `readiness-signoff:${entityRef}:${role.id}`,
          severity: 'normal',
        },
        by,
      );
      if (ok) sent++;
    }
    return sent;
  }
}
