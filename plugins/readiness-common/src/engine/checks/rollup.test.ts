import { Entity } from '@backstage/catalog-model';
import { compileScorecard } from '../compile';
import { evaluateCatalog } from '../evaluate';
import { parseScorecard } from '../../scorecard/parse';
import { component, group, NOW, scorecardDoc } from '../testUtils';

const services = compileScorecard(
  parseScorecard({
    ...scorecardDoc([
      {
        id: 'runbook',
        title: 'Runbook',
        severity: 'critical',
        type: 'catalog',
        with: {
          path: "metadata.annotations['readiness/runbook']",
          op: 'notEmpty',
        },
      },
      {
        id: 'docs',
        title: 'Docs',
        severity: 'required',
        type: 'catalog',
        with: { path: 'metadata.description', op: 'notEmpty' },
      },
    ]),
    metadata: { name: 'services' },
  }),
);
const rollup = (w: Record<string, unknown>, kinds = ['System', 'Group']) =>
  compileScorecard(
    parseScorecard({
      ...scorecardDoc(
        [
          {
            id: 'parts',
            title: 'Parts',
            severity: 'required',
            type: 'rollup',
            with: w,
          },
        ],
        {
          appliesTo: { kinds },
        },
      ),
      metadata: { name: 'rollup' },
    }),
  );

const ready = (name: string, extra: Record<string, unknown> = {}): Entity => {
  const e = component(name, {
    annotations: { 'readiness/runbook': 'https://r' },
    spec: extra,
  });
  e.metadata.description = 'Documented';
  return e;
};
const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'checkout' },
  spec: { owner: 'payments' },
};

function resultFor(results: ReturnType<typeof evaluateCatalog>, ref: string) {
  const r = results.find(x => x.entityRef === ref && x.scorecard === 'rollup');
  if (!r) throw new Error(`no rollup result for ${ref}`);
  return r.checks[0];
}

describe('rollup checks', () => {
  it('scores a system after its parts, whatever the input order', () => {
    const entities = [
      system,
      ready('a', { system: 'checkout' }),
      component('b', { spec: { system: 'checkout' } }),
    ];
    const results = evaluateCatalog(
      [services, rollup({ of: 'parts', require: 'all-ready' })],
      entities,
      { now: NOW },
    );
    expect(resultFor(results, 'system:default/checkout')).toMatchObject({
      result: 'fail',
      message: '1 of 2 parts are not ready: component:b (blocked)',
    });
  });

  it('supports none-blocked and min-score', () => {
    const entities = [
      system,
      ready('a', { system: 'checkout' }),
      ready('b', { system: 'checkout' }),
    ];
    const results = evaluateCatalog(
      [services, rollup({ require: 'none-blocked' })],
      entities,
      { now: NOW },
    );
    expect(resultFor(results, 'system:default/checkout')).toMatchObject({
      result: 'pass',
      message: 'All 2 parts are not blocked',
    });
    const withBlocked = evaluateCatalog(
      [services, rollup({ require: 'none-blocked' })],
      [
        system,
        ready('a', { system: 'checkout' }),
        component('b', { spec: { system: 'checkout' } }),
      ],
      { now: NOW },
    );
    expect(resultFor(withBlocked, 'system:default/checkout')).toMatchObject({
      result: 'fail',
      message: '1 of 2 parts are blocked: component:b (blocked)',
    });
    const half = [
      system,
      ready('a', { system: 'checkout' }),
      component('b', { spec: { system: 'checkout' } }),
    ];
    const scored = evaluateCatalog(
      [services, rollup({ require: 'min-score', minScore: 80 })],
      half,
      { now: NOW },
    );
    expect(resultFor(scored, 'system:default/checkout')).toMatchObject({
      result: 'fail',
      message: 'Mean score of 2 parts is 50, expected ≥ 80',
    });
  });

  it('rolls owned entities up to parent groups', () => {
    const entities = [
      group('engineering', { children: ['payments'] }),
      group('payments', { parent: 'engineering' }),
      ready('a', { owner: 'payments' }),
      component('b', { spec: { owner: 'group:default/payments' } }),
    ];
    const results = evaluateCatalog(
      [services, rollup({ of: 'owned', kinds: ['component'] })],
      entities,
      { now: NOW },
    );
    expect(resultFor(results, 'group:default/engineering').message).toBe(
      '1 of 2 owned entities are not ready: component:b (blocked)',
    );
  });

  it('is unknown when no part has been scored', () => {
    const results = evaluateCatalog([rollup({})], [system], { now: NOW });
    expect(resultFor(results, 'system:default/checkout')).toMatchObject({
      result: 'unknown',
      message: 'No scored parts yet',
    });
  });
});
