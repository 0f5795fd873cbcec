import { expect, Page, test } from '@playwright/test';
import http from 'node:http';
import https from 'node:https';
import selfsigned from 'selfsigned';
import { enterAsGuest, openReadinessTab } from '../helpers';

/*
 * The "real paths" test, against the backend on :7008 (app-config.e2e-live.yaml):
 * production scorecard, no demo evidence. A service starts Blocked and becomes
 * Ready only through what a deployment has: a probe of its health URL, facts
 * pushed by CI with a token, attestations and one exemption made in the tab.
 */

const API = 'http://localhost:7008/api/readiness';
const ENTITY = 'component:default/go-live-demo';
const CI_TOKEN = 'readiness-demo-ci-token';
const ATTESTATIONS = [
  'runbook-reviewed',
  'data-boundary',
  'permission-boundary',
  'monitoring-active',
  'alert-thresholds',
  'logs-correlated',
  'access-roles',
  'release-notes',
  'support-ready',
  'action-rollback',
  'connectors-scoped',
  'rate-limiting',
  'secret-access-traced',
  'maintenance-announced',
];

// The health URL (http, :7091) redirects to HTTPS (:7092, self-signed, HSTS, CSP).
let servers: Array<http.Server | https.Server> = [];
test.beforeAll(async () => {
  const pems = selfsigned.generate(
    [{ name: 'commonName', value: '127.0.0.1' }],
    { days: 90, keySize: 2048 },
  );
  const secure = https.createServer(
    { key: pems.private, cert: pems.cert },
    (_req, res) => {
      res.setHeader('strict-transport-security', 'max-age=31536000');
      res.setHeader('content-security-policy', "default-src 'none'");
      res.end('ok');
    },
  );
  const plain = http.createServer((req, res) => {
    res.writeHead(301, { location: `https://127.0.0.1:7092${req.url}` });
    res.end();
  });
  servers = [secure, plain];
  await new Promise<void>(r => secure.listen(7092, '127.0.0.1', r));
  await new Promise<void>(r => plain.listen(7091, '127.0.0.1', r));
});
test.afterAll(async () => {
  for (const s of servers) await new Promise(r => s.close(r));
});

const check = (page: Page, id: string) => page.getByTestId(`check-${id}`);

test('a service becomes Ready through probes, CI facts, attestations and an exemption', async ({
  page,
  request,
}) => {
  await openReadinessTab(page, 'go-live-demo');
  await expect(page.getByTestId('status-blocked')).toBeVisible();

  // 1. Probe now: Re-evaluate probes the health URL first.
  await page.getByRole('button', { name: 'Re-evaluate' }).click();
  await expect(check(page, 'health-responds')).toContainText(
    'http://127.0.0.1:7091/healthz answered 200',
  );
  await expect(check(page, 'hsts')).toContainText('Strict-Transport-Security');
  await expect(check(page, 'tls-valid')).toContainText('is not trusted');

  // 2. CI pushes its facts with a token.
  const pushed = await request.post(`${API}/facts`, {
    headers: { Authorization: `Bearer ${CI_TOKEN}` },
    data: {
      entityRef: ENTITY,
      facts: [
        {
          id: 'rollback-rehearsal',
          value: { succeeded: true },
          source: 'ci:e2e',
        },
        { id: 'secret-scan', value: { findings: 0 }, source: 'ci:e2e' },
        { id: 'vulnerability-scan', value: { critical: 0 }, source: 'ci:e2e' },
        { id: 'backup-restore', value: { succeeded: true }, source: 'ci:e2e' },
        {
          id: 'load-test',
          value: { p95Ms: 120, errorRate: 0.0001 },
          source: 'ci:e2e',
        },
      ],
    },
  });
  expect(pushed.status()).toBe(200);
  expect(await pushed.json()).toMatchObject({ stored: 5 });
  await page.reload();
  await enterAsGuest(page);
  await expect(check(page, 'rollback-rehearsed')).toContainText('ci:e2e');

  // 3. The owners attest each manual check from the tab.
  for (const id of ATTESTATIONS) {
    const row = check(page, id);
    await row.getByRole('button', { name: 'Attest' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Evidence URL')
      .fill('https://wiki.acme.example/go-live-demo');
    await dialog.getByRole('button', { name: 'Attest' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Attested by user:default/priya.raman');
  }

  // 4. An admin exempts the TLS check: the certificate comes from an internal CA.
  const tls = check(page, 'tls-valid');
  await tls.getByRole('button', { name: 'Exempt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(/Reason/)
    .fill('Served behind the internal CA; clients trust it');
  await dialog.getByRole('button', { name: 'Grant exemption' }).click();
  await expect(dialog).toBeHidden();

  // Ready, and the history says why.
  await page.reload();
  await enterAsGuest(page);
  await expect(page.getByTestId('status-ready')).toBeVisible();
  await page.screenshot({ path: 'e2e-results/go-live-ready.png' });
  await expect(tls).toContainText('Exempt until');
  const history = await request.get(
    `${API}/entities/component/default/go-live-demo/history`,
    { headers: { Authorization: `Bearer ${CI_TOKEN}` } },
  );
  const changes: Array<{
    checkId: string;
    newResult?: string;
    newMessage?: string;
  }> = (await history.json()).changes;
  const became = (id: string) => changes.find(c => c.checkId === id)?.newResult;
  expect(became('health-responds')).toBe('pass');
  expect(became('rollback-rehearsed')).toBe('pass');
  expect(became('runbook-reviewed')).toBe('pass');
  expect(became('tls-valid')).toBe('exempt');
});
