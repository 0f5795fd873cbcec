import { Entity } from '@backstage/catalog-model';
import { exampleEntities } from '../__testUtils__/testUtils';
import { OnboardingOrg, suggest } from './onboardingSuggestions';

const org = new OnboardingOrg(exampleEntities());
const service = (owner: string, extra: Partial<Entity['metadata']> = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'new-service', ...extra },
    spec: { owner, lifecycle: 'production', type: 'service' },
  } as Entity);

describe('onboarding suggestions', () => {
  it('proposes the on-call group nearest the owning team, never the team or a group above it', () => {
    // platform has its own on-call sub-group.
    expect(suggest('incident', service('platform'), org)).toEqual({
      value: 'group:default/sre-oncall',
      source: 'on-call group under group:default/platform',
    });
    // identity has none: the rotation under a sibling team, found from engineering.
    expect(suggest('incident', service('group:identity'), org)).toEqual({
      value: 'group:default/sre-oncall',
      source: 'on-call group under group:default/engineering',
    });
    // The on-call group's own service: nothing but itself would match.
    expect(suggest('incident', service('sre-oncall'), org)).toBeUndefined();
    // A person owns it: no group tree to search.
    expect(
      suggest('incident', service('user:default/liam'), org),
    ).toBeUndefined();
  });

  it('takes the technical owner from spec.owner and the channel from the owning group', () => {
    expect(suggest('technical', service('payments'), org)).toEqual({
      value: 'group:default/payments',
      source: 'spec.owner',
    });
    expect(suggest('channel', service('platform'), org)).toEqual({
      value: 'slack:#platform',
      source: 'channel of group:default/platform',
    });
    // payments-risk has no channel.
    expect(suggest('channel', service('payments-risk'), org)).toBeUndefined();
  });

  it('takes the runbook from a link called runbook or playbook', () => {
    const linked = service('payments', {
      links: [
        { url: 'https://docs.acme.example/x', title: 'Docs' },
        { url: 'https://wiki.acme.example/x/rb', title: 'On-call Runbook' },
      ],
    });
    expect(suggest('runbook', linked, org)).toEqual({
      value: 'https://wiki.acme.example/x/rb',
      source: 'metadata.links',
    });
    expect(suggest('runbook', service('payments'), org)).toBeUndefined();
  });
});
