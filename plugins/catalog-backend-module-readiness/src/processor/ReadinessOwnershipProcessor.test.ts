import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { ReadinessOwnershipProcessor } from './ReadinessOwnershipProcessor';

const location = {
  type: 'url',
  target: 'http://example.com/catalog-info.yaml',
};

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'shop', annotations },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  };
}

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const out = await new ReadinessOwnershipProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  expect(out).toBe(entity);
  return emitted.map(r => {
    if (r.type !== 'relation') throw new Error(`unexpected ${r.type}`);
    const { source, type, target } = r.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

describe('ReadinessOwnershipProcessor', () => {
  it('emits both directions for each role, in the entity namespace by default', async () => {
    const relations = await relationsOf(
      component({
        'readiness/incident-owner': 'group:default/sre-oncall',
        'readiness/technical-owner': 'payments',
        'readiness/communication-owner': 'user:grace.kim',
      }),
    );
    expect(relations).toEqual([
      'Component:shop/payments-api incidentOwnedBy group:default/sre-oncall',
      'group:default/sre-oncall incidentOwnerOf Component:shop/payments-api',
      'Component:shop/payments-api technicalOwnedBy group:shop/payments',
      'group:shop/payments technicalOwnerOf Component:shop/payments-api',
      'Component:shop/payments-api communicationOwnedBy user:shop/grace.kim',
      'user:shop/grace.kim communicationOwnerOf Component:shop/payments-api',
    ]);
  });

  it('skips malformed or missing values without failing the entity', async () => {
    const relations = await relationsOf(
      component({
        'readiness/incident-owner': 'Payments Team (ask Liam)',
        'readiness/technical-owner': 'component:default/other',
      }),
    );
    expect(relations).toEqual([]);
  });
});

describe('ReadinessOwnershipProcessor with ownership edits', () => {
  const edits = {
    get: async () =>
      new Map([
        [
          'component:shop/payments-api',
          // Per field: incident and channel edited, runbook removed ('');
          // technical not edited, so it keeps the file's value.
          {
            incident: 'group:default/sre-oncall',
            channel: 'slack:#pay',
            runbook: '',
          },
        ],
      ]),
  };

  it('overlays the edit onto the annotations, then emits relations from them', async () => {
    const processor = new ReadinessOwnershipProcessor(edits);
    const entity = component({
      'readiness/incident-owner': 'group:default/billing-oncall',
      'readiness/technical-owner': 'payments',
      'readiness/runbook': 'https://runbooks.example/old',
    });
    const overlaid = await processor.preProcessEntity(entity);
    expect(overlaid.metadata.annotations).toEqual({
      'readiness/incident-owner': 'group:default/sre-oncall',
      'readiness/technical-owner': 'payments',
      'readiness/communication-channel': 'slack:#pay',
      // What the file says stays readable, for "differs from catalog-info.yaml".
      'readiness/ownership-in-file': JSON.stringify({
        incident: 'group:default/billing-oncall',
        technical: 'payments',
        runbook: 'https://runbooks.example/old',
      }),
    });
    expect(entity.metadata.annotations!['readiness/incident-owner']).toBe(
      'group:default/billing-oncall',
    );
    const relations = await relationsOf(overlaid);
    expect(relations).toEqual([
      'Component:shop/payments-api incidentOwnedBy group:default/sre-oncall',
      'group:default/sre-oncall incidentOwnerOf Component:shop/payments-api',
      'Component:shop/payments-api technicalOwnedBy group:shop/payments',
      'group:shop/payments technicalOwnerOf Component:shop/payments-api',
    ]);
  });

  it('leaves entities without an edit alone', async () => {
    const entity = {
      ...component({}),
      metadata: { name: 'other', namespace: 'shop' },
    };
    expect(
      await new ReadinessOwnershipProcessor(edits).preProcessEntity(entity),
    ).toBe(entity);
  });
});
