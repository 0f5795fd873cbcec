import { ANNOTATION_HEALTH_URL } from '../../annotations';
import type { HttpProbeValue } from '../../types';
import { parseDuration } from '../duration';
import { freshFact } from './fact';
import { CheckFn, RawResult } from './types';

type Assert = 'status' | 'latency' | 'tls' | 'httpsRedirect' | 'hsts';

function judge(
  assert: Assert,
  v: HttpProbeValue,
  w: { maxLatencyMs: number; minTlsDays: number },
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
    case 'httpsRedirect':
      if (typeof v.httpsRedirect !== 'boolean')
        return {
          result: 'unknown',
          message: `HTTP to HTTPS redirect not probed for ${v.url}`,
        };
      return v.httpsRedirect
        ? { result: 'pass', message: 'Plain HTTP redirects to HTTPS' }
        : { result: 'fail', message: 'Plain HTTP does not redirect to HTTPS' };
    default:
      if (typeof v.hsts !== 'boolean')
        return { result: 'unknown', message: `HSTS not probed for ${v.url}` };
      return v.hsts
        ? {
            result: 'pass',
            message: 'Responses carry a Strict-Transport-Security header',
          }
        : {
            result: 'fail',
            message: 'Responses carry no Strict-Transport-Security header',
          };
  }
}

/** `http` checks: judge the stored result of probing the entity's health URL. */
export function compileHttpCheck(w: {
  assert: Assert;
  fact: string;
  maxLatencyMs: number;
  minTlsDays: number;
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
