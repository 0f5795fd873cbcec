import { component, runCheck } from '../testUtils';

const ref = 'component:default/svc';
const svc = component('svc', {
  annotations: { 'readiness/health-url': 'https://svc.acme.example/healthz' },
});
const probe = (
  value: Record<string, unknown>,
  observedAt = '2026-11-23T11:00:00Z',
) => ({
  facts: {
    [ref]: [
      {
        id: 'http',
        source: 'probe:http',
        observedAt,
        value: { url: 'https://svc.acme.example/healthz', ...value },
      },
    ],
  },
});
const http = (assert: string, extra: Record<string, unknown> = {}) => ({
  type: 'http',
  with: { assert, ...extra },
});

describe('http checks', () => {
  it.each([
    [
      'status',
      { status: 200 },
      'pass',
      'https://svc.acme.example/healthz answered 200',
    ],
    [
      'status',
      { status: 503 },
      'fail',
      'https://svc.acme.example/healthz answered 503, expected 2xx or 3xx',
    ],
    [
      'status',
      { error: 'ECONNREFUSED' },
      'fail',
      'https://svc.acme.example/healthz did not answer: ECONNREFUSED',
    ],
    [
      'latency',
      { status: 200, latencyMs: 80 },
      'pass',
      'https://svc.acme.example/healthz answered in 80 ms',
    ],
    [
      'latency',
      { status: 200, latencyMs: 2300 },
      'fail',
      'https://svc.acme.example/healthz answered in 2300 ms, expected ≤ 1000 ms',
    ],
    [
      'tls',
      { status: 200, tlsDaysLeft: 60 },
      'pass',
      'TLS certificate expires in 60 days',
    ],
    [
      'tls',
      { status: 200, tlsDaysLeft: 3 },
      'fail',
      'TLS certificate expires in 3 days, expected at least 14',
    ],
    [
      'tls',
      {
        status: 200,
        tlsDaysLeft: 60,
        tlsTrusted: false,
        tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      },
      'fail',
      'The TLS certificate of https://svc.acme.example/healthz is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT); it expires in 60 days',
    ],
    [
      'tls',
      {
        status: 200,
        tlsDaysLeft: 40,
        tlsTrusted: true,
        url: 'http://svc.acme.example/healthz',
        finalUrl: 'https://svc.acme.example/healthz',
      },
      'pass',
      'TLS certificate expires in 40 days',
    ],
    [
      'tls',
      { status: 200 },
      'unknown',
      'No certificate information for https://svc.acme.example/healthz',
    ],
    [
      'httpsRedirect',
      { httpsRedirect: false, status: 200 },
      'fail',
      'Plain HTTP does not redirect to HTTPS',
    ],
    [
      'hsts',
      { hsts: true, status: 200 },
      'pass',
      'Responses carry a Strict-Transport-Security header',
    ],
    [
      'tlsVersion',
      { status: 200, tlsVersion: 'TLSv1.3' },
      'pass',
      'https://svc.acme.example/healthz negotiated TLSv1.3',
    ],
    [
      'tlsVersion',
      { status: 200, tlsVersion: 'TLSv1.1' },
      'fail',
      'https://svc.acme.example/healthz negotiated TLSv1.1, expected TLSv1.2 or later',
    ],
    [
      'tlsVersion',
      { status: 200 },
      'unknown',
      'TLS version not probed for https://svc.acme.example/healthz',
    ],
    [
      'csp',
      { status: 200, csp: false },
      'fail',
      'Responses carry no Content-Security-Policy header',
    ],
    [
      'csp',
      { status: 200, csp: true },
      'pass',
      'Responses carry a Content-Security-Policy header',
    ],
    [
      'cors',
      { status: 200, corsAllowOrigin: '*' },
      'fail',
      'CORS grants any origin access (a request from https://readiness-probe.invalid got Access-Control-Allow-Origin: *)',
    ],
    [
      'cors',
      { status: 200, corsAllowOrigin: 'https://readiness-probe.invalid' },
      'fail',
      'CORS grants any origin access (a request from https://readiness-probe.invalid got Access-Control-Allow-Origin: https://readiness-probe.invalid)',
    ],
    [
      'cors',
      { status: 200, corsAllowOrigin: 'https://shop.acme.example' },
      'pass',
      'CORS does not grant a foreign origin access',
    ],
    [
      'cors',
      { status: 200 },
      'pass',
      'CORS does not grant a foreign origin access',
    ],
  ])('%s with %j: %s', (assert, value, result, message) => {
    expect(runCheck(http(assert), svc, probe(value))).toMatchObject({
      result,
      message,
    });
  });

  it('asks for TLS 1.3 when the scorecard does', () => {
    expect(
      runCheck(
        http('tlsVersion', { minTlsVersion: 'TLSv1.3' }),
        svc,
        probe({ status: 200, tlsVersion: 'TLSv1.2' }),
      ),
    ).toMatchObject({ result: 'fail', threshold: 'TLSv1.3' });
  });

  it('fails TLS for a plain http URL', () => {
    const facts = {
      facts: {
        [ref]: [
          {
            id: 'http',
            observedAt: '2026-11-23T11:00:00Z',
            value: { url: 'http://svc/healthz', status: 200 },
          },
        ],
      },
    };
    expect(runCheck(http('tls'), svc, facts)).toMatchObject({
      result: 'fail',
      message: 'http://svc/healthz is not served over HTTPS',
    });
  });

  it('is unknown before the first probe, and fails when there is nothing to probe', () => {
    expect(runCheck(http('status'), svc).result).toBe('unknown');
    expect(runCheck(http('status'), component('svc'))).toMatchObject({
      result: 'fail',
      message: 'Nothing to probe: set the readiness/health-url annotation',
    });
  });

  it('fails on a stale probe result', () => {
    expect(
      runCheck(
        http('status', { maxAge: 'PT1H' }),
        svc,
        probe({ status: 200 }, '2026-11-23T08:00:00Z'),
      ).result,
    ).toBe('fail');
  });

  it('gives an error when the fact is not a probe result', () => {
    const facts = {
      facts: {
        [ref]: [{ id: 'http', observedAt: '2026-11-23T11:00:00Z', value: 42 }],
      },
    };
    expect(runCheck(http('status'), svc, facts).result).toBe('error');
  });
});
