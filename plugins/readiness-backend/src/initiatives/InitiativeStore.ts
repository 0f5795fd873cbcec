import { ConflictError, NotFoundError } from '@backstage/errors';
import type { InitiativeInput } from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import { iso, orUndefined, TABLES } from '../platform/database/util';

/** An initiative as stored (its progress is computed, not stored). */
export interface StoredInitiative extends InitiativeInput {
  id: string;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

const toInitiative = (r: any): StoredInitiative => ({
  id: String(r.id),
  title: r.title,
  description: orUndefined(r.description),
  scorecard: r.scorecard,
  goal: JSON.parse(r.goal),
  scope: JSON.parse(r.scope),
  startsOn: r.starts_on,
  deadline: r.deadline,
  owner: r.owner_ref,
  sponsor: orUndefined(r.sponsor_ref),
  status: r.status,
  version: Number(r.version),
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
});

const columns = (i: InitiativeInput) => ({
  title: i.title,
  description: i.description ?? null,
  scorecard: i.scorecard,
  goal: JSON.stringify(i.goal),
  scope: JSON.stringify(i.scope),
  starts_on: i.startsOn,
  deadline: i.deadline,
  owner_ref: i.owner,
  sponsor_ref: i.sponsor ?? null,
  status: i.status,
});

/** Initiatives, versioned: an edit must name the version it read. */
export class InitiativeStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<StoredInitiative[]> {
    return (
      await this.db(TABLES.initiatives).orderBy('deadline').orderBy('id')
    ).map(toInitiative);
  }

  async get(id: string): Promise<StoredInitiative> {
    const row = /^\d+$/.test(id)
      ? await this.db(TABLES.initiatives).where('id', Number(id)).first()
      : undefined;
    if (!row) throw new NotFoundError(`No initiative ${id}`);
    return toInitiative(row);
  }

  async create(
    input: InitiativeInput,
    by: string,
    at: string,
  ): Promise<StoredInitiative> {
    const [row] = await this.db(TABLES.initiatives)
      .insert({
        ...columns(input),
        version: 1,
        created_by: by,
        created_at: at,
        updated_by: by,
        updated_at: at,
      })
      .returning('id');
    return this.get(String(typeof row === 'object' ? row.id : row));
  }

  /** Replaces the fields if `expectedVersion` is still current; else ConflictError. */
  async update(
    id: string,
    input: InitiativeInput,
    expectedVersion: number,
    by: string,
    at: string,
  ): Promise<StoredInitiative> {
    const current = await this.get(id);
    const updated = await this.db(TABLES.initiatives)
      .where({ id: Number(id), version: expectedVersion })
      .update({
        ...columns(input),
        version: expectedVersion + 1,
        updated_by: by,
        updated_at: at,
      });
    if (updated !== 1)
      throw new ConflictError(
        `Initiative ${id} was changed by ${current.updatedBy} since version ${expectedVersion} (now version ${current.version}); reload and try again`,
      );
    return this.get(id);
  }
}
