import { ANNOTATION_HEALTH_URL } from '../../annotations';
import type { HttpProbeValue } from '../../types';
import { parseDuration } from '../duration';
import { freshFact } from './fact';
import { CheckFn, RawResult } from './types';

type Assert =
  | 'status'
  | 'latency'
  | 'tls'
  | 'tlsVersion'
  | 'httpsRedirect'
  | 'hsts'
  | 'csp'
  | 'cors';

/** TLS protocol names in order of age; a server offering a later one is better. */
const TLS_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** The probe's foreign origin (see the backend's prober). */
const PROBE_ORIGIN = 'https://readiness-probe.invalid';

function flag(
  value: boolean | undefined,
  what: string,
  url: string,
  yes: string,
  no: string,
): RawResult {
  if (typeof value !== 'boolean')
    return { result: 'unknown', message: `${what} not probed for ${url}` };
  return value
    ? { result: 'pass', message: yes }
    : { result: 'fail', message: no };
}

function judge(
  assert: Assert,
  v: HttpProbeValue,
  w: { maxLatencyMs: number; minTlsDays: number; minTlsVersion: string },
): RawResult {
  if (v.error && assert !== 'httpsRedirect') {
    return { result: 'fail', message: `${v.url} did not answer: ${v.error}` };
  }
  switch (assert) {
    case 'status': {
      const ok =
        typeof v.status === 'number' && v.status >= 200 && v.status < 400;
      return {
        result: ok ? 'pass' : 'fail',
        message: `${v.url} answered ${v.status ?? 'nothing'}${
          ok ? '' : ', expected 2xx or 3xx'
        }`,
        observed: v.status,
      };
    }
    case 'latency':
      if (typeof v.latencyMs !== 'number')
        return {
          result: 'unknown',
          message: `No latency measured for ${v.url}`,
        };
      return {
        result: v.latencyMs <= w.maxLatencyMs ? 'pass' : 'fail',
        message: `${v.url} answered in ${Math.round(v.latencyMs)} ms${
          v.latencyMs <= w.maxLatencyMs
            ? ''
            : `, expected ≤ ${w.maxLatencyMs} ms`
        }`,
        observed: v.latencyMs,
        threshold: w.maxLatencyMs,
      };
    case 'tls':
      // Where the redirects ended is what is served (http → https is fine).
      if (!/^https:/i.test(v.finalUrl ?? v.url))
        return { result: 'fail', message: `${v.url} is not served over HTTPS` };
      if (typeof v.tlsDaysLeft !== 'number')
        return {
          result: 'unknown',
          message: `No certificate information for ${v.url}`,
        };
      if (v.tlsTrusted === false)
        return {
          result: 'fail',
          message: `The TLS certificate of ${v.url} is not trusted (${
            v.tlsError ?? 'unknown reason'
          }); it expires in ${v.tlsDaysLeft} days`,
          observed: v.tlsDaysLeft,
          threshold: w.minTlsDays,
        };
      return {
        result: v.tlsDaysLeft >= w.minTlsDays ? 'pass' : 'fail',
        message: `TLS certificate expires in ${v.tlsDaysLeft} days${
          v.tlsDaysLeft >= w.minTlsDays
            ? ''
            : `, expected at least ${w.minTlsDays}`
        }`,
        observed: v.tlsDaysLeft,
        threshold: w.minTlsDays,
      };
    case 'tlsVersion': {
      if (!/^https:/i.test(v.finalUrl ?? v.url))
        return { result: 'fail', message: `${v.url} is not served over HTTPS` };
      if (!v.tlsVersion)
        return {
          result: 'unknown',
          message: `TLS version not probed for ${v.url}`,
        };
      const ok =
        TLS_VERSIONS.indexOf(v.tlsVersion) >=
        TLS_VERSIONS.indexOf(w.minTlsVersion);
      return {
        result: ok ? 'pass' : 'fail',
        message: `${v.url} negotiated ${v.tlsVersion}${
          ok ? '' : `, expected ${w.minTlsVersion} or later`
        }`,
        observed: v.tlsVersion,
        threshold: w.minTlsVersion,
      };
    }
    case 'httpsRedirect':
      return flag(
        v.httpsRedirect,
        'HTTP to HTTPS redirect',
        v.url,
        'Plain HTTP redirects to HTTPS',
        'Plain HTTP does not redirect to HTTPS',
      );
    case 'hsts':
      return flag(
        v.hsts,
        'HSTS',
        v.url,
        'Responses carry a Strict-Transport-Security header',
        'Responses carry no Strict-Transport-Security header',
      );
    case 'csp':
      return flag(
        v.csp,
        'Content-Security-Policy',
        v.url,
        'Responses carry a Content-Security-Policy header',
        'Responses carry no Content-Security-Policy header',
      );
    default: {
      // cors: a foreign origin must not be granted access.
      const granted = v.corsAllowOrigin;
      const open = granted === '*' || granted === PROBE_ORIGIN;
      return {
        result: open ? 'fail' : 'pass',
        message: open
          ? `CORS grants any origin access (a request from ${PROBE_ORIGIN} got Access-Control-Allow-Origin: ${granted})`
          : 'CORS does not grant a foreign origin access',
        observed: granted,
      };
    }
  }
}

/** `http` checks: judge the stored result of probing the entity's health URL. */
export function compileHttpCheck(w: {
  assert: Assert;
  fact: string;
  maxLatencyMs: number;
  minTlsDays: number;
  minTlsVersion: string;
  maxAge?: string;
}): CheckFn {
  const maxAgeMs = w.maxAge ? parseDuration(w.maxAge) : undefined;
  return (entity, entityRef, ctx) => {
    const got = freshFact(ctx, entityRef, w.fact, maxAgeMs, () =>
      entity.metadata.annotations?.[ANNOTATION_HEALTH_URL]
        ? {
            result: 'unknown',
            message: `${entity.metadata.annotations[ANNOTATION_HEALTH_URL]} has not been probed yet`,
          }
        : {
            result: 'fail',
            message: `Nothing to probe: set the ${ANNOTATION_HEALTH_URL} annotation`,
          },
    );
    if ('result' in got) return got.result;
    const value = got.fact.value as unknown as HttpProbeValue;
    if (!value || typeof value !== 'object' || typeof value.url !== 'string') {
      return {
        result: 'error',
        message: `${w.fact} fact has no url; is it an HTTP probe result?`,
      };
    }
    const result = judge(w.assert, value, w);
    result.evidence = {
      source: got.fact.source,
      observedAt: got.fact.observedAt,
      url: value.url,
    };
    return result;
  };
}
