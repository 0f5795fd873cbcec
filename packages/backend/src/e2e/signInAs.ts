import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The header that names the person to enter as (`user:default/<name>`). */
export const E2E_USER_HEADER = 'x-readiness-e2e-user';

/** Whether a socket address is on this machine (127.0.0.0/8, ::1, IPv4-mapped). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/, '');
  return address === '::1' || /^127(\.\d{1,3}){3}$/.test(v4);
}

/** Exported for its test: loopback only, a plain user name. */
export const e2eAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { name?: string }) => ({
    profile: result.name ? { displayName: result.name } : {},
  }),
  initialize: () => undefined,
  async authenticate({ req }) {
    if (!isLoopbackAddress(req.socket.remoteAddress))
      throw new NotAllowedError('The end-to-end sign-in answers loopback only');
    const name = req.header(E2E_USER_HEADER);
    if (name !== undefined && !/^[a-z0-9][a-z0-9._-]*$/i.test(name))
      throw new NotAllowedError(`${E2E_USER_HEADER}: not a user name`);
    return { result: { name } };
  },
});

/**
 * End-to-end tests only (the "live" backend on :7008, started by
 * `scripts/e2e-server.js --live`): the guest provider, except that a request
 * from loopback may name the person to enter as in the `x-readiness-e2e-user`
 * header. Playwright gives each signer a browser context with that header, so
 * one test can have five people of five groups sign a go-live through the
 * page. Without the header it enters as `auth.providers.guest.userEntityRef`.
 * The backend adds it instead of the guest module only when
 * `READINESS_E2E_SIGN_IN_AS=1`; a deployed backend never sets that.
 */
export const e2eSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'readiness-e2e-sign-in-as',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const fallback = config.getString('auth.providers.guest.userEntityRef');
        providers.registerProvider({
          providerId: 'guest',
          factory: createProxyAuthProviderFactory({
            authenticator: e2eAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: result.name ? { name: result.name } : fallback,
              }),
          }),
        });
      },
    });
  },
});
