import { component, group, runCheck } from '../testUtils';

const catalog = [
  group('sre-oncall', { profile: { email: 'oncall@acme.example' } }),
  group('payments-risk'),
  group('support', {}, { 'readiness/communication-channel': 'slack:#support' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'grace' },
    spec: { profile: { email: 'grace@acme.example' } },
  },
];
const role = (r: string, extra: Record<string, unknown> = {}) => ({
  type: 'ownership',
  with: { rule: 'role', role: r, ...extra },
});
const withOwner = (annotation: string, value: string) =>
  component('svc', { annotations: { [annotation]: value } });

describe('ownership checks', () => {
  it('fails when the role is not set', () => {
    expect(
      runCheck(role('incident'), component('svc'), { entities: catalog }),
    ).toMatchObject({
      result: 'fail',
      message:
        'No incident owner: set the readiness/incident-owner annotation to a group or user',
    });
  });

  it('fails with the parse error when the value is malformed', () => {
    const r = runCheck(
      role('technical'),
      withOwner('readiness/technical-owner', 'Payments Team (ask Liam)'),
      { entities: catalog },
    );
    expect(r.result).toBe('fail');
    expect(r.message).toMatch(
      /^readiness\/technical-owner: "Payments Team \(ask Liam\)" is not a group or user name/,
    );
  });

  it('fails when the owner does not exist, and is unknown without a catalog', () => {
    const e = withOwner('readiness/incident-owner', 'group:billing-oncall');
    expect(runCheck(role('incident'), e, { entities: catalog })).toMatchObject({
      result: 'fail',
      message:
        'incident owner group:default/billing-oncall does not exist in the catalog',
    });
    expect(runCheck(role('incident'), e).result).toBe('unknown');
    expect(runCheck(role('incident', { resolve: false }), e).result).toBe(
      'pass',
    );
  });

  it('requires a contact when asked: e-mail or channel for groups, e-mail for users', () => {
    const contact = role('communication', { contact: true });
    const ann = 'readiness/communication-owner';
    expect(
      runCheck(contact, withOwner(ann, 'sre-oncall'), { entities: catalog }),
    ).toMatchObject({
      result: 'pass',
      message:
        'customer-communication owner: sre-oncall (group:default/sre-oncall), reachable at oncall@acme.example',
    });
    expect(
      runCheck(contact, withOwner(ann, 'group:support'), { entities: catalog })
        .result,
    ).toBe('pass');
    expect(
      runCheck(contact, withOwner(ann, 'user:default/grace'), {
        entities: catalog,
      }).result,
    ).toBe('pass');
    expect(
      runCheck(contact, withOwner(ann, 'payments-risk'), { entities: catalog }),
    ).toMatchObject({
      result: 'fail',
      message: expect.stringContaining(
        'group:default/payments-risk has no contact',
      ),
    });
  });

  it('resolves owners in the entity namespace by default', () => {
    const e = component('svc', {
      namespace: 'shop',
      annotations: { 'readiness/incident-owner': 'sre-oncall' },
    });
    expect(runCheck(role('incident'), e, { entities: catalog }).message).toBe(
      'incident owner group:shop/sre-oncall does not exist in the catalog',
    );
  });

  it('checks that roles are held separately', () => {
    const distinct = {
      type: 'ownership',
      with: {
        rule: 'distinct',
        roles: ['incident', 'technical', 'communication'],
      },
    };
    const same = component('svc', {
      annotations: {
        'readiness/incident-owner': 'identity',
        'readiness/technical-owner': 'group:identity',
        'readiness/communication-owner': 'group:default/identity',
      },
    });
    expect(runCheck(distinct, same)).toMatchObject({
      result: 'fail',
      message:
        'group:default/identity is incident owner and technical owner and customer-communication owner; define the roles separately',
    });
    const different = component('svc', {
      annotations: {
        'readiness/incident-owner': 'sre',
        'readiness/technical-owner': 'identity',
      },
    });
    expect(runCheck(distinct, different).result).toBe('pass');
    expect(
      runCheck(
        distinct,
        component('x', { annotations: { 'readiness/incident-owner': 'sre' } }),
      ).result,
    ).toBe('unknown');
  });

  it.each([
    ['slack:#payments-incidents', 'pass'],
    ['slack:payments', 'pass'],
    ['mailto:status@acme.example', 'pass'],
    ['https://status.acme.example', 'pass'],
    ['msteams:Payments/Incidents', 'pass'],
    ['ask in the kitchen', 'fail'],
    ['mailto:nobody', 'fail'],
  ])('communication channel %j: %s', (value, result) => {
    const check = { type: 'ownership', with: { rule: 'channel' } };
    expect(
      runCheck(check, withOwner('readiness/communication-channel', value))
        .result,
    ).toBe(result);
  });

  it('fails without a communication channel', () => {
    expect(
      runCheck(
        { type: 'ownership', with: { rule: 'channel' } },
        component('svc'),
      ).message,
    ).toMatch(/^No communication channel/);
  });

  describe('confirmedWithin', () => {
    const confirmedOn = (at?: string) =>
      component('svc', {
        annotations: {
          'readiness/incident-owner': 'group:sre-oncall',
          ...(at ? { 'readiness/incident-owner-confirmed-at': at } : {}),
        },
      });
    const check = role('incident', { confirmedWithin: 'P90D' });

    it('passes while the owner was confirmed within the period, and says until when', () => {
      const r = runCheck(check, confirmedOn('2026-10-01T09:00:00Z'), {
        entities: catalog,
      });
      expect(r.result).toBe('pass');
      expect(r.message).toMatch(
        /confirmed on 2026-10-01 \(until 2026-12-30\)$/,
      );
    });

    it('fails when the confirmation is older than the period, or there is none', () => {
      const old = runCheck(check, confirmedOn('2026-08-01'), {
        entities: catalog,
      });
      expect(old.result).toBe('fail');
      expect(old.message).toMatch(
        /last confirmed on 2026-08-01, more than P90D ago: confirm the incident owner again$/,
      );
      const never = runCheck(check, confirmedOn(), { entities: catalog });
      expect(never.result).toBe('fail');
      expect(never.message).toMatch(/never confirmed/);
      const bad = runCheck(check, confirmedOn('last week'), {
        entities: catalog,
      });
      expect(bad).toMatchObject({
        result: 'fail',
        message:
          'readiness/incident-owner-confirmed-at: "last week" is not a date',
      });
    });

    it('leaves a failing role failing, whatever the confirmation', () => {
      const e = component('svc', {
        annotations: {
          'readiness/incident-owner': 'group:billing-oncall',
          'readiness/incident-owner-confirmed-at': '2026-11-20',
        },
      });
      expect(runCheck(check, e, { entities: catalog }).message).toBe(
        'incident owner group:default/billing-oncall does not exist in the catalog',
      );
    });

    it('is refused on any rule but role', () => {
      expect(() =>
        runCheck(
          {
            type: 'ownership',
            with: { rule: 'channel', confirmedWithin: 'P90D' },
          },
          confirmedOn(),
        ),
      ).toThrow(/confirmedWithin/);
    });
  });
});
