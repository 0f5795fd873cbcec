import { ConflictError } from '@backstage/errors';
import type { OwnershipRoles } from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import type { OwnershipChange, StoredOwnership } from './types';
import { iso, orUndefined, TABLES } from './util';

const { ownership: OWNERSHIP, ownershipChanges: OWNERSHIP_CHANGES } = TABLES;

const toOwnership = (r: any): StoredOwnership => ({
  entityRef: r.entity_ref,
  roles: JSON.parse(r.roles),
  version: Number(r.version),
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
});

/**
 * Ownership roles edited in the UI, versioned for optimistic locking, with
 * the history of every save.
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
   * Saves roles if the stored version is still `expectedVersion` (0 when
   * none is stored), and records the change; otherwise throws ConflictError.
   */
  async saveOwnership(
    entityRef: string,
    roles: OwnershipRoles,
    options: {
      expectedVersion: number;
      /** The roles before the first edit (from the catalog), for its history line. */
      previous?: OwnershipRoles;
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
      let oldRoles: string | null = null;
      if (current) oldRoles = current.roles;
      else if (options.previous) oldRoles = JSON.stringify(options.previous);
      await tx(OWNERSHIP_CHANGES).insert({
        entity_ref: entityRef,
        old_roles: oldRoles,
        new_roles: next.roles,
        changed_by: options.by,
        changed_at: options.at,
        reason: options.reason ?? null,
      });
      return toOwnership(next);
    });
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
    }));
  }
}
