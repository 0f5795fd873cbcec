import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
  readinessFactsWritePermission,
  readinessInitiativeManagePermission,
  readinessSignoffCreatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import { DemoPermissionPolicy } from './permissionPolicy';

function userWith(...ownershipEntityRefs: string[]) {
  return {
    credentials: mockCredentials.user('user:default/someone'),
    info: { userEntityRef: 'user:default/someone', ownershipEntityRefs },
  };
}

const payments = userWith('user:default/guest', 'group:default/payments');
const admin = userWith('user:default/priya.raman', 'group:default/platform');

const entityUpdate = createPermission({
  name: 'readiness.ownership.update',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

describe('DemoPermissionPolicy', () => {
  const policy = new DemoPermissionPolicy();

  it('lets anyone signed in run initiatives, and nobody else', async () => {
    expect(
      await policy.handle(
        { permission: readinessInitiativeManagePermission },
        payments,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle({ permission: readinessInitiativeManagePermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets everyone read', async () => {
    expect(
      await policy.handle(
        { permission: catalogEntityReadPermission },
        payments,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets admins do anything', async () => {
    expect(
      await policy.handle(
        { permission: catalogLocationCreatePermission },
        admin,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await policy.handle({ permission: entityUpdate }, admin)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('limits entity changes to the entity owners', async () => {
    for (const permission of [
      entityUpdate,
      catalogEntityDeletePermission,
      readinessFactsWritePermission,
      readinessAttestationCreatePermission,
    ]) {
      expect(await policy.handle({ permission }, payments)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {
            claims: ['user:default/guest', 'group:default/payments'],
          },
        },
      });
    }
  });

  it('lets anyone signed in ask to sign off; the scorecard decides which role, and no one unsigned', async () => {
    const permission = readinessSignoffCreatePermission;
    expect(await policy.handle({ permission }, payments)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await policy.handle({ permission })).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: [] },
      },
    });
  });

  it('denies other changes to non-admins', async () => {
    expect(
      await policy.handle(
        { permission: catalogLocationCreatePermission },
        payments,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle({ permission: catalogLocationCreatePermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('grants exemptions to admins only, never to the owners themselves', async () => {
    const permission = readinessExemptionCreatePermission;
    expect(await policy.handle({ permission }, payments)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await policy.handle({ permission }, admin)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});
