import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ReadinessStore } from './ReadinessStore';

/** Knex implementation of {@link ReadinessStore}, for SQLite and PostgreSQL. */
export class DatabaseReadinessStore implements ReadinessStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    return new DatabaseReadinessStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async ping(): Promise<void> {
    await this.db.raw('select 1 as ok');
  }
}
