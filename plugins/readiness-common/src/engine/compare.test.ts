import { compileComparison, Comparison } from './compare';

const run = (c: Comparison, value: unknown) => compileComparison(c)(value);

describe('compileComparison', () => {
  it.each<[Comparison, unknown, boolean]>([
    [{ op: 'exists' }, 'x', true],
    [{ op: 'exists' }, '', true],
    [{ op: 'exists' }, undefined, false],
    [{ op: 'exists' }, null, false],
    [{ op: 'absent' }, undefined, true],
    [{ op: 'absent' }, 0, false],
    [{ op: 'notEmpty' }, 'x', true],
    [{ op: 'notEmpty' }, '  ', false],
    [{ op: 'notEmpty' }, [], false],
    [{ op: 'notEmpty' }, {}, false],
    [{ op: 'notEmpty' }, ['a'], true],
    [{ op: 'notEmpty' }, 0, true],
    [{ op: 'equals', value: 'production' }, 'production', true],
    [{ op: 'equals', value: 'production' }, 'Production', false],
    [{ op: 'equals', value: 3 }, '3', true],
    [{ op: 'equals', value: true }, true, true],
    [{ op: 'equals', value: 'a' }, ['b', 'a'], true],
    [{ op: 'oneOf', values: ['service', 'website'] }, 'Website', true],
    [{ op: 'oneOf', values: ['service', 'website'] }, 'library', false],
    [{ op: 'matches', pattern: '^https://' }, 'https://x', true],
    [{ op: 'matches', pattern: '^https://' }, 'http://x', false],
    [{ op: 'matches', pattern: '^HTTPS', flags: 'i' }, 'https://x', true],
    [{ op: 'matches', pattern: 'x' }, 42, false],
    [{ op: 'matches', pattern: '^https' }, ['ftp://a', 'https://b'], true],
    [{ op: 'gt', value: 1 }, 2, true],
    [{ op: 'gt', value: 2 }, 2, false],
    [{ op: 'gte', value: 2 }, 2, true],
    [{ op: 'lt', value: 200 }, 199.9, true],
    [{ op: 'lte', value: 200 }, '200', true],
    [{ op: 'lte', value: 200 }, 201, false],
    [{ op: 'lte', value: 200 }, 'fast', false],
    [{ op: 'lte', value: 200 }, undefined, false],
    [{ op: 'lte', value: '4h' }, '4h', true],
    [{ op: 'lte', value: '4h' }, 'PT3H30M', true],
    [{ op: 'lte', value: 'PT4H' }, '240m', true],
    [{ op: 'lte', value: '4h' }, '1d', false],
    [{ op: 'lt', value: '1h' }, '1h', false],
    [{ op: 'lte', value: '4h' }, 4, false],
    [{ op: 'lte', value: '4h' }, 'four hours', false],
  ])('%j on %j is %s', (c, value, ok) => {
    expect(run(c, value).ok).toBe(ok);
  });

  it('reports what was found and what was expected', () => {
    expect(run({ op: 'lte', value: 200 }, 240)).toEqual({
      ok: false,
      found: 'is 240',
      expected: 'expected ≤ 200',
      observed: 240,
      threshold: 200,
    });
    expect(run({ op: 'oneOf', values: ['a', 'b'] }, undefined)).toMatchObject({
      found: 'is missing',
      expected: 'expected one of "a", "b"',
    });
    expect(run({ op: 'gt', value: 1 }, 'soon').found).toBe(
      'is "soon", not a number',
    );
    expect(run({ op: 'notEmpty' }, '').found).toBe('is empty');
    expect(run({ op: 'lte', value: '1h' }, 'hourly')).toMatchObject({
      found: 'is "hourly", not a duration',
      expected: 'expected ≤ 1h',
    });
  });
});
