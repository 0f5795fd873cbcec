import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { Access } from './access';

const read = createPermission({ name: 'x.read', attributes: {} });
const write = createPermission({
  name: 'x.write',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Allows `x.read`, and `x.write` on component:default/mine only. */
function access(withAuth = true) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result:
          r.permission.name === 'x.read' ||
          ('resourceRef' in r && r.resourceRef === 'component:default/mine')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })) as any,
  });
  return new Access({
    permissions,
    ...(withAuth ? { auth: mockServices.auth() } : {}),
  });
}

describe('Access', () => {
  const person = mockCredentials.user('user:default/jane');
  const service = mockCredentials.service('external:ci');

  it('decides by the entity, one answer per request in order', async () => {
    expect(
      await access().decide(person, [
        { permission: write, resourceRef: 'component:default/mine' },
        { permission: write, resourceRef: 'component:default/theirs' },
        { permission: read },
      ]),
    ).toEqual([true, false, true]);
  });

  it('refuses anyone but a signed-in person where a person must vouch', async () => {
    const a = access();
    expect(await a.may(service, write, 'component:default/mine')).toBe(true);
    expect(
      await a.may(service, write, 'component:default/mine', { people: true }),
    ).toBe(false);
    expect(
      await a.may(person, write, 'component:default/mine', { people: true }),
    ).toBe(true);
    // Without the auth service nobody counts as a person: closed, not open.
    expect(
      await access(false).may(person, write, 'component:default/mine', {
        people: true,
      }),
    ).toBe(false);
  });

  it('demands with a message naming what and the permission', async () => {
    await expect(
      access().demand(person, write, 'edit theirs', 'component:default/theirs'),
    ).rejects.toThrow('You may not edit theirs (x.write)');
    await expect(
      access().demand(person, read, 'read x'),
    ).resolves.toBeUndefined();
  });
});
