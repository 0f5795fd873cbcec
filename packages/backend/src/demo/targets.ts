import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { targetPaths } from '@backstage/cli-common';
import type { HttpProbeValue } from '@readiness/backstage-plugin-readiness-common';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { readEvidenceFile } from './evidenceFile';
import { DAY_MS } from '@readiness/backstage-plugin-readiness-common';

/** Where the demo serves its services' health endpoints (loopback only). */
export const DEMO_TARGET_PORTS = { http: 7480, https: 7443, expiring: 7444 };
/** The demo's certificates and the CA file `readiness.probes.caFile` points at. */
export const DEMO_TLS_DIR = 'data/demo-tls';

/** How one service's health endpoint behaves. */
export interface TargetBehaviour {
  status: number;
  delayMs: number;
  hsts: boolean;
  /** Sends a Content-Security-Policy header. */
  csp: boolean;
  /** What Access-Control-Allow-Origin answers (`*`, or none). */
  corsAllowOrigin?: string;
  httpsRedirect: boolean;
  /** Served with the certificate that expires within days. */
  expiring: boolean;
}

/**
 * Each service's behaviour, from the `http` facts of the evidence file: the
 * file says what a prober would have seen, the demo serves exactly that, and
 * the real prober measures it.
 */
export function targetBehaviours(
  facts: Record<string, Array<{ id: string; value: unknown }>>,
): Map<string, TargetBehaviour> {
  const out = new Map<string, TargetBehaviour>();
  for (const [ref, list] of Object.entries(facts)) {
    const value = list.find(f => f.id === 'http')?.value as
      | HttpProbeValue
      | undefined;
    if (!value) continue;
    out.set(ref.slice(ref.lastIndexOf('/') + 1), {
      status: value.status ?? 200,
      delayMs: Math.min(value.latencyMs ?? 0, 5_000),
      hsts: value.hsts ?? false,
      csp: value.csp ?? false,
      corsAllowOrigin: value.corsAllowOrigin,
      httpsRedirect: value.httpsRedirect ?? true,
      expiring: (value.tlsDaysLeft ?? 365) < 30,
    });
  }
  return out;
}

/** A self-signed certificate for 127.0.0.1, kept in `dir` while it has more than `minDays` left. */
function certificate(dir: string, name: string, days: number, minDays: number) {
  const keyFile = path.join(dir, `${name}.key.pem`);
  const certFile = path.join(dir, `${name}.cert.pem`);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    const { validTo } = new X509Certificate(cert);
    if (Date.parse(validTo) - Date.now() > minDays * DAY_MS)
      return { key: fs.readFileSync(keyFile, 'utf8'), cert };
  }
  const pems = selfsigned.generate(
    [{ name: 'commonName', value: `Readiness demo (${name})` }],
    {
      days,
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    },
  );
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

function listen(server: http.Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/**
 * Starts the demo's health endpoints: `http://127.0.0.1:7480/<service>/healthz`
 * redirects to HTTPS (:7443, a certificate valid for a year; :7444 for the
 * services whose certificate expires within days). Both certificates are
 * written to `data/demo-tls/ca.pem`, which the demo config trusts
 * (`readiness.probes.caFile`), as a company trusts its internal CA.
 */
export async function startDemoTargets(options: {
  behaviours: Map<string, TargetBehaviour>;
  rootDir: string;
  logger: LoggerService;
}) {
  const { behaviours, logger } = options;
  const dir = path.resolve(options.rootDir, DEMO_TLS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const lasting = certificate(dir, 'lasting', 365, 60);
  // Always 9 days left: "expiring" whenever the demo starts.
  const expiring = certificate(dir, 'expiring', 9, 8);
  fs.writeFileSync(path.join(dir, 'ca.pem'), lasting.cert + expiring.cert);

  const timers = new Set<NodeJS.Timeout>();
  const behaviourOf = (url = '') =>
    behaviours.get(url.split('/')[1] ?? '') ?? undefined;
  const serve =
    (secure: boolean) =>
    (req: http.IncomingMessage, res: http.ServerResponse) => {
      const b = behaviourOf(req.url);
      if (!b || !req.url?.endsWith('/healthz')) {
        res.writeHead(404).end('no such service in the demo');
        return;
      }
      if (!secure && b.httpsRedirect) {
        const port = b.expiring
          ? DEMO_TARGET_PORTS.expiring
          : DEMO_TARGET_PORTS.https;
        res
          .writeHead(301, { location: `https://127.0.0.1:${port}${req.url}` })
          .end();
        return;
      }
      const t = setTimeout(() => {
        timers.delete(t);
        if (secure && b.hsts)
          res.setHeader('strict-transport-security', 'max-age=31536000');
        if (b.csp)
          res.setHeader('content-security-policy', "default-src 'none'");
        if (b.corsAllowOrigin)
          res.setHeader('access-control-allow-origin', b.corsAllowOrigin);
        res
          .writeHead(b.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: b.status < 400 ? 'ok' : 'failing' }));
      }, b.delayMs);
      timers.add(t);
    };

  const servers = [
    [http.createServer(serve(false)), DEMO_TARGET_PORTS.http],
    [https.createServer(lasting, serve(true)), DEMO_TARGET_PORTS.https],
    [https.createServer(expiring, serve(true)), DEMO_TARGET_PORTS.expiring],
  ] as const;
  for (const [server, port] of servers) await listen(server, port);
  logger.info(
    `Readiness demo: health endpoints of ${behaviours.size} services on http://127.0.0.1:${DEMO_TARGET_PORTS.http}/<service>/healthz`,
  );
  return {
    async close() {
      timers.forEach(t => clearTimeout(t));
      for (const [server] of servers) {
        server.closeAllConnections();
        await new Promise(r => server.close(r));
      }
    },
  };
}

/**
 * Demo only: serves the example services' health endpoints on loopback, so
 * that the real prober has something to probe (see {@link startDemoTargets}).
 */
export function demoTargetsModule(options: { evidenceFile: string }) {
  return createBackendModule({
    pluginId: 'readiness',
    moduleId: 'demo-targets',
    register(env) {
      env.registerInit({
        deps: {
          logger: coreServices.logger,
          lifecycle: coreServices.lifecycle,
        },
        async init({ logger, lifecycle }) {
          const evidence = readEvidenceFile(options.evidenceFile);
          const targets = await startDemoTargets({
            behaviours: targetBehaviours(evidence.facts),
            rootDir: targetPaths.rootDir,
            logger,
          });
          lifecycle.addShutdownHook(() => targets.close());
        },
      });
    },
  });
}
