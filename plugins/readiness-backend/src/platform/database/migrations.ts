import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * Runs the package's knex migrations. Replicas that start together can race
 * to create knex's own bookkeeping tables; the loser retries, and knex's
 * migration lock lets only one of them apply each migration.
 */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  const directory = resolvePackagePath(
    '@readiness/backstage-plugin-readiness-backend',
    'migrations',
  );
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({
        directory,
        tableName: 'readiness_knex_migrations',
      });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise(r =>
        setTimeout(r, 200 * attempt + Math.random() * 300),
      );
    }
  }
}
