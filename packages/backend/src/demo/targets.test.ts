import { targetBehaviours } from './targets';

describe('targetBehaviours', () => {
  it('serves what the evidence file says a prober saw', () => {
    const behaviours = targetBehaviours({
      'component:default/up': [
        { id: 'secret-scan', value: { findings: 0 } },
        {
          id: 'http',
          value: {
            status: 200,
            latencyMs: 48,
            tlsDaysLeft: 61,
            httpsRedirect: true,
            hsts: true,
            csp: true,
          },
        },
      ],
      'component:default/down': [
        {
          id: 'http',
          value: {
            status: 503,
            latencyMs: 60_000,
            tlsDaysLeft: 9,
            corsAllowOrigin: '*',
          },
        },
      ],
      'component:default/no-probe': [{ id: 'load-test', value: {} }],
    });
    expect([...behaviours.keys()]).toEqual(['up', 'down']);
    expect(behaviours.get('up')).toEqual({
      status: 200,
      delayMs: 48,
      hsts: true,
      csp: true,
      corsAllowOrigin: undefined,
      httpsRedirect: true,
      expiring: false,
    });
    // Never slower than 5 s, and a certificate with under 30 days left is the expiring one.
    expect(behaviours.get('down')).toMatchObject({
      status: 503,
      delayMs: 5_000,
      expiring: true,
      hsts: false,
      csp: false,
      corsAllowOrigin: '*',
    });
  });
});
