import { parseEvidence, rebaseEvidence } from './evidence';

describe('parseEvidence', () => {
  it('accepts facts, attestations and exemptions, with defaults', () => {
    expect(parseEvidence({})).toEqual({
      facts: {},
      attestations: {},
      exemptions: {},
    });
    const e = parseEvidence({
      facts: {
        'component:default/a': [
          { id: 'load', value: { p95: 1 }, observedAt: '2026-11-20T00:00:00Z' },
        ],
      },
    });
    expect(e.facts['component:default/a'][0].value).toEqual({ p95: 1 });
  });

  it('names the source and the field of the first problem', () => {
    expect(() =>
      parseEvidence(
        {
          attestations: {
            'component:default/a': [
              { checkId: 'x', attestedBy: 'u', attestedAt: 'yesterday' },
            ],
          },
        },
        'ev.json',
      ),
    ).toThrow(
      /^ev\.json: attestations\.component:default\/a\[0\]\.attestedAt: /,
    );
    expect(() => parseEvidence({ fact: {} }, 'ev.json')).toThrow(
      /^ev\.json: \(document\): Unrecognized key: "fact"/,
    );
  });
});

describe('rebaseEvidence', () => {
  it('moves every time so that asOf becomes now', () => {
    const e = parseEvidence({
      asOf: '2026-11-23T12:00:00Z',
      facts: { a: [{ id: 'f', value: 1, observedAt: '2026-11-23T09:00:00Z' }] },
      attestations: {
        a: [
          {
            checkId: 'c',
            attestedBy: 'u',
            attestedAt: '2026-11-01T00:00:00Z',
            expiresAt: '2027-01-01T00:00:00Z',
          },
        ],
      },
      exemptions: {
        a: [
          {
            checkId: 'c',
            reason: 'r',
            approvedBy: 'u',
            expiresAt: '2027-06-30T00:00:00Z',
          },
        ],
      },
    });
    const r = rebaseEvidence(e, new Date('2027-01-23T12:00:00Z'));
    expect(r.facts.a[0].observedAt).toBe('2027-01-23T09:00:00.000Z');
    expect(r.attestations.a[0]).toMatchObject({
      attestedAt: '2027-01-01T00:00:00.000Z',
      expiresAt: '2027-03-03T00:00:00.000Z',
    });
    expect(r.exemptions.a[0].expiresAt).toBe('2027-08-30T00:00:00.000Z');
  });

  it('moves go-live days by whole days, so the first week keeps its shape', () => {
    const e = parseEvidence({
      asOf: '2026-11-23T12:00:00Z',
      goLive: {
        a: {
          date: '2026-11-20',
          setBy: 'user:default/u',
          dailyChecks: [
            {
              day: '2026-11-21',
              checkedBy: 'u',
              items: { latency: { ok: true } },
            },
          ],
        },
      },
    });
    // Late on the 30th, and just after midnight: T+3 either way.
    for (const now of ['2026-11-30T23:59:00Z', '2026-11-30T00:01:00Z']) {
      const r = rebaseEvidence(e, new Date(now));
      expect(r.goLive!.a.date).toBe('2026-11-27');
      expect(r.goLive!.a.dailyChecks[0].day).toBe('2026-11-28');
    }
    expect(() =>
      parseEvidence({ goLive: { a: { date: 'soon', setBy: 'u' } } }, 'f.json'),
    ).toThrow('f.json: goLive.a.date: expected a date as YYYY-MM-DD');
  });
});
