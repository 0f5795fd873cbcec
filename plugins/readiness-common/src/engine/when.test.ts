import { component, runCheck } from './testUtils';

const rollbackCheck = {
  type: 'attestation',
  severity: 'critical',
  with: { maxAge: 'P180D' },
  when: {
    filter: {
      "metadata.annotations['readiness/automated-actions']": { not: 'false' },
    },
    reason: 'the service takes no automated actions',
  },
};

describe('a check with when:', () => {
  it('does not apply where the annotation says "false", in any case', () => {
    for (const value of ['false', 'False', 'FALSE'])
      expect(
        runCheck(
          rollbackCheck,
          component('a', {
            annotations: { 'readiness/automated-actions': value },
          }),
        ),
      ).toMatchObject({
        result: 'not-applicable',
        counted: false,
        message: 'Does not apply: the service takes no automated actions',
      });
  });

  it('applies without the annotation and with any other value, a typo included', () => {
    const values = [undefined, 'true', 'yes', 'flase', ''];
    for (const value of values) {
      const r = runCheck(
        rollbackCheck,
        component('a', {
          annotations:
            value === undefined ? {} : { 'readiness/automated-actions': value },
        }),
      );
      expect({ value, result: r.result, counted: r.counted }).toEqual({
        value,
        result: 'fail',
        counted: true,
      });
    }
  });
});
