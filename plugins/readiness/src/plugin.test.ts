import { Entity } from '@backstage/catalog-model';
import { readinessPlugin } from './plugin';
import alphaPlugin from './alpha';
import { isReadinessAvailable } from './filters';
import { rootRouteRef } from './routes';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
});

describe('readiness frontend plugin', () => {
  it('shares the org page route between both frontend systems', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    expect(readinessPlugin.routes.root).toBe(rootRouteRef);
    expect(alphaPlugin.id).toBe('readiness');
    expect(alphaPlugin.routes.root).toBe(rootRouteRef);
  });

  it('shows the tab on components, systems and domains only', () => {
    expect(isReadinessAvailable(entity('Component'))).toBe(true);
    expect(isReadinessAvailable(entity('system'))).toBe(true);
    expect(isReadinessAvailable(entity('Domain'))).toBe(true);
    expect(isReadinessAvailable(entity('Group'))).toBe(false);
    expect(isReadinessAvailable(entity('API'))).toBe(false);
  });
});
