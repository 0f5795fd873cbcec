import { component, runCheck } from '../testUtils';

const ref = 'component:default/svc';
const check = { type: 'attestation', with: { maxAge: 'P90D' } };
const attest = (a: Record<string, unknown>) => ({
  attestations: {
    [ref]: [
      {
        checkId: 'c',
        attestedBy: 'user:default/grace',
        attestedAt: '2026-11-01T00:00:00Z',
        ...a,
      },
    ],
  },
});

describe('attestation checks', () => {
  it('fails until somebody attests', () => {
    expect(runCheck(check, component('svc'))).toMatchObject({
      result: 'fail',
      message: 'Nobody has attested this yet',
    });
  });

  it('passes with a valid attestation and shows it as evidence', () => {
    expect(
      runCheck(
        check,
        component('svc'),
        attest({ note: 'Reviewed with SRE', evidenceUrl: 'https://doc' }),
      ),
    ).toMatchObject({
      result: 'pass',
      message:
        'Attested by user:default/grace on 2026-11-01: Reviewed with SRE',
      evidence: {
        by: 'user:default/grace',
        url: 'https://doc',
        observedAt: '2026-11-01T00:00:00Z',
      },
    });
  });

  it('fails when the attestation expired or is too old', () => {
    expect(
      runCheck(
        check,
        component('svc'),
        attest({ expiresAt: '2026-11-20T00:00:00Z' }),
      ).message,
    ).toBe(
      'The attestation by user:default/grace expired on 2026-11-20; attest again',
    );
    expect(
      runCheck(
        check,
        component('svc'),
        attest({ attestedAt: '2026-06-01T00:00:00Z' }),
      ).message,
    ).toBe(
      'The attestation by user:default/grace is 175 days old, more than the 90 days allowed; attest again',
    );
  });

  it('ignores attestations for other checks', () => {
    const other = {
      attestations: {
        [ref]: [
          {
            checkId: 'other',
            attestedBy: 'u',
            attestedAt: '2026-11-01T00:00:00Z',
          },
        ],
      },
    };
    expect(runCheck(check, component('svc'), other).result).toBe('fail');
  });
});
