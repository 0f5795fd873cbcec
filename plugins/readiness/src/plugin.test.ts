import { readinessPlugin } from './plugin';
import alphaPlugin from './alpha';

describe('readiness frontend plugin', () => {
  it('has the plugin id readiness in both frontend systems', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    expect(alphaPlugin.id).toBe('readiness');
  });
});
