import { component, runCheck } from '../testUtils';

describe('relation checks', () => {
  const partOfSystem = {
    type: 'relation',
    with: { type: 'partOf', targetKind: 'system' },
  };

  it('counts catalog relations of a type to a kind', () => {
    const e = {
      ...component('a'),
      relations: [
        { type: 'partOf', targetRef: 'system:default/checkout' },
        { type: 'ownedBy', targetRef: 'group:default/payments' },
      ],
    };
    expect(runCheck(partOfSystem, e)).toMatchObject({
      result: 'pass',
      message: 'has 1 parent system',
    });
    expect(
      runCheck({ type: 'relation', with: { type: 'providesApi', min: 2 } }, e),
    ).toMatchObject({
      result: 'fail',
      message: 'has no provided APIs, expected at least 2',
      observed: 0,
      threshold: 2,
    });
    // Other relation types keep their name.
    expect(
      runCheck({ type: 'relation', with: { type: 'apiProvidedBy' } }, e)
        .message,
    ).toBe('has no apiProvidedBy relations, expected at least 1');
  });

  it('derives relations from spec fields for entities read from files', () => {
    const e = component('a', {
      spec: {
        system: 'checkout',
        providesApis: ['payments-api', 'api:refunds'],
        dependsOn: ['resource:db'],
      },
    });
    expect(runCheck(partOfSystem, e).result).toBe('pass');
    expect(
      runCheck(
        {
          type: 'relation',
          with: { type: 'providesApi', targetKind: 'api', min: 2 },
        },
        e,
      ).result,
    ).toBe('pass');
    expect(
      runCheck(
        {
          type: 'relation',
          with: { type: 'dependsOn', targetKind: 'resource' },
        },
        e,
      ).result,
    ).toBe('pass');
    expect(runCheck(partOfSystem, component('b')).result).toBe('fail');
  });
});
