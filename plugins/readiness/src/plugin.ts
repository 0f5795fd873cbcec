import { createPlugin } from '@backstage/core-plugin-api';

/**
 * The Readiness frontend plugin, for apps on the legacy frontend system.
 *
 * @public
 */
export const readinessPlugin = createPlugin({
  id: 'readiness',
});
