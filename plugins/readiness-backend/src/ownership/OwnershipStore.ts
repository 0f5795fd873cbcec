import { ConflictError } from '@backstage/errors';
import {
  NamedOwnerRole,
  OwnerConfirmation,
  OwnershipRole,
  OWNERSHIP_ROLES,
  OwnershipRoles,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import type {
  OwnershipChange,
  StoredOwnership,
} from '../platform/database/types';
import { iso, orUndefined, TABLES } from '../platform/database/util';

const {
  ownership: OWNERSHIP,
  ownershipChanges: OWNERSHIP_CHANGES,
  ownerConfirmations: CONFIRMATIONS,
} = TABLES;

const toConfirmation = (r: any): OwnerConfirmation => ({
  entityRef: r.entity_ref,
  role: r.role,
  ownerRef: r.owner_ref,
  confirmedBy: r.confirmed_by,
  confirmedAt: iso(r.confirmed_at),
  reason: orUndefined(r.reason),
});

const toOwnership = (r: any): StoredOwnership => ({
  entityRef: r.entity_ref,
  roles: JSON.parse(r.roles),
  baseline: r.baseline ? JSON.parse(r.baseline) : {},
  version: Number(r.version),
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
});

/**
 * Ownership edits made in the UI (per-field overrides of catalog-info.yaml),
 * versioned for optimistic locking, with the history of every save.
 */
export class OwnershipStore {
  constructor(private readonly db: Knex) {}

  async getOwnership(entityRef: string): Promise<StoredOwnership | undefined> {
    const row = await this.db(OWNERSHIP).where('entity_ref', entityRef).first();
    return row ? toOwnership(row) : undefined;
  }

  async listOwnerships(): Promise<StoredOwnership[]> {
    return (await this.db(OWNERSHIP).select()).map(toOwnership);
  }

  /**
   * Saves the overrides if the stored version is still `expectedVersion` (0
   * when none is stored), and records the change of the effective roles
   * (`before` → `after`) in the history; otherwise throws ConflictError. The
   * row stays when every override is removed, so versions never go back.
   */
  async saveOwnership(
    entityRef: string,
    roles: OwnershipRoles,
    options: {
      expectedVersion: number;
      baseline: OwnershipRoles;
      /** The effective roles before and after, for the history. */
      before: OwnershipRoles;
      after: OwnershipRoles;
      by: string;
      reason?: string;
      at: string;
    },
  ): Promise<StoredOwnership> {
    return this.db.transaction(async tx => {
      const current = await tx(OWNERSHIP)
        .where('entity_ref', entityRef)
        .first();
      const version = current ? Number(current.version) : 0;
      if (version !== options.expectedVersion) {
        throw new ConflictError(
          `The ownership of ${entityRef} was changed by ${
            current?.updated_by ?? 'someone'
          } since version ${
            options.expectedVersion
          } (now version ${version}); reload and try again`,
        );
      }
      const next = {
        entity_ref: entityRef,
        roles: JSON.stringify(roles),
        baseline: JSON.stringify(options.baseline),
        version: version + 1,
        updated_by: options.by,
        updated_at: options.at,
      };
      if (current) {
        const updated = await tx(OWNERSHIP)
          .where({ entity_ref: entityRef, version })
          .update(next);
        if (updated !== 1)
          throw new ConflictError(
            `The ownership of ${entityRef} changed while saving; reload and try again`,
          );
      } else {
        try {
          await tx(OWNERSHIP).insert(next);
        } catch (e) {
          throw new ConflictError(
            `The ownership of ${entityRef} was just created by someone else; reload and try again`,
          );
        }
      }
      await tx(OWNERSHIP_CHANGES).insert({
        entity_ref: entityRef,
        old_roles: JSON.stringify(options.before),
        new_roles: JSON.stringify(options.after),
        changed_by: options.by,
        changed_at: options.at,
        reason: options.reason ?? null,
      });
      return toOwnership(next);
    });
  }

  /**
   * The roles stored edits give `ownerRef`, each with the save that named
   * them (the latest change of that role to this owner).
   */
  async listNamedRoles(ownerRef: string): Promise<NamedOwnerRole[]> {
    const out: NamedOwnerRole[] = [];
    for (const edit of await this.listOwnerships()) {
      const roles = OWNERSHIP_ROLES.filter(r => edit.roles[r] === ownerRef);
      if (!roles.length) continue;
      const history = await this.getOwnershipChanges(edit.entityRef, 500);
      for (const role of roles) {
        const naming = history.find(
          h => h.newRoles[role] === ownerRef && h.oldRoles?.[role] !== ownerRef,
        );
        out.push({
          entityRef: edit.entityRef,
          role,
          namedBy: naming?.changedBy ?? edit.updatedBy,
          namedAt: naming?.changedAt ?? edit.updatedAt,
          reason: naming?.reason,
        });
      }
    }
    return out;
  }

  /**
   * Records that `roles` (role → the owner in effect) are confirmed: the
   * latest confirmation of each role is replaced. With `history`, a row in
   * the ownership history says so (a save that names an owner has its own).
   */
  async confirm(
    entityRef: string,
    roles: Partial<Record<OwnershipRole, string>>,
    options: {
      by: string;
      at: string;
      reason?: string;
      /** The roles in effect, for the history row. */
      history?: OwnershipRoles;
    },
  ): Promise<void> {
    const rows = Object.entries(roles).map(([role, ownerRef]) => ({
      entity_ref: entityRef,
      role,
      owner_ref: ownerRef,
      confirmed_by: options.by,
      confirmed_at: options.at,
      reason: options.reason ?? null,
    }));
    if (!rows.length) return;
    await this.db.transaction(async tx => {
      await tx(CONFIRMATIONS)
        .insert(rows)
        .onConflict(['entity_ref', 'role'])
        .merge(['owner_ref', 'confirmed_by', 'confirmed_at', 'reason']);
      if (options.history)
        await tx(OWNERSHIP_CHANGES).insert({
          entity_ref: entityRef,
          old_roles: JSON.stringify(options.history),
          new_roles: JSON.stringify(options.history),
          changed_by: options.by,
          changed_at: options.at,
          reason: options.reason ?? null,
          confirmed: JSON.stringify(Object.keys(roles)),
        });
    });
  }

  /** What the evaluation overlays on catalog entities: every edit and every confirmation. */
  async evaluationInputs(): Promise<{
    edits: StoredOwnership[];
    confirmations: OwnerConfirmation[];
  }> {
    const [edits, confirmations] = await Promise.all([
      this.listOwnerships(),
      this.listConfirmations(),
    ]);
    return { edits, confirmations };
  }

  /** The latest confirmation of every entity's roles (for the evaluation). */
  async listConfirmations(): Promise<OwnerConfirmation[]> {
    return (await this.db(CONFIRMATIONS).select()).map(toConfirmation);
  }

  /** The latest confirmation of each role of one entity. */
  async getConfirmations(entityRef: string): Promise<OwnerConfirmation[]> {
    return (
      await this.db(CONFIRMATIONS).where('entity_ref', entityRef).select()
    ).map(toConfirmation);
  }

  /** The latest saves of one entity, newest first. */
  async getOwnershipChanges(
    entityRef: string,
    limit = 50,
  ): Promise<OwnershipChange[]> {
    const rows = await this.db(OWNERSHIP_CHANGES)
      .where('entity_ref', entityRef)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(r => ({
      entityRef: r.entity_ref,
      oldRoles: r.old_roles ? JSON.parse(r.old_roles) : undefined,
      newRoles: JSON.parse(r.new_roles),
      changedBy: r.changed_by,
      changedAt: iso(r.changed_at),
      reason: orUndefined(r.reason),
      confirmed: r.confirmed ? JSON.parse(r.confirmed) : undefined,
    }));
  }
}
