import { mockServices } from '@backstage/backend-test-utils';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import { missingSignoffGroups } from './signoffGroups';

const cards = ScorecardRegistry.fromConfig(
  mockServices.rootConfig({ data: readinessConfig() }),
).list();
const org = exampleEntities().filter(e => ['User', 'Group'].includes(e.kind));

describe('missingSignoffGroups', () => {
  it('names each sign-off role whose group the catalog does not have', () => {
    const withoutSecurity = org.filter(
      e => !(e.kind === 'Group' && e.metadata.name === 'security'),
    );
    expect(missingSignoffGroups(cards, withoutSecurity)).toEqual(
      new Map([
        [
          'production',
          [
            'sign-off role Security team names group:default/security, which the catalog does not have: nobody can sign it',
          ],
        ],
      ]),
    );
  });

  it('names nothing when every group exists, or while the catalog is still empty', () => {
    expect(missingSignoffGroups(cards, org).size).toBe(0);
    expect(missingSignoffGroups(cards, []).size).toBe(0);
  });
});
