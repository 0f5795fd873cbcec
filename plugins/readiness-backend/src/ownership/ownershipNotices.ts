import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  OWNERSHIP_ROLE_LABELS,
  type OwnershipRoles,
} from '@readiness/backstage-plugin-readiness-common';
import { OWNER_ROLES } from './ownershipInput';

/** The owners a save newly names: a role whose owner changed to someone. */
export function newlyNamed(before: OwnershipRoles, after: OwnershipRoles) {
  return OWNER_ROLES.flatMap(role =>
    after[role] && after[role] !== before[role]
      ? [{ role, ownerRef: after[role]! }]
      : [],
  );
}

/**
 * Tells a group (its members) or a user that they were named incident,
 * technical or communication owner of an entity. One notification per
 * entity, role and owner (Backstage updates it instead of adding another
 * when the same owner is named again); the person who saved is left out.
 * Never throws: a save does not fail because notifications are not set up.
 */
export async function notifyNamedOwners(options: {
  notifications?: NotificationService;
  logger: LoggerService;
  entityRef: string;
  before: OwnershipRoles;
  after: OwnershipRoles;
  by: string;
  reason?: string;
}) {
  const { notifications, logger, entityRef, by } = options;
  if (!notifications) return;
  const { kind, namespace, name } = parseEntityRef(entityRef);
  for (const { role, ownerRef } of newlyNamed(options.before, options.after)) {
    try {
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: ownerRef,
          excludeEntityRef: by,
        },
        payload: {
          title: `You are now ${OWNERSHIP_ROLE_LABELS[
            role
          ].toLowerCase()} of ${name}`,
          description: `${by} named ${ownerRef} ${OWNERSHIP_ROLE_LABELS[
            role
          ].toLowerCase()} of ${entityRef}${
            options.reason ? `: ${options.reason}` : ''
          }. Check the runbook and the channel on its Readiness tab.`,
          link: `/catalog/${namespace}/${kind}/${name}/readiness`,
          topic: 'readiness-ownership',
          scope: `readiness-ownership:${entityRef}:${role}:${ownerRef}`,
          severity: role === 'incident' ? 'high' : 'normal',
        },
      });
    } catch (error) {
      logger.warn(
        `Readiness: could not notify ${ownerRef} that they are ${OWNERSHIP_ROLE_LABELS[
          role
        ].toLowerCase()} of ${entityRef}: ${error}`,
      );
    }
  }
}

/**
 * Tells each owner a bulk edit newly named, once, with every entity it was
 * named for (a team onboarded to twenty services hears of it once, not
 * twenty times); the person who saved is left out. Returns how many were
 * sent. Never throws.
 */
export async function notifyNamedOwnersInBulk(options: {
  notifications?: NotificationService;
  logger: LoggerService;
  role: 'incident' | 'technical' | 'communication';
  /** Owner ref → the entities it was named for. */
  named: Map<string, string[]>;
  by: string;
  reason?: string;
}): Promise<number> {
  const { notifications, logger, role, by } = options;
  if (!notifications) return 0;
  const label = OWNERSHIP_ROLE_LABELS[role].toLowerCase();
  let sent = 0;
  for (const [ownerRef, entityRefs] of options.named) {
    const names = entityRefs.map(r => parseEntityRef(r).name);
    const owner = parseEntityRef(ownerRef);
    const what = names.length === 1 ? names[0] : `${names.length} services`;
    const listed =
      names.length > 10
        ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`
        : names.join(', ');
    try {
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: ownerRef,
          excludeEntityRef: by,
        },
        payload: {
          title: `You are now ${label} of ${what}`,
          description: `${by} named ${ownerRef} ${label} of ${listed}${
            options.reason ? `: ${options.reason}` : ''
          }. Check the runbook and the channel on each Readiness tab.`,
          // The owner's page: its Readiness card lists every role it holds.
          link: `/catalog/${owner.namespace}/${owner.kind}/${owner.name}`,
          topic: 'readiness-ownership',
          severity: role === 'incident' ? 'high' : 'normal',
        },
      });
      sent++;
    } catch (error) {
      logger.warn(
        `Readiness: could not notify ${ownerRef} that they are ${label} of ${listed}: ${error}`,
      );
    }
  }
  return sent;
}
