import { Browser, expect, Page } from '@playwright/test';
import http from 'node:http';
import https from 'node:https';
import selfsigned from 'selfsigned';
import { enterAsGuest, openReadinessTab, signIn, test } from '../helpers';

/*
 * The "real paths" tests, against the backend on :7008 (app-config.e2e-live.yaml):
 * production scorecard, no demo evidence. A service starts Blocked and becomes
 * Ready only through what a deployment has: a probe of its health URL, facts
 * pushed by CI with a token, attestations and one exemption made in the tab.
 * Then it goes live as checklists [000] and [001] ask: a pilot expansion while
 * an area is incomplete, a launch once it is complete and five people of five
 * groups have signed. The tests run in order and build on each other.
 */
test.describe.configure({ mode: 'serial' });

const API = 'http://localhost:7008/api/readiness';
const ENTITY = 'component:default/go-live-demo';
const CI_TOKEN = 'readiness-demo-ci-token';
const ATTESTATIONS = [
  'runbook-reviewed',
  'data-boundary',
  'permission-boundary',
  'monitoring-active',
  'alert-thresholds',
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

const DAY = 86_400_000;
const day = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/**
 * A browser context signed in as `user:default/<name>`: the live backend's
 * guest provider takes the person from this header (packages/backend/src/e2e).
 */
async function openAs(browser: Browser, name: string) {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-readiness-e2e-user': name },
  });
  const page = await context.newPage();
  await openReadinessTab(page, 'go-live-demo');
  return { page, close: () => context.close() };
}

// One signer per role, each from the role's group (examples/org).
const SIGNERS = [
  { role: 'Infrastructure team', name: 'jonas.weber' }, // platform
  { role: 'Security team', name: 'noah.mensah' }, // security
  { role: 'Operations team', name: 'aiko.tanaka' }, // sre-oncall
  { role: 'Release manager', name: 'tom.lindqvist' }, // release-management
  { role: 'Final approval', name: 'maria.okafor' }, // leadership
];

test('Ready with an incomplete area is a pilot; complete and signed by five groups, a launch; an owner is refused', async ({
  page,
  browser,
}) => {
  // Seven people in seven browsers, each loading the tab.
  test.setTimeout(300_000);
  // The owner (priya.raman, Platform) sets the go-live date for tomorrow.
  await openReadinessTab(page, 'go-live-demo');
  await expect(page.getByTestId('status-ready')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Go-live date').fill(day(1));
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // Ready, but "Logs correlated" (Observability) is open: a pilot expansion.
  const decision = page.getByTestId('go-live-decision');
  await expect(decision).toContainText(
    'Ready · controlled pilot expansion, not a production launch: Observability incomplete (Logs and traces share a request id open)',
  );
  // It calls no model (readiness/uses-model: 'false'): that check does not
  // apply, and is no open item.
  await expect(check(page, 'model-rollback')).toContainText('does not apply');
  await signIn(page, '/readiness');
  const row = page
    .getByRole('table', { name: 'Go-lives' })
    .getByRole('row')
    .filter({ hasText: /Go-live demo service|go-live-demo/ });
  await expect(row).toContainText('Pilot expansion: Observability incomplete');

  // The area is completed: every area is, so it awaits the five sign-offs.
  await openReadinessTab(page, 'go-live-demo');
  const logs = check(page, 'logs-correlated');
  await logs.getByRole('button', { name: 'Attest' }).click();
  const attest = page.getByRole('dialog');
  await attest
    .getByLabel('Evidence URL')
    .fill('https://wiki.acme.example/go-live-demo/logs');
  await attest.getByRole('button', { name: 'Attest' }).click();
  await expect(attest).toBeHidden();
  await expect(decision).toContainText(
    'Ready, awaiting sign-off (0 of 5 roles)',
  );

  // rui.costa is in Security but also in Platform, which owns the service:
  // the security sign-off is independent of the owners. No Sign button, the
  // reason on the card, and the server refuses the same way.
  const owner = await openAs(browser, 'rui.costa');
  await expect(owner.page.getByTestId('why-not-security')).toContainText(
    'Security team is signed independently of the service: you own component:default/go-live-demo',
  );
  await expect(
    owner.page.getByRole('button', { name: 'Sign off as Security team' }),
  ).toHaveCount(0);
  const refused = await owner.page.evaluate(async () => {
    const { token } = await (
      await fetch('/api/auth/guest/refresh', {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      })
    )
      .json()
      .then(r => r.backstageIdentity);
    const res = await fetch(
      '/api/readiness/entities/component/default/go-live-demo/go-live/signoffs',
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ role: 'security' }),
      },
    );
    return { status: res.status, body: await res.text() };
  });
  expect(refused.status).toBe(403);
  expect(refused.body).toContain('independently of the service');
  await owner.close();

  // Five people of five groups sign, each in their own browser.
  for (const { role, name } of SIGNERS) {
    const signer = await openAs(browser, name);
    await signer.page
      .getByRole('button', { name: `Sign off as ${role}` })
      .click();
    const dialog = signer.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Sign off' }).click();
    await expect(dialog).toBeHidden();
    await expect(signer.page.getByText(`✓ ${name},`)).toBeVisible();
    await signer.close();
  }

  await page.reload();
  await enterAsGuest(page);
  await expect(decision).toContainText(
    'Production launch: every area is complete and every role has signed.',
  );
  await expect(page.getByText('Sign-off: 5 of 5 (complete)')).toBeVisible();
  await decision.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-results/go-live-launch.png' });
  await signIn(page, '/readiness');
  await expect(row).toContainText('Launch');
});
