import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  OwnershipRole,
} from '@readiness/backstage-plugin-readiness-common';

/**
 * Demo only, and the one record the demo writes around the API: moves an
 * ownership save (and the confirmation it made) of `entityRef` back by
 * `days`, as if it had been made last quarter. The API stamps the time of the
 * call, so without this a fresh demo could never show a confirmation about
 * to run out. The save itself went through the API (permission, history,
 * audit); only its times move. Tables as the Readiness backend's migrations
 * create them (`readiness_ownership`, `readiness_ownership_changes`,
 * `readiness_owner_confirmations`).
 */
export async function ageOwnershipSave(options: {
  database: DatabaseService;
  entityRef: string;
  role: OwnershipRole;
  days: number;
  now: () => number;
}): Promise<void> {
  const { entityRef, role } = options;
  const db = await options.database.getClient();
  // ISO strings, as the Readiness backend's stores write them.
  const at = new Date(options.now() - options.days * DAY_MS).toISOString();
  await db.transaction(async tx => {
    await tx('readiness_owner_confirmations')
      .where({ entity_ref: entityRef, role })
      .update({ confirmed_at: at });
    await tx('readiness_ownership_changes')
      .where({ entity_ref: entityRef })
      .update({ changed_at: at });
    await tx('readiness_ownership')
      .where({ entity_ref: entityRef })
      .update({ updated_at: at });
  });
}
