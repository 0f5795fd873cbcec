import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the org-wide Readiness page (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'readiness' });
