import { createBackendModule } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The auth provider id (`/api/auth/demo-seed/refresh`); needs `auth.providers.demo-seed` in config. */
export const DEMO_SIGN_IN_PROVIDER = 'demo-seed';
export const DEMO_USER_HEADER = 'x-readiness-demo-user';
export const DEMO_SECRET_HEADER = 'x-readiness-demo-secret';

/**
 * A secret that lives only in this process: the seed step, running in the
 * same backend, sends it; nobody else can know it, so the provider cannot be
 * used from outside even where the demo is reachable.
 */
export const demoSignInSecret = randomBytes(32).toString('hex');

const sameSecret = (given: unknown) => {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(demoSignInSecret);
  return a.length === b.length && timingSafeEqual(a, b);
};

const authenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { name: string }) => ({
    profile: { displayName: result.name },
  }),
  initialize: () => undefined,
  async authenticate({ req }) {
    const name = req.header(DEMO_USER_HEADER);
    if (!sameSecret(req.header(DEMO_SECRET_HEADER)) || !name)
      throw new NotAllowedError('Only the demo seed step signs in here');
    return { result: { name } };
  },
});

/**
 * Demo only: lets the demo's seed step sign in as the example catalog's
 * people (`user:default/<name>`, resolved in the catalog, so their group
 * memberships and the permission policy apply as for anyone), so that it
 * attests and grants exemptions through the same routes people use.
 */
export const demoSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'readiness-demo-seed-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: DEMO_SIGN_IN_PROVIDER,
          factory: createProxyAuthProviderFactory({
            authenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: { name: result.name } }),
          }),
        });
      },
    });
  },
});
