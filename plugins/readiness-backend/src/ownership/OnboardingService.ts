import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BulkOwnershipInput,
  BulkOwnershipOutcome,
  BulkOwnershipResponse,
  entityKey,
  ONBOARDING_FIELDS,
  OnboardingField,
  OnboardingResponse,
  OWNERSHIP_ROLE_ANNOTATIONS,
  OWNERSHIP_ROLES,
  RoleConfirmationResponse,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessNotifier } from '../notifications/ReadinessNotifier';
import type { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import { OnboardingOrg, ownerOf, suggest } from './onboardingSuggestions';
import { newlyNamed } from './ownershipNotices';
import { OwnershipSaveOutcome, OwnershipService } from './OwnershipService';

/** At most this many entities in one list, and in one bulk edit. */
export const ONBOARDING_LIMIT = 500;
export const BULK_LIMIT = 200;

/** Runs one entity's edit (the router wraps it in that entity's audit event). */
export type BulkEditRunner = (
  entityRef: string,
  run: () => Promise<OwnershipSaveOutcome>,
) => Promise<OwnershipSaveOutcome>;

/** The ways a ref may be written in catalog-info.yaml (`payments`, `group:payments`, the full ref). */
function spellingsOf(refs: string[]) {
  return refs.flatMap(ref => {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    if (namespace !== 'default') return [ref];
    // A bare name is a group; any other kind keeps its kind.
    return kind === 'group'
      ? [ref, name, `${kind}:${name}`]
      : [ref, `${kind}:${name}`];
  });
}

function ownerRefOf(owner: unknown): string {
  const ref = tryEntityKey(owner, { defaultKind: 'group' });
  if (!ref || !/^(group|user):/.test(ref))
    throw new InputError(`owner: "${owner}" is not a group or user ref`);
  return ref;
}

const failure = (entityRef: string, error: unknown) => {
  const e = isError(error) ? error : new Error(String(error));
  return {
    entityRef,
    ok: false as const,
    error: { name: e.name, message: e.message },
  };
};
const EXPECTED = /^(InputError|NotAllowedError|NotFoundError|ConflictError)$/;

function fieldOf(value: unknown): OnboardingField {
  if (!(ONBOARDING_FIELDS as readonly unknown[]).includes(value))
    throw new InputError(
      `field: expected one of ${ONBOARDING_FIELDS.join(', ')}`,
    );
  return value as OnboardingField;
}

const ROLES = ['incident', 'technical', 'communication'] as const;
type Role = (typeof ROLES)[number];
const isRole = (f: OnboardingField): f is Role =>
  (ROLES as readonly string[]).includes(f);

/**
 * Bulk onboarding: one ownership field for every entity a group answers
 * for, with suggestions a person accepts or edits. Each entity is saved as
 * a normal edit (its own permission check, If-Match version, history, audit
 * event and re-evaluation); one failing entity never stops the rest, and
 * each newly named owner is told once for the whole run.
 */
export class OnboardingService {
  constructor(
    private readonly options: {
      ownership: OwnershipService;
      catalog: CatalogService;
      scorecards: Pick<ScorecardRegistry, 'list'>;
      logger: LoggerService;
      notifier?: ReadinessNotifier;
    },
  ) {}

  /**
   * The scored entities `owner` owns (`spec.owner`; for a group, its
   * sub-groups' too) that the caller sees, with the field in effect and a
   * suggestion, sorted by name.
   */
  async candidates(
    credentials: BackstageCredentials,
    owner: string,
    field: unknown,
  ): Promise<OnboardingResponse> {
    const f = fieldOf(field);
    const ownerRef = ownerRefOf(owner);
    const { catalog, ownership, scorecards } = this.options;
    const { items: groups } = await catalog.getEntities(
      {
        filter: { kind: 'group' },
        // What suggestions read: names, the tree, the channel.
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.parent',
          'spec.type',
          'spec.profile.displayName',
        ],
      },
      { credentials },
    );
    const org = new OnboardingOrg(groups);
    const owners = new Set(
      ownerRef.startsWith('group:')
        ? org.descendantsAndSelf(ownerRef)
        : [ownerRef],
    );
    const { items } = await catalog.getEntities(
      {
        filter: [
          { 'relations.ownedBy': [...owners] },
          { 'spec.owner': spellingsOf([...owners]) },
        ],
      },
      { credentials },
    );
    const cards = scorecards.list();
    const seen = new Set<string>();
    const owned = items
      .filter(e => {
        const ref = entityKey(e);
        if (seen.has(ref)) return false;
        seen.add(ref);
        const o = ownerOf(e);
        return o && owners.has(o) && cards.some(c => c.appliesTo(e));
      })
      .sort((a, b) =>
        (a.metadata.title ?? a.metadata.name).localeCompare(
          b.metadata.title ?? b.metadata.name,
        ),
      );
    const listed = owned.slice(0, ONBOARDING_LIMIT);
    const refs = listed.map(e => entityKey(e));
    const editable = await ownership.canEditEach(credentials, refs);
    const states = await Promise.all(listed.map(e => ownership.inEffect(e)));
    return {
      owner: ownerRef,
      field: f,
      truncated: owned.length > listed.length,
      items: listed.map((entity: Entity, i) => ({
        entityRef: refs[i],
        title: entity.metadata.title,
        owner: ownerOf(entity),
        version: states[i].version,
        current: states[i].effective[f],
        suggestion: suggest(f, entity, org),
        canEdit: editable[i],
      })),
    };
  }

  /**
   * Sets `input.field` for every listed entity, one after the other, each
   * as its own edit; returns every outcome in the order sent.
   */
  async apply(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    input: BulkOwnershipInput,
    runEach: BulkEditRunner = (_ref, run) => run(),
  ): Promise<BulkOwnershipResponse> {
    const field = fieldOf(input?.field);
    if (!Array.isArray(input.items) || !input.items.length)
      throw new InputError('items: send at least one entity');
    if (input.items.length > BULK_LIMIT)
      throw new InputError(
        `items: at most ${BULK_LIMIT} entities in one bulk edit (got ${input.items.length})`,
      );
    const reason = input.reason?.trim() || undefined;
    const named = new Map<string, string[]>();
    const outcomes: BulkOwnershipOutcome[] = [];
    for (const [i, item] of input.items.entries()) {
      const entityRef = tryEntityKey(item?.entityRef);
      if (!entityRef) {
        outcomes.push({
          entityRef: String(item?.entityRef),
          ok: false,
          error: {
            name: 'InputError',
            message: `items[${i}].entityRef: "${item?.entityRef}" is not an entity ref`,
          },
        });
        continue;
      }
      try {
        const saved = await runEach(entityRef, () =>
          this.options.ownership.save(credentials, entityRef, {
            roles: { [field]: item.value ?? '' },
            reason,
            expectedVersion: item.version,
            notify: false,
          }),
        );
        if (isRole(field) && saved.changed)
          for (const { ownerRef } of newlyNamed(saved.before, saved.after))
            named.set(ownerRef, [...(named.get(ownerRef) ?? []), entityRef]);
        outcomes.push({
          entityRef,
          ok: true,
          changed: saved.changed,
          version: saved.response.version,
        });
      } catch (error) {
        const outcome = failure(entityRef, error);
        if (!EXPECTED.test(outcome.error.name))
          this.options.logger.warn(
            `Readiness: bulk ownership edit of ${entityRef} failed: ${outcome.error.message}`,
          );
        outcomes.push(outcome);
      }
    }
    const notified =
      isRole(field) && named.size && this.options.notifier
        ? await this.options.notifier.ownersNamedInBulk({
            role: field,
            named,
            by: credentials.principal.userEntityRef,
            reason,
          })
        : 0;
    return {
      items: outcomes,
      changed: outcomes.filter(o => o.ok && o.changed).length,
      failed: outcomes.filter(o => !o.ok).length,
      notified,
    };
  }

  /**
   * Confirms, on every entity where `owner` holds the incident, technical
   * or communication role (in catalog-info.yaml or by an edit) and the
   * caller sees it, those roles, each entity as its own audited
   * confirmation; one failing entity never stops the rest.
   */
  async confirmRolesOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    owner: unknown,
    reason: string | undefined,
    runEach: <T>(entityRef: string, run: () => Promise<T>) => Promise<T> = (
      _ref,
      run,
    ) => run(),
  ): Promise<RoleConfirmationResponse> {
    const ownerRef = ownerRefOf(owner);
    const { catalog, ownership } = this.options;
    const spellings = spellingsOf([ownerRef]);
    const [{ items: annotated }, edits] = await Promise.all([
      catalog.getEntities(
        {
          filter: OWNERSHIP_ROLES.map(role => ({
            [`metadata.annotations.${OWNERSHIP_ROLE_ANNOTATIONS[role]}`]:
              spellings,
          })),
        },
        { credentials },
      ),
      ownership.listEdits(),
    ]);
    const named = edits
      .filter(e => OWNERSHIP_ROLES.some(r => e.roles[r] === ownerRef))
      .map(e => e.entityRef);
    const { items: edited } = named.length
      ? await catalog.getEntitiesByRefs({ entityRefs: named }, { credentials })
      : { items: [] };
    const entities = new Map<string, Entity>();
    for (const e of [...annotated, ...edited])
      if (e) entities.set(entityKey(e), e);
    const items: RoleConfirmationResponse['items'] = [];
    for (const [entityRef, entity] of [...entities].slice(
      0,
      ONBOARDING_LIMIT,
    )) {
      const { effective } = await ownership.inEffect(entity);
      const roles = OWNERSHIP_ROLES.filter(r => effective[r] === ownerRef);
      if (!roles.length) continue;
      try {
        await runEach(entityRef, () =>
          ownership.confirm(credentials, entityRef, { roles, reason }),
        );
        items.push({ entityRef, ok: true, roles: [...roles] });
      } catch (error) {
        const outcome = failure(entityRef, error);
        if (!EXPECTED.test(outcome.error.name))
          this.options.logger.warn(
            `Readiness: confirming the roles of ${ownerRef} on ${entityRef} failed: ${outcome.error.message}`,
          );
        items.push(outcome);
      }
    }
    return {
      owner: ownerRef,
      items,
      confirmed: items.filter(i => i.ok).length,
      failed: items.filter(i => !i.ok).length,
    };
  }
}
