/**
 * Before the tests: wait until the demo backend (:7007) has its evidence. The
 * demo gets it the way a deployment does, after start-up (probes of its own
 * health endpoints; facts, attestations and go-lives sent through the API by
 * packages/backend/src/demo/seed.ts), so "healthy" comes before "seeded".
 */
const BASE = 'http://localhost:7007';

async function json(path: string, token?: string) {
  const res = await fetch(`${BASE}${path}`, {
    headers: {
      'x-requested-with': 'XMLHttpRequest',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

async function seeded(): Promise<boolean> {
  const { token } = (await json('/api/auth/guest/refresh')).backstageIdentity;
  const payments = await json(
    '/api/readiness/entities/component/default/payments-api',
    token,
  );
  const statusPage = await json(
    '/api/readiness/entities/component/default/status-page',
    token,
  );
  // Go-lives (the date, then the first week's checks) are the seed's last
  // step, in the file's order: status-page, checkout-web, auth-service.
  const goLive = (name: string) =>
    json(`/api/readiness/entities/component/default/${name}/go-live`, token);
  return (
    JSON.stringify(payments).includes('"status":"ready"') &&
    JSON.stringify(statusPage).includes('"status":"ready"') &&
    (await goLive('status-page')).dailyChecks.length > 0 &&
    (await goLive('checkout-web')).dailyChecks.length >= 6 &&
    Boolean((await goLive('auth-service')).goLiveDate)
  );
}

export default async function globalSetup() {
  const deadline = Date.now() + 120_000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await seeded()) return;
      last =
        'payments-api or status-page not ready, or the go-lives (status-page, checkout-web, auth-service) not seeded yet';
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 2_000));
  }
  throw new Error(
    `The demo backend did not get its evidence in 2 minutes: ${last}`,
  );
}
