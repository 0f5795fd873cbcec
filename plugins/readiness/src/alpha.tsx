import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The Readiness frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'readiness',
  extensions: [],
});
