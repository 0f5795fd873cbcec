import { parseEntityRef } from '@backstage/catalog-model';
import {
  DAY_MS,
  InitiativeDetail,
  OWNERSHIP_ROLE_LABELS,
  OwnershipRole,
  ReadinessStatus,
} from '@readiness/backstage-plugin-readiness-common';
import type { EvidenceStore } from '../evidence/EvidenceStore';

/** How far back "what changed" looks, and how far ahead "expiring" does. */
export const DIGEST_WEEK_MS = 7 * DAY_MS;

/** One result, as the digest reads it. */
export interface DigestResult {
  entityRef: string;
  scorecard: string;
  /** `spec.owner`: the team the digest goes to. */
  owner?: string;
  status: ReadinessStatus;
  score: number;
  failingChecks: string[];
}

/** What the digest is made from; each read once per run, for every team. */
export interface DigestSources {
  /** Every current result, in batches. */
  results(): AsyncIterable<DigestResult[]>;
  /** Each entity's status per scorecard on a day (from the daily history). */
  statusesOn(
    day: string,
  ): Promise<
    Array<{ entityRef: string; scorecard: string; status: ReadinessStatus }>
  >;
  /** Attestations and exemptions that run out between the two times. */
  expiring: EvidenceStore['listExpiring'];
  /** Owner confirmations running out before `until` (or already out). */
  confirmationsDue(until: Date): Promise<
    Array<{
      entityRef: string;
      role: OwnershipRole;
      ownerRef: string;
      expiresAt: string;
    }>
  >;
  /** The active initiatives in full. */
  initiatives(): Promise<InitiativeDetail[]>;
  /** Go-lives with the roles still unsigned and the group each needs. */
  goLives(): Promise<
    Array<{
      entityRef: string;
      goLiveDate?: string;
      status?: ReadinessStatus;
      openRoles: Array<{ title: string; group?: string }>;
    }>
  >;
  /** Exemption requests waiting for a grant. */
  pendingExemptions(): Promise<
    Array<{ entityRef: string; checkId: string; requestedBy?: string }>
  >;
  /** Who grants exemptions (`readiness.exemptions.grantedBy`). */
  granters: string[];
}

/** A line of a digest section: the entity it is about and what to say. */
export interface DigestLine {
  entityRef: string;
  text: string;
}

/** One team's week. */
export interface TeamDigest {
  /** The group (or person) that owns the services: who receives it. */
  team: string;
  /** The day of the week's send time, `YYYY-MM-DD`: names the digest. */
  week: string;
  /** Services owned by the team that are scored. */
  services: number;
  blocked: DigestLine[];
  changed: DigestLine[];
  expiring: DigestLine[];
  initiatives: Array<{
    id: string;
    title: string;
    deadline: string;
    open: number;
  }>;
  /** What the team itself can act on: sign-offs it owes, confirmations, requests it grants. */
  waiting: DigestLine[];
}

const STATUS: Record<ReadinessStatus, string> = {
  ready: 'Ready',
  'needs-work': 'Needs work',
  blocked: 'Blocked',
};
const name = (ref: string) => parseEntityRef(ref).name;
const day = (iso: string) => iso.slice(0, 10);

/**
 * The weekly digest of every team that owns a scored service and has
 * something to hear (a team with every service Ready, nothing changed,
 * nothing expiring and nothing waiting gets none): its blocked services,
 * the status moves of the past seven days (from the daily history), the
 * evidence and confirmations running out in the next seven, the active
 * initiatives where its services are still open, and what waits for it
 * (sign-offs its group owes on Ready go-lives, owner confirmations due,
 * exemption requests when it grants them).
 */
export async function composeDigests(
  sources: DigestSources,
  now: Date,
  week: string,
): Promise<TeamDigest[]> {
  const teams = new Map<string, TeamDigest>();
  const ownerOf = new Map<string, string>();
  const team = (ref: string) => {
    let t = teams.get(ref);
    if (!t) {
      t = {
        team: ref,
        week,
        services: 0,
        blocked: [],
        changed: [],
        expiring: [],
        initiatives: [],
        waiting: [],
      };
      teams.set(ref, t);
    }
    return t;
  };
  const current = new Map<string, DigestResult>();
  for await (const batch of sources.results()) {
    for (const r of batch) {
      if (!r.owner) continue;
      const owner = r.owner.toLocaleLowerCase('en-US');
      const t = team(owner);
      if (!ownerOf.has(r.entityRef)) t.services++;
      ownerOf.set(r.entityRef, owner);
      current.set(`${r.entityRef}\u0000${r.scorecard}`, r);
      if (r.status === 'blocked')
        t.blocked.push({
          entityRef: r.entityRef,
          text: `${name(r.entityRef)} (${r.scorecard}, ${Math.round(
            r.score,
          )} %): ${r.failingChecks.length} check${
            r.failingChecks.length === 1 ? '' : 's'
          } failing`,
        });
    }
  }
  const since = day(new Date(now.getTime() - DIGEST_WEEK_MS).toISOString());
  const before = new Map(
    (await sources.statusesOn(since)).map(p => [
      `${p.entityRef}\u0000${p.scorecard}`,
      p.status,
    ]),
  );
  for (const [key, r] of current) {
    const was = before.get(key);
    // Readiness's first week (no history a week back): nothing is "new".
    if (was === r.status || (!was && before.size === 0)) continue;
    team(ownerOf.get(r.entityRef)!).changed.push({
      entityRef: r.entityRef,
      text: was
        ? `${name(r.entityRef)}: ${STATUS[was]} → ${STATUS[r.status]} (${
            r.scorecard
          })`
        : `${name(r.entityRef)}: newly scored, ${STATUS[r.status]} (${
            r.scorecard
          })`,
    });
  }
  const horizon = new Date(now.getTime() + DIGEST_WEEK_MS);
  for (const e of await sources.expiring(now, horizon)) {
    const owner = ownerOf.get(e.entityRef);
    if (!owner) continue;
    team(owner).expiring.push({
      entityRef: e.entityRef,
      text: `${name(e.entityRef)}: the ${e.kind} of ${
        e.checkId
      } runs out on ${day(e.expiresAt)}`,
    });
  }
  for (const c of await sources.confirmationsDue(horizon)) {
    const owner = ownerOf.get(c.entityRef);
    if (!owner) continue;
    const label = OWNERSHIP_ROLE_LABELS[c.role].toLowerCase();
    // The role's owner confirms: it hears it, owning services or not.
    team(c.ownerRef.toLocaleLowerCase('en-US')).waiting.push({
      entityRef: c.entityRef,
      text: `Confirm ${c.ownerRef} as ${label} of ${name(c.entityRef)} by ${day(
        c.expiresAt,
      )}`,
    });
  }
  for (const i of await sources.initiatives()) {
    const open = new Map<string, number>();
    for (const o of i.open) {
      const owner = ownerOf.get(o.entityRef);
      if (owner) open.set(owner, (open.get(owner) ?? 0) + 1);
    }
    for (const [owner, n] of open)
      team(owner).initiatives.push({
        id: i.id,
        title: i.title,
        deadline: i.deadline,
        open: n,
      });
  }
  for (const g of await sources.goLives()) {
    // Sign-off opens at Ready: before that nothing waits for the signers.
    if (g.status !== 'ready') continue;
    for (const role of g.openRoles) {
      const group = role.group?.toLocaleLowerCase('en-US');
      if (!group) continue;
      team(group).waiting.push({
        entityRef: g.entityRef,
        text: `Sign off ${name(g.entityRef)} as ${role.title}${
          g.goLiveDate ? ` (goes live ${g.goLiveDate})` : ''
        }`,
      });
    }
  }
  // Groups that sign or grant hear of it even when they own no service.
  const granters = sources.granters.map(g => g.toLocaleLowerCase('en-US'));
  if (granters.length) {
    for (const p of await sources.pendingExemptions()) {
      for (const g of granters)
        team(g).waiting.push({
          entityRef: p.entityRef,
          text: `Grant or refuse the exemption from ${p.checkId} for ${name(
            p.entityRef,
          )}${p.requestedBy ? ` asked by ${p.requestedBy}` : ''}`,
        });
    }
  }
  return [...teams.values()].filter(
    t =>
      t.blocked.length +
        t.changed.length +
        t.expiring.length +
        t.initiatives.length +
        t.waiting.length >
      0,
  );
}
