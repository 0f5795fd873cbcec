import { component, runCheck } from '../testUtils';

const runbook = "metadata.annotations['readiness/runbook']";

describe('catalog checks', () => {
  it('passes and fails a field predicate with a message naming the path', () => {
    const check = {
      type: 'catalog',
      with: { path: runbook, op: 'matches', pattern: '^https://' },
    };
    expect(
      runCheck(
        check,
        component('a', { annotations: { 'readiness/runbook': 'https://r' } }),
      ),
    ).toMatchObject({
      result: 'pass',
      message: `${runbook} is "https://r"`,
    });
    expect(runCheck(check, component('a'))).toMatchObject({
      result: 'fail',
      message: `${runbook} is missing, expected to match /^https:///`,
    });
  });

  it('compares numbers and reports observed value and threshold', () => {
    const check = {
      type: 'catalog',
      with: { path: 'spec.replicas', op: 'gte', value: 2 },
    };
    expect(
      runCheck(check, component('a', { spec: { replicas: 1 } })),
    ).toMatchObject({
      result: 'fail',
      message: 'spec.replicas is 1, expected ≥ 2',
      observed: 1,
      threshold: 2,
    });
  });

  it('combines predicates with all, any and not', () => {
    const check = {
      type: 'catalog',
      with: {
        all: [
          {
            any: [
              { path: runbook, op: 'notEmpty' },
              { path: 'metadata.links[type=runbook].url', op: 'notEmpty' },
            ],
          },
          {
            not: { path: 'spec.lifecycle', op: 'equals', value: 'deprecated' },
          },
        ],
      },
    };
    const withLink = component('a', {
      links: [{ type: 'runbook', url: 'https://r' }],
    });
    expect(runCheck(check, withLink).result).toBe('pass');
    const none = runCheck(check, component('b'));
    expect(none.result).toBe('fail');
    expect(none.message).toBe(
      `none holds: ${runbook} is missing, expected a value / metadata.links[type=runbook].url is missing, expected a value`,
    );
    const deprecated = runCheck(
      check,
      component('c', {
        annotations: { 'readiness/runbook': 'x' },
        spec: { lifecycle: 'deprecated' },
      }),
    );
    expect(deprecated).toMatchObject({
      result: 'fail',
      message: 'spec.lifecycle is "deprecated", which it must not',
    });
  });
});
