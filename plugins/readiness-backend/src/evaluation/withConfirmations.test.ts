import { withConfirmations } from './prepare';

const confirmation = (ownerRef: string, confirmedAt: string) => ({
  entityRef: 'component:default/svc',
  role: 'incident' as const,
  ownerRef,
  confirmedBy: 'user:default/ann',
  confirmedAt,
});

describe('withConfirmations', () => {
  it('sets when the owner in effect was confirmed, whatever way its ref is written', () => {
    expect(
      withConfirmations(
        { 'readiness/incident-owner': 'sre-oncall' },
        [confirmation('group:default/sre-oncall', '2026-12-01T10:00:00.000Z')],
        'default',
      ),
    ).toEqual({
      'readiness/incident-owner': 'sre-oncall',
      'readiness/incident-owner-confirmed-at': '2026-12-01T10:00:00.000Z',
    });
  });

  it('ignores a confirmation of an earlier owner', () => {
    expect(
      withConfirmations(
        { 'readiness/incident-owner': 'group:platform' },
        [confirmation('group:default/sre-oncall', '2026-12-01T10:00:00.000Z')],
        'default',
      ),
    ).toEqual({ 'readiness/incident-owner': 'group:platform' });
  });

  it('keeps the later of the file and the stored confirmation', () => {
    const file = {
      'readiness/incident-owner': 'group:sre-oncall',
      'readiness/incident-owner-confirmed-at': '2026-12-05',
    };
    expect(
      withConfirmations(
        file,
        [confirmation('group:default/sre-oncall', '2026-12-01T10:00:00.000Z')],
        'default',
      ),
    ).toEqual(file);
    expect(
      withConfirmations(
        { ...file, 'readiness/incident-owner-confirmed-at': 'soon' },
        [confirmation('group:default/sre-oncall', '2026-12-01T10:00:00.000Z')],
        'default',
      )['readiness/incident-owner-confirmed-at'],
    ).toBe('2026-12-01T10:00:00.000Z');
  });
});
