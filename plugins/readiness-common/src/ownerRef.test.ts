import { parseOwnerRef } from './ownerRef';

describe('parseOwnerRef', () => {
  it.each([
    ['payments', 'group:default/payments'],
    ['group:payments', 'group:default/payments'],
    ['group:default/payments', 'group:default/payments'],
    ['Group:Default/Payments', 'group:default/payments'],
    ['user:default/grace.kim', 'user:default/grace.kim'],
    ['  sre-oncall ', 'group:default/sre-oncall'],
  ])('reads %j as %s', (input, expected) => {
    const result = parseOwnerRef(input);
    expect(result).toMatchObject({ ok: true, refString: expected });
  });

  it('uses the given default namespace', () => {
    expect(parseOwnerRef('team-a', 'acme')).toMatchObject({
      ok: true,
      refString: 'group:acme/team-a',
    });
  });

  it.each([
    [undefined, 'expected an entity ref'],
    ['', 'expected an entity ref'],
    ['Payments Team (ask Liam)', 'is not a group or user name'],
    ['group:', 'is not an entity ref'],
    ['group:default/', 'is not an entity ref'],
    ['a:b:c', 'is not an entity ref'],
    ['component:default/payments-api', 'must be a group or a user'],
    ['group:bad namespace/x', 'invalid namespace'],
  ])('rejects %j with a reason', (input, reason) => {
    const result = parseOwnerRef(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(reason);
  });
});
