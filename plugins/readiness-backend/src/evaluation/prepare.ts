import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OWNERSHIP_IN_FILE,
  CompiledScorecard,
  OwnerConfirmation,
  ownerConfirmedAnnotation,
  OWNERSHIP_ROLE_ANNOTATIONS,
  overlayOwnership,
  parseOwnerRef,
} from '@readiness/backstage-plugin-readiness-common';
import type { StoredOwnership } from '../platform/database/types';
import type { CatalogSnapshot } from './CatalogReader';
import type { EvaluationState } from './EvaluationStateStore';
import { refOf } from './entityFields';
import { inputHash, scorecardFingerprint } from './hash';

/** An entity as the engine sees it, with the hash of its inputs. */
export interface Prepared {
  ref: string;
  entity: Entity;
  inputHash: string;
}

/**
 * The annotations with each confirmation whose owner still holds the role
 * (`readiness/<role>-owner-confirmed-at`; the later one wins when
 * catalog-info.yaml sets it too). A confirmation of an earlier owner counts
 * for nothing.
 */
export function withConfirmations(
  annotations: Record<string, string>,
  confirmations: OwnerConfirmation[],
  namespace: string,
): Record<string, string> {
  const out = { ...annotations };
  for (const c of confirmations) {
    const value = out[OWNERSHIP_ROLE_ANNOTATIONS[c.role]];
    const parsed = value ? parseOwnerRef(value, namespace) : undefined;
    if (!parsed?.ok || parsed.refString !== c.ownerRef) continue;
    const key = ownerConfirmedAnnotation(c.role);
    const had = Date.parse(out[key] ?? '');
    if (!(had >= Date.parse(c.confirmedAt))) out[key] = c.confirmedAt;
  }
  return out;
}

/** Whether an entity must be evaluated: new, changed, new evidence, or due. */
export function isDue(
  p: Prepared,
  state: EvaluationState | undefined,
  now: number,
) {
  return (
    !state ||
    state.inputHash !== p.inputHash ||
    state.evidenceVersion !== state.evaluatedVersion ||
    (state.recheckAt !== undefined && state.recheckAt <= now)
  );
}

/**
 * Turns catalog entities into what the engine evaluates (ownership edits
 * applied), each with the hash of its inputs, caching the hashes of entity
 * objects and organisation snapshots it has seen.
 */
export class EntityPreparer {
  constructor(private readonly scorecards: () => CompiledScorecard[]) {}

  /** The context fingerprint of a snapshot's organisation, computed once. */
  private readonly organisationHashes = new WeakMap<CatalogSnapshot, string>();

  /**
   * The entities as the engine sees them (ownership edits applied), each
   * with a hash of everything its evaluation reads besides evidence and
   * other results: the entity, the organisation (owners, groups, systems,
   * domains) and the scorecards.
   */
  prepare(
    catalogEntities: Entity[],
    snapshot: CatalogSnapshot,
    {
      edits,
      confirmations = [],
    }: { edits: StoredOwnership[]; confirmations?: OwnerConfirmation[] },
  ): Prepared[] {
    let organisation = this.organisationHashes.get(snapshot);
    if (!organisation) {
      organisation = inputHash('', snapshot.organisation);
      this.organisationHashes.set(snapshot, organisation);
    }
    const context = [
      organisation,
      ...this.scorecards().map(scorecardFingerprint),
    ].join(':');
    // Ownership edited in the UI counts at once, whatever the catalog module
    // has overlaid so far: start from what catalog-info.yaml says (kept in
    // `readiness/ownership-in-file` once overlaid), then apply the stored edit.
    // So a save, and a revert to the file, show in the next result.
    const roles = new Map(edits.map(o => [o.entityRef, o.roles]));
    const confirmed = new Map<string, OwnerConfirmation[]>();
    for (const c of confirmations)
      confirmed.set(c.entityRef, [...(confirmed.get(c.entityRef) ?? []), c]);
    return catalogEntities.map(e => {
      const ref = refOf(e);
      const edit = roles.get(ref);
      const confirms = confirmed.get(ref);
      const annotations = e.metadata.annotations;
      if (!edit && !confirms && !annotations?.[ANNOTATION_OWNERSHIP_IN_FILE])
        return { ref, entity: e, inputHash: this.hashOf(context, e) };
      const overlaid = overlayOwnership(annotations, edit ?? {});
      const entity = {
        ...e,
        metadata: {
          ...e.metadata,
          annotations: confirms
            ? withConfirmations(
                overlaid,
                confirms,
                e.metadata.namespace ?? 'default',
              )
            : overlaid,
        },
      };
      return { ref, entity, inputHash: this.hashOf(context, entity) };
    });
  }

  /** Input hashes of catalog entities, kept while the reader keeps the entity object. */
  private readonly inputHashes = new WeakMap<Entity, [string, string]>();

  private hashOf(context: string, entity: Entity): string {
    const known = this.inputHashes.get(entity);
    if (known && known[0] === context) return known[1];
    const hash = inputHash(context, entity);
    this.inputHashes.set(entity, [context, hash]);
    return hash;
  }
}
