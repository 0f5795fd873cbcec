import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DAY_MS,
  Initiative,
  initiativePace,
  InboxItem,
  InboxResponse,
  OWNERSHIP_ROLE_LABELS,
  OwnershipRole,
  readinessExemptionCreatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import type { EvaluationStateStore } from '../evaluation/EvaluationStateStore';
import type { EvidenceStore } from '../evidence/EvidenceStore';
import type { GoLiveService } from '../goLive/GoLiveService';
import type { OwnershipStore } from '../ownership/OwnershipStore';
import { Access } from '../platform/access';

/** How far ahead expiring evidence and confirmations are listed. */
export const INBOX_HORIZON_MS = 14 * DAY_MS;

const name = (ref: string) => parseEntityRef(ref).name;

/**
 * "Waiting for you": what the signed-in person can act on, gathered from
 * the stores and the same rules the actions use (who may grant an
 * exemption, who may sign a role), so the inbox never offers what the
 * server would refuse.
 */
export class InboxService {
  constructor(
    private readonly options: {
      evidence: EvidenceStore;
      ownership: OwnershipStore;
      evaluationState: EvaluationStateStore;
      goLive: Pick<GoLiveService, 'get'>;
      permissions: PermissionsService;
      auth: AuthService;
      userInfo: UserInfoService;
      /** How long a confirmation of each role lasts (`confirmedWithin`). */
      confirmFor: () => Partial<Record<OwnershipRole, number>>;
      /** The active initiatives these refs own, as the caller sees them, with progress. */
      initiatives?: (
        credentials: BackstageCredentials,
        ownedBy: Set<string>,
      ) => Promise<Initiative[]>;
      now?: () => Date;
    },
  ) {}

  async forUser(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<InboxResponse> {
    // The caller's groups, read once for the items that need them.
    const mine = this.options.userInfo
      .getUserInfo(credentials)
      .then(
        ({ ownershipEntityRefs }) =>
          new Set(ownershipEntityRefs.map(r => r.toLowerCase())),
      );
    const items = (
      await Promise.all([
        this.exemptionRequests(credentials),
        this.signoffs(credentials),
        this.expiring(credentials),
        this.confirmations(mine),
        this.initiativesBehind(credentials, mine),
      ])
    ).flat();
    // The soonest due first; requests (no due date) by how long they wait.
    const at = (i: InboxItem) => i.due ?? i.since ?? '';
    items.sort((a, b) => at(a).localeCompare(at(b)));
    return { items };
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** Requests someone else made, on entities the caller may grant exemptions for. */
  private async exemptionRequests(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<InboxItem[]> {
    const me = credentials.principal.userEntityRef;
    const pending = (
      await this.options.evidence.listPendingExemptions(this.now())
    ).filter(p => p.requestedBy !== me);
    if (!pending.length) return [];
    const may = await new Access(this.options).decide(
      credentials,
      pending.map(p => ({
        permission: readinessExemptionCreatePermission,
        resourceRef: p.entityRef,
      })),
      { people: true },
    );
    return pending
      .filter((_p, i) => may[i])
      .map(p => ({
        kind: 'exemption-request' as const,
        entityRef: p.entityRef,
        title: `Grant or refuse an exemption from ${p.checkId} for ${name(
          p.entityRef,
        )}`,
        detail: `${p.requestedBy ?? 'Someone'} asked: ${p.reason}`,
        since: p.createdAt,
        exemptionId: p.id,
        checkId: p.checkId,
      }));
  }

  /** Open go-live roles the caller may sign now (their group owes them). */
  private async signoffs(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<InboxItem[]> {
    const out: InboxItem[] = [];
    for (const {
      entityRef,
    } of await this.options.evaluationState.listGoLives()) {
      const state = await this.options.goLive
        .get(credentials, entityRef)
        .catch(() => undefined);
      // Sign-off opens at Ready (the server refuses it before).
      if (!state?.goLiveDate || state.status !== 'ready') continue;
      for (const role of state.signoff.roles) {
        if (role.signoff || !role.canSign) continue;
        out.push({
          kind: 'signoff',
          entityRef,
          title: `Sign off ${name(entityRef)} as ${role.title}`,
          detail: `Goes live on ${state.goLiveDate}; ${state.decision.short}`,
          due: state.goLiveDate,
          role: role.id,
        });
      }
    }
    return out;
  }

  /** The caller's own attestations that run out soon. */
  private async expiring(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<InboxItem[]> {
    const now = this.now();
    const me = credentials.principal.userEntityRef;
    const soon = await this.options.evidence.listExpiring(
      now,
      new Date(now.getTime() + INBOX_HORIZON_MS),
    );
    return soon
      .filter(e => e.kind === 'attestation' && e.by === me)
      .map(e => ({
        kind: 'attestation-expiring' as const,
        entityRef: e.entityRef,
        title: `Review ${e.checkId} of ${name(e.entityRef)} and attest again`,
        detail: `Your attestation runs out on ${e.expiresAt.slice(0, 10)}`,
        due: e.expiresAt,
        checkId: e.checkId,
      }));
  }

  /** Roles held by the caller (or their groups) whose confirmation runs out soon. */
  private async confirmations(
    owned: Promise<Set<string>>,
  ): Promise<InboxItem[]> {
    const periods = this.options.confirmFor();
    if (!Object.keys(periods).length) return [];
    const [mine, confirmations] = await Promise.all([
      owned,
      this.options.ownership.listConfirmations(),
    ]);
    const horizon = this.now().getTime() + INBOX_HORIZON_MS;
    return confirmations.flatMap(c => {
      const period = periods[c.role];
      if (period === undefined || !mine.has(c.ownerRef)) return [];
      const until = Date.parse(c.confirmedAt) + period;
      if (until > horizon) return [];
      const label = OWNERSHIP_ROLE_LABELS[c.role].toLowerCase();
      return [
        {
          kind: 'confirmation-due' as const,
          entityRef: c.entityRef,
          title: `Confirm that ${c.ownerRef} is still ${label} of ${name(
            c.entityRef,
          )}`,
          detail: `Last confirmed on ${c.confirmedAt.slice(0, 10)} by ${
            c.confirmedBy
          }; due ${new Date(until).toISOString().slice(0, 10)}`,
          due: new Date(until).toISOString(),
          role: c.role,
        },
      ];
    });
  }

  /** Active initiatives the caller or their groups own that are behind. */
  private async initiativesBehind(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    owned: Promise<Set<string>>,
  ): Promise<InboxItem[]> {
    if (!this.options.initiatives) return [];
    const list = await this.options.initiatives(credentials, await owned);
    const today = this.now().toISOString().slice(0, 10);
    return list.flatMap(i => {
      const pace = initiativePace(i, today);
      if (!pace.behind) return [];
      return [
        {
          kind: 'initiative-behind' as const,
          entityRef: i.owner,
          title: `Initiative "${i.title}" is behind`,
          detail: `${i.progress.met} of ${i.progress.total} meet the goal; ${pace.expected} should by now at an even pace; ${i.progress.open} still open`,
          due: i.deadline,
          initiativeId: i.id,
        },
      ];
    });
  }
}
