import { DEFAULT_SIGNOFF_ROLES, Signoff, signoffProgress } from './signoff';

const signed = (id: number, role: string, at: string, extra = {}): Signoff => ({
  id,
  role,
  signedBy: `user:default/${role}-lead`,
  signedAt: at,
  ...extra,
});

describe('signoffProgress', () => {
  const roles = DEFAULT_SIGNOFF_ROLES;

  it('is complete when every role has a valid sign-off', () => {
    const all = roles.map((r, i) => signed(i, r.id, '2026-11-30T09:00:00Z'));
    expect(signoffProgress(roles, all, 'ready').complete).toBe(true);
    const partial = signoffProgress(roles, all.slice(1), 'ready');
    expect(partial.complete).toBe(false);
    expect(partial.roles.map(r => [r.id, Boolean(r.signoff)])).toEqual([
      ['infrastructure', false],
      ['security', true],
      ['operations', true],
      ['release-manager', true],
      ['final-approval', true],
    ]);
  });

  it('voids every sign-off while the status is below Ready', () => {
    const all = roles.map((r, i) => signed(i, r.id, '2026-11-30T09:00:00Z'));
    const p = signoffProgress(roles, all, 'needs-work');
    expect(p.complete).toBe(false);
    expect(p.voided).toHaveLength(5);
    expect(p.voided[0].voidReason).toBe('the status is needs-work, not ready');
  });

  it('keeps a voided sign-off void after the status recovers; a new one counts', () => {
    const old = signed(1, 'security', '2026-11-28T09:00:00Z', {
      voidedAt: '2026-11-29T09:00:00Z',
      voidReason: 'the status dropped to blocked',
    });
    const p = signoffProgress(roles, [old], 'ready');
    expect(p.roles.find(r => r.id === 'security')!.signoff).toBeUndefined();
    expect(p.voided).toEqual([old]);
    const again = signed(2, 'security', '2026-11-30T09:00:00Z');
    expect(
      signoffProgress(roles, [old, again], 'ready').roles.find(
        r => r.id === 'security',
      )!.signoff,
    ).toEqual(again);
  });

  it('does not count a sign-off given for another go-live date or scorecard', () => {
    const moved = signed(1, 'security', '2026-11-28T09:00:00Z', {
      goLiveDate: '2026-12-01',
      scorecard: 'production',
    });
    const p = signoffProgress(roles, [moved], 'ready', {
      goLiveDate: '2026-12-15',
      scorecard: 'production',
    });
    expect(p.roles.find(r => r.id === 'security')!.signoff).toBeUndefined();
    expect(p.voided[0].voidReason).toBe(
      'given for the go-live on 2026-12-01; the date is now 2026-12-15',
    );
    expect(
      signoffProgress(roles, [moved], 'ready', {
        goLiveDate: '2026-12-01',
        scorecard: 'pre-production',
      }).voided[0].voidReason,
    ).toBe('given for the scorecard production');
  });

  it('does not count a sign-off once the go-live date is removed', () => {
    const given = signed(1, 'security', '2026-11-28T09:00:00Z', {
      goLiveDate: '2026-12-01',
      scorecard: 'production',
    });
    const p = signoffProgress(roles, [given], 'ready', {
      scorecard: 'production',
    });
    expect(p.roles.find(r => r.id === 'security')!.signoff).toBeUndefined();
    expect(p.voided[0].voidReason).toBe(
      'given for the go-live on 2026-12-01; the date was removed',
    );
  });
});
