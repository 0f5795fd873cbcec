import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { readinessPlugin } from './plugin';
import alphaPlugin from './alpha';
import { isReadinessAvailable, readinessEntityFilter } from './filters';
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

  it('shows the tab where readinessEntityFilter matches, or where app-config says', () => {
    const tab = alphaPlugin.getExtension('entity-content:readiness');
    const filterOf = (config?: object) =>
      createExtensionTester(tab, config ? { config } : undefined).get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;
    expect(filterOf()(entity('Component'))).toBe(true);
    expect(readinessEntityFilter).toEqual({
      kind: { $in: ['component', 'system', 'domain'] },
    });
    expect(filterOf()(entity('Resource'))).toBe(false);
    const custom = filterOf({ filter: { kind: 'resource' } });
    expect(custom(entity('Resource'))).toBe(true);
    expect(custom(entity('Component'))).toBe(false);
  });
});
