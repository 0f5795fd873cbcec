import type { ReadinessNotifier } from '../../notifications/ReadinessNotifier';
import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  AttestationInput,
  AttestationsResponse,
  ExemptionInput,
  ExemptionsResponse,
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
  readinessResultsReadPermission,
} from '@readiness/backstage-plugin-readiness-common';
import {
  attestableChecks,
  evidenceRequired,
  longestMs,
  manualCheck,
  missingEvidence,
} from './manualChecks';
import { EvidenceStore } from '../EvidenceStore';
import { Access } from '../../platform/access';
import { Evaluator } from '../../evaluation/Evaluator';
import { ScorecardRegistry } from '../../evaluation/ScorecardRegistry';
import { DAY_MS, endOfDay, text, time } from '../../platform/input';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * Attestations and exemptions made by people from the entity's tab: who may
 * (per entity), for which checks, for how long; each change re-evaluates the
 * entity so the tab shows it at once. Expiry needs no job: the engine reads
 * the expiry time and says when it lapsed.
 */
export class ManualEvidenceService {
  constructor(
    private readonly options: {
      evidence: EvidenceStore;
      scorecards: ScorecardRegistry;
      evaluator: Evaluator;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      /** The longest an exemption may last. */
      /** Told when an exemption is asked for (`readiness.exemptions.grantedBy`). */
      granters?: string[];
      notifier?: ReadinessNotifier;
      maxExemptionDays: number;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  private get access() {
    return new Access(this.options);
  }

  /** Whether the caller may ask for (owners) and grant exemptions, people only. */
  private exemptionRights(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean[]> {
    return this.access.decide(
      credentials,
      [
        {
          permission: readinessAttestationCreatePermission,
          resourceRef: entityRef,
        },
        {
          permission: readinessExemptionCreatePermission,
          resourceRef: entityRef,
        },
      ],
      { people: true },
    );
  }

  /** The entity, after checking read access and, if given, `[permission, what]`. */
  private async entity(
    credentials: BackstageCredentials,
    entityRef: string,
    demand?: [ResourcePermission<'catalog-entity'>, string],
  ) {
    await this.access.demand(
      credentials,
      readinessResultsReadPermission,
      'read readiness results',
    );
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    if (demand)
      await this.access.demand(credentials, demand[0], demand[1], entityRef, {
        people: true,
      });
    return entity;
  }

  async listAttestations(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<AttestationsResponse> {
    const entity = await this.entity(credentials, entityRef);
    return {
      checks: attestableChecks(this.options.scorecards, entity),
      items: await this.options.evidence.listAttestations(
        entityRef,
        this.now(),
      ),
      canAttest: await this.access.may(
        credentials,
        readinessAttestationCreatePermission,
        entityRef,
        { people: true },
      ),
    };
  }

  /** Attests a check; the attestation lasts the check's `maxAge` unless it says less. */
  async attest(
    credentials: UserCredentials,
    entityRef: string,
    input: AttestationInput,
  ): Promise<AttestationsResponse> {
    const entity = await this.entity(credentials, entityRef, [
      readinessAttestationCreatePermission,
      `attest for ${entityRef}: only its owners may`,
    ]);
    const check = manualCheck(
      this.options.scorecards,
      entity,
      input.checkId,
      'attestation',
    );
    const now = this.now().getTime();
    let expires = now + longestMs(check.spec.with);
    if (input.expiresAt !== undefined) {
      const t = time(input.expiresAt, 'expiresAt');
      if (t <= now) throw new InputError('expiresAt: must be in the future');
      if (t > endOfDay(expires))
        throw new InputError(
          `expiresAt: valid until ${new Date(expires)
            .toISOString()
            .slice(
              0,
              10,
            )} at the latest (attestations of this check last ${Math.round(
            (expires - now) / DAY_MS,
          )} days)`,
        );
      expires = t;
    }
    const evidenceUrl = text(input.evidenceUrl, 'evidenceUrl', 2000);
    if (evidenceUrl && !/^https?:\/\/\S+$/.test(evidenceUrl))
      throw new InputError(
        `evidenceUrl: "${evidenceUrl}" is not an http(s) URL`,
      );
    const note = text(input.note, 'note', 1000);
    const missing = missingEvidence(
      evidenceRequired(check.spec.with),
      evidenceUrl,
      note,
    );
    if (missing)
      throw new InputError(`${missing} (check "${check.spec.title}")`);
    await this.options.evidence.addAttestation(entityRef, {
      checkId: check.spec.id,
      attestedBy: credentials.principal.userEntityRef,
      attestedAt: new Date(now).toISOString(),
      expiresAt: new Date(expires).toISOString(),
      evidenceUrl,
      note,
    });
    await this.options.evaluator.evaluateNow(entityRef);
    return this.listAttestations(credentials, entityRef);
  }

  /** Revokes an attestation, saying why (`reason`, required). */
  async revokeAttestation(
    credentials: UserCredentials,
    entityRef: string,
    id: string,
    body?: { reason?: unknown },
  ): Promise<AttestationsResponse> {
    await this.entity(credentials, entityRef, [
      readinessAttestationCreatePermission,
      `revoke attestations of ${entityRef}`,
    ]);
    const reason = text(body?.reason, 'reason', 1000, true)!;
    await this.revoke('attestation', credentials, entityRef, id, reason);
    return this.listAttestations(credentials, entityRef);
  }

  async listExemptions(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<ExemptionsResponse> {
    await this.entity(credentials, entityRef);
    const [canRequest, canGrant] = await this.exemptionRights(
      credentials,
      entityRef,
    );
    return {
      items: await this.options.evidence.listExemptions(entityRef, this.now()),
      canRequest: canRequest || canGrant,
      canGrant,
      maxDays: this.options.maxExemptionDays,
    };
  }

  /**
   * Requests an exemption (owners), or grants one at once (whoever has
   * `readiness.exemption.create`).
   */
  async requestExemption(
    credentials: UserCredentials,
    entityRef: string,
    input: ExemptionInput,
  ): Promise<ExemptionsResponse> {
    const entity = await this.entity(credentials, entityRef);
    const [canRequest, canGrant] = await this.exemptionRights(
      credentials,
      entityRef,
    );
    if (!canRequest && !canGrant)
      throw new NotAllowedError(
        `You may not ask for exemptions of ${entityRef}: only its owners may ask, and readiness.exemption.create grants`,
      );
    const check = manualCheck(this.options.scorecards, entity, input.checkId);
    const reason = text(input.reason, 'reason', 1000, true)!;
    const now = this.now().getTime();
    const t = time(input.expiresAt, 'expiresAt');
    if (t <= now) throw new InputError('expiresAt: must be in the future');
    const max = this.options.maxExemptionDays;
    if (t > endOfDay(now + max * DAY_MS))
      throw new InputError(
        `expiresAt: valid until ${new Date(now + max * DAY_MS)
          .toISOString()
          .slice(0, 10)} at the latest (exemptions last at most ${max} days)`,
      );
    const by = credentials.principal.userEntityRef;
    // One open request or exemption per check: a second one would only confuse.
    const open = (
      await this.options.evidence.listExemptions(entityRef, this.now())
    ).find(
      e =>
        e.checkId === check.spec.id &&
        (e.status === 'requested' || e.status === 'granted'),
    );
    if (open)
      throw new ConflictError(
        open.status === 'requested'
          ? `checkId: ${check.spec.title} already has an exemption request by ${open.requestedBy}, waiting for a grant`
          : `checkId: ${
              check.spec.title
            } is already exempt until ${open.expiresAt?.slice(
              0,
              10,
            )} (granted by ${open.approvedBy})`,
      );
    const id = await this.options.evidence.addExemption(
      entityRef,
      {
        checkId: check.spec.id,
        reason,
        expiresAt: new Date(t).toISOString(),
        approvedBy: canGrant ? by : undefined,
      },
      { createdAt: new Date(now).toISOString(), requestedBy: by },
    );
    if (canGrant) await this.options.evaluator.evaluateNow(entityRef);
    // A request waits: tell the people who grant them.
    else
      await this.options.notifier?.exemptionRequested(
        entityRef,
        { id, checkTitle: check.spec.title, reason, by },
        this.options.granters ?? [],
      );
    return this.listExemptions(credentials, entityRef);
  }

  /** Grants someone else's request. */
  async grantExemption(
    credentials: UserCredentials,
    entityRef: string,
    id: string,
  ): Promise<ExemptionsResponse> {
    await this.entity(credentials, entityRef, [
      readinessExemptionCreatePermission,
      `grant exemptions for ${entityRef}`,
    ]);
    const by = credentials.principal.userEntityRef;
    const request = (
      await this.options.evidence.listExemptions(entityRef, this.now())
    ).find(e => e.id === id);
    if (request?.status === 'requested' && request.requestedBy === by)
      throw new NotAllowedError(
        'Someone else must grant an exemption you asked for',
      );
    const done = await this.options.evidence.grantExemption(
      entityRef,
      id,
      by,
      this.now().toISOString(),
    );
    if (!done)
      throw new NotFoundError(
        `No pending exemption request ${id} for ${entityRef}`,
      );
    await this.options.evaluator.evaluateNow(entityRef);
    return this.listExemptions(credentials, entityRef);
  }

  /** Revokes an exemption (granters), or withdraws one's own request. */
  async revokeExemption(
    credentials: UserCredentials,
    entityRef: string,
    id: string,
  ): Promise<ExemptionsResponse> {
    await this.entity(credentials, entityRef);
    const by = credentials.principal.userEntityRef;
    const current = (
      await this.options.evidence.listExemptions(entityRef, this.now())
    ).find(e => e.id === id);
    const ownRequest =
      current?.status === 'requested' && current.requestedBy === by;
    if (!ownRequest)
      await this.access.demand(
        credentials,
        readinessExemptionCreatePermission,
        `revoke exemptions of ${entityRef}`,
        entityRef,
        { people: true },
      );
    await this.revoke('exemption', credentials, entityRef, id);
    return this.listExemptions(credentials, entityRef);
  }

  /** Revokes one attestation or exemption (by the caller) and re-evaluates. */
  private async revoke(
    kind: 'attestation' | 'exemption',
    credentials: UserCredentials,
    entityRef: string,
    id: string,
    reason?: string,
  ) {
    const done = await this.options.evidence.revoke(
      kind,
      entityRef,
      id,
      credentials.principal.userEntityRef,
      this.now().toISOString(),
      reason,
    );
    if (!done)
      throw new NotFoundError(
        `No ${kind} ${id} of ${entityRef} to revoke (already revoked?)`,
      );
    await this.options.evaluator.evaluateNow(entityRef);
  }
}
