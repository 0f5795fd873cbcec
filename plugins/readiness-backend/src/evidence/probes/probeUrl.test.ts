import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';
import { PROBE_ORIGIN, probeUrl } from './probeUrl';
import { SsrfGuard } from './ssrfGuard';
import {
  clearConnectAttempts,
  connectAttempts,
} from '../../__testUtils__/loopbackOnly';

jest.setTimeout(30_000);

const limits = { timeoutMs: 1_000, maxBodyBytes: 16 * 1024, maxRedirects: 3 };
const guard = new SsrfGuard(['127.0.0.1']);
const servers: Array<http.Server | https.Server> = [];
const timers: NodeJS.Timeout[] = [];
let base = '';
let secure = '';
let internal = '';
let internalCa = '';

function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = req.url ?? '/';
  if (path === '/ok') res.end('fine');
  else if (path === '/headers') {
    // CSP, and CORS that reflects whatever origin asks (the unsafe kind).
    res.setHeader('content-security-policy', "default-src 'self'");
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '');
    res.end('fine');
  } else if (path === '/teapot') {
    res.statusCode = 503;
    res.end('down');
  } else if (path === '/slow') {
    timers.push(setTimeout(() => res.end('late'), 5_000));
  } else if (path.startsWith('/r/')) {
    const n = Number(path.slice(3));
    res.writeHead(302, { location: n > 0 ? `/r/${n - 1}` : '/ok' });
    res.end();
  } else if (path === '/to-metadata') {
    res.writeHead(302, {
      location: 'http://169.254.169.254/latest/meta-data/',
    });
    res.end();
  } else if (path === '/to-https') {
    res.writeHead(301, { location: `${secure}/ok` });
    res.end();
  } else if (path === '/endless') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(1024);
    const t = setInterval(() => res.write(chunk), 1);
    timers.push(t);
    res.on('close', () => clearInterval(t));
  } else {
    res.statusCode = 404;
    res.end();
  }
}

async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(http.createServer(handler))}`;
  // A self-signed certificate that expires in 5 days, and HSTS on every answer.
  const pems = selfsigned.generate(
    [{ name: 'commonName', value: '127.0.0.1' }],
    {
      days: 5,
      keySize: 2048,
    },
  );
  const tls = https.createServer(
    { key: pems.private, cert: pems.cert },
    (req, res) => {
      res.setHeader('strict-transport-security', 'max-age=31536000');
      handler(req, res);
    },
  );
  secure = `https://127.0.0.1:${await listen(tls)}`;
  // A certificate naming 127.0.0.1 that only an "internal CA" list trusts.
  const named = selfsigned.generate(
    [{ name: 'commonName', value: 'internal.test' }],
    {
      days: 60,
      keySize: 2048,
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    },
  );
  internalCa = named.cert;
  internal = `https://127.0.0.1:${await listen(
    https.createServer({ key: named.private, cert: named.cert }, handler),
  )}`;
});

afterAll(async () => {
  timers.forEach(t => clearTimeout(t));
  for (const s of servers) {
    s.closeAllConnections?.();
    await new Promise(r => s.close(r));
  }
});

const probe = (url: string) => probeUrl(url, { guard, limits });

describe('probeUrl against real local servers', () => {
  it('reports status and latency', async () => {
    const ok = await probe(`${base}/ok`);
    expect(ok).toMatchObject({ url: `${base}/ok`, status: 200, redirects: 0 });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    expect(ok.error).toBeUndefined();
    expect(ok.httpsRedirect).toBe(false);
    expect(await probe(`${base}/teapot`)).toMatchObject({ status: 503 });
  });

  it('gives up on a slow answer at its timeout', async () => {
    const started = Date.now();
    const slow = await probe(`${base}/slow`);
    expect(slow).toMatchObject({ url: `${base}/slow`, error: 'timed out' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('follows a redirect chain, and stops after maxRedirects', async () => {
    expect(await probe(`${base}/r/2`)).toMatchObject({
      status: 200,
      redirects: 3,
      finalUrl: `${base}/ok`,
    });
    expect(await probe(`${base}/r/5`)).toMatchObject({
      error: 'more than 3 redirects',
    });
  });

  it('checks every hop: a redirect to cloud metadata is denied', async () => {
    clearConnectAttempts();
    const value = await probe(`${base}/to-metadata`);
    expect(value.error).toContain('denied by the SSRF guard');
    expect(value.error).toContain('169.254.169.254 is a link-local address');
    // Denied before a connect was tried (setupTests refuses any that is not
    // loopback, so a broken guard is seen here, never on the network).
    expect(connectAttempts().map(a => a.host)).toEqual(['127.0.0.1']);
  });

  it('connects to the address the guard checked, not to a second DNS answer', async () => {
    // The guard's resolver says 127.0.0.1; the system resolver, asked again
    // at connect time, would say 127.0.0.2 (a rebinding attacker's answer).
    const rebound = http.createServer((_req, res) => {
      res.statusCode = 418;
      res.end('rebound');
    });
    servers.push(rebound);
    await new Promise<void>(r => rebound.listen(0, '127.0.0.2', r));
    const port = (rebound.address() as AddressInfo).port;
    const first = http.createServer(handler);
    servers.push(first);
    await new Promise<void>(r => first.listen(port, '127.0.0.1', r));
    const second = jest.spyOn(dns, 'lookup').mockImplementation(((
      _host: string,
      opts: any,
      cb: any,
    ) => {
      const callback = typeof opts === 'function' ? opts : cb;
      if (opts?.all) callback(null, [{ address: '127.0.0.2', family: 4 }]);
      else callback(null, '127.0.0.2', 4);
    }) as any);
    try {
      clearConnectAttempts();
      const value = await probeUrl(`http://rebind.test:${port}/ok`, {
        guard: new SsrfGuard(['127.0.0.0/8'], async () => [
          { address: '127.0.0.1', family: 4 },
        ]),
        limits,
      });
      expect(value).toMatchObject({ status: 200 });
      expect(connectAttempts()).toEqual([
        { host: 'rebind.test', port, address: '127.0.0.1' },
      ]);
    } finally {
      second.mockRestore();
    }
  });

  it('denies loopback unless it is allowed', async () => {
    const value = await probeUrl(`${base}/ok`, {
      guard: new SsrfGuard([]),
      limits,
    });
    expect(value.error).toContain('127.0.0.1 is a loopback address');
  });

  it('reads an endless body only up to the limit', async () => {
    const started = Date.now();
    expect(await probe(`${base}/endless`)).toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeLessThan(limits.timeoutMs);
  });

  it('reads CSP, and which origin CORS grants to a foreign one', async () => {
    expect(await probe(`${base}/headers`)).toMatchObject({
      csp: true,
      corsAllowOrigin: PROBE_ORIGIN,
    });
    const plain = await probe(`${base}/ok`);
    expect(plain.csp).toBe(false);
    expect(plain.corsAllowOrigin).toBeUndefined();
  });

  it('reads the certificate: days left, trust, protocol, HSTS', async () => {
    const value = await probe(`${secure}/ok`);
    expect(value).toMatchObject({
      status: 200,
      hsts: true,
      tlsTrusted: false,
      tlsVersion: 'TLSv1.3',
    });
    expect(value.tlsDaysLeft).toBeGreaterThanOrEqual(4);
    expect(value.tlsDaysLeft).toBeLessThanOrEqual(5);
    expect(value.tlsError).toMatch(/SELF_SIGNED/);
  });

  it('trusts a certificate signed by an extra CA (readiness.probes.caFile)', async () => {
    expect(await probe(`${internal}/ok`)).toMatchObject({
      status: 200,
      tlsTrusted: false,
    });
    const value = await probeUrl(`${internal}/ok`, {
      guard,
      limits,
      ca: [internalCa],
    });
    expect(value).toMatchObject({ status: 200, tlsTrusted: true });
    expect(value.tlsError).toBeUndefined();
    expect(value.tlsDaysLeft).toBeGreaterThanOrEqual(59);
  });

  it('sees plain HTTP redirect to HTTPS', async () => {
    expect(await probe(`${base}/to-https`)).toMatchObject({
      status: 200,
      httpsRedirect: true,
      finalUrl: `${secure}/ok`,
    });
  });

  it('reports what it cannot reach as an error value, never a throw', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise(r => closed.close(r));
    expect(await probe(`http://127.0.0.1:${port}/`)).toMatchObject({
      error: expect.stringContaining('ECONNREFUSED'),
    });
    expect(await probe('not a url')).toEqual({
      url: 'not a url',
      error: 'not a URL',
    });
  });
});
