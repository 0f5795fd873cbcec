import type { HttpProbeValue } from '@readiness/backstage-plugin-readiness-common';
import http, { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { SsrfGuard } from './ssrfGuard';
import { DAY_MS } from '@readiness/backstage-plugin-readiness-common';

/** Limits of one probe. */
export interface ProbeLimits {
  /** The whole probe (every hop and the body) must finish within this. */
  timeoutMs: number;
  /** Bytes of a body read at most; the rest is not downloaded. */
  maxBodyBytes: number;
  maxRedirects: number;
}

interface Hop {
  status: number;
  headers: IncomingHttpHeaders;
  tls?: {
    daysLeft?: number;
    trusted: boolean;
    error?: string;
    version?: string;
  };
}

/**
 * The foreign origin a probe presents, to see whether the server grants it
 * access (CORS). `.invalid` is reserved: no real site has it.
 */
export const PROBE_ORIGIN = 'https://readiness-probe.invalid';

/** One GET, connected to the address the guard approved; reads at most `maxBodyBytes`. */
function get(
  url: URL,
  target: { address: string; family: 4 | 6 },
  limits: ProbeLimits,
  signal: AbortSignal,
  now: () => number,
  ca: string[] | undefined,
): Promise<Hop> {
  const secure = url.protocol === 'https:';
  return new Promise<Hop>((resolve, reject) => {
    const req = (secure ? https : http).request(url, {
      method: 'GET',
      agent: false,
      signal,
      headers: {
        'user-agent': 'backstage-plugin-readiness-probe',
        accept: '*/*',
        origin: PROBE_ORIGIN,
      },
      // Connect to the checked address, never a second DNS answer.
      lookup: (_host: string, options: any, callback: any) =>
        options?.all
          ? callback(null, [target])
          : callback(null, target.address, target.family),
      // Untrusted certificates are reported, not refused: the tls check judges them.
      rejectUnauthorized: false,
      ...(secure && ca ? { ca } : {}),
    } as https.RequestOptions);
    req.on('error', reject);
    req.on('response', res => {
      let tls: Hop['tls'];
      if (secure) {
        const socket = res.socket as TLSSocket;
        const cert = socket.getPeerCertificate?.();
        const validTo = cert?.valid_to ? Date.parse(cert.valid_to) : NaN;
        tls = {
          daysLeft: Number.isNaN(validTo)
            ? undefined
            : Math.floor((validTo - now()) / DAY_MS),
          trusted: socket.authorized,
          error: socket.authorizationError
            ? String(socket.authorizationError)
            : undefined,
          version: socket.getProtocol?.() ?? undefined,
        };
      }
      let read = 0;
      const done = () => {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, tls });
      };
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= limits.maxBodyBytes) done();
      });
      res.on('end', done);
      res.on('error', reject);
    });
    req.end();
  });
}

const message = (error: unknown): string => {
  const e = error as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError')
    return 'timed out';
  return e?.code ? `${e.code}: ${e.message}` : String(e?.message ?? error);
};

/**
 * Probes a URL: follows up to `maxRedirects` redirects (each hop checked by
 * the guard), and reports status, latency, the TLS certificate's days left
 * and protocol version, HSTS and CSP headers, which origin CORS grants to a
 * foreign one, and whether plain HTTP redirects to HTTPS. Never throws: a failure
 * is a value with `error`.
 */
export async function probeUrl(
  rawUrl: string,
  options: {
    guard: SsrfGuard;
    limits: ProbeLimits;
    signal?: AbortSignal;
    now?: () => number;
    /** Certificate authorities trusted (PEM); default Node's built-in list. */
    ca?: string[];
  },
): Promise<HttpProbeValue> {
  const { guard, limits, ca } = options;
  const now = options.now ?? Date.now;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([options.signal, timeout])
    : timeout;
  const started = performance.now();
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { url: rawUrl, error: 'not a URL' };
  }
  const follow = async (start: URL, maxRedirects: number) => {
    let current = start;
    for (let hops = 0; ; hops++) {
      if (signal.aborted) throw signal.reason;
      const target = await guard.resolve(current);
      const hop = await get(current, target, limits, signal, now, ca);
      const location = hop.headers.location;
      if (hop.status >= 300 && hop.status < 400 && location) {
        if (hops >= maxRedirects)
          throw new Error(`more than ${maxRedirects} redirects`);
        current = new URL(location, current);
        continue;
      }
      return { hop, final: current, hops };
    }
  };
  try {
    const { hop, final, hops } = await follow(url, limits.maxRedirects);
    const value: HttpProbeValue = {
      url: rawUrl,
      status: hop.status,
      latencyMs: Math.round(performance.now() - started),
      redirects: hops,
    };
    if (final.href !== url.href) value.finalUrl = final.href;
    value.csp = Boolean(hop.headers['content-security-policy']);
    const allowOrigin = hop.headers['access-control-allow-origin'];
    if (allowOrigin) value.corsAllowOrigin = String(allowOrigin);
    if (final.protocol === 'https:') {
      value.hsts = Boolean(hop.headers['strict-transport-security']);
      if (hop.tls?.version) value.tlsVersion = hop.tls.version;
      value.tlsDaysLeft = hop.tls?.daysLeft;
      value.tlsTrusted = hop.tls?.trusted;
      if (hop.tls?.error) value.tlsError = hop.tls.error;
    }
    if (url.protocol === 'http:') {
      value.httpsRedirect = final.protocol === 'https:';
    } else {
      // Does the plain-HTTP form of this URL send people to HTTPS?
      const plain = new URL(url.href);
      plain.protocol = 'http:';
      try {
        const hop1 = await get(
          plain,
          await guard.resolve(plain),
          limits,
          signal,
          now,
          ca,
        );
        const to = hop1.headers.location;
        value.httpsRedirect =
          hop1.status >= 300 &&
          hop1.status < 400 &&
          !!to &&
          new URL(to, plain).protocol === 'https:';
      } catch {
        value.httpsRedirect = false;
      }
    }
    return value;
  } catch (error) {
    return {
      url: rawUrl,
      error: message(error),
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
