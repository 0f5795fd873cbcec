import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startReadinessBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ENTITY = '/api/readiness/entities/component/default/invoice-generator';
const OWNER = 'user:default/owner';
const ADMIN = 'user:default/admin';
const STRANGER = 'user:default/stranger';
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

/** Owners attest and ask; admins grant; strangers only read. */
function policy(r: { permission: { name: string } }, user?: string) {
  const name = r.permission.name;
  if (name === 'readiness.exemption.create')
    return user === ADMIN ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  if (name === 'readiness.attestation.create')
    return user === OWNER || user === ADMIN
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  return AuthorizeResult.ALLOW;
}

describe('attestations and exemptions', () => {
  it.each(databases.eachSupportedId())(
    'attest, revoke, expire; request, grant, expire, revoke, on %p',
    async databaseId => {
      const { server, knex } = await startReadinessBackend({
        databases,
        databaseId,
        authorize: policy,
      });
      const as = (user: string) => ({
        get: (path: string) =>
          request(server)
            .get(`${ENTITY}${path}`)
            .set('Authorization', mockCredentials.user.header(user)),
        post: (path: string, body?: object) =>
          request(server)
            .post(`${ENTITY}${path}`)
            .set('Authorization', mockCredentials.user.header(user))
            .send(body ?? {}),
        del: (path: string, body?: object) =>
          request(server)
            .delete(`${ENTITY}${path}`)
            .set('Authorization', mockCredentials.user.header(user))
            .send(body ?? {}),
      });
      const owner = as(OWNER);
      const admin = as(ADMIN);
      const stranger = as(STRANGER);
      const check = async (id: string) =>
        (await owner.get('')).body.results[0].checks.find(
          (c: any) => c.checkId === id,
        );

      // Attest a check nobody attested yet.
      expect((await check('alert-thresholds')).result).toBe('fail');
      expect((await stranger.get('/attestations')).body.canAttest).toBe(false);
      const refused = await stranger.post('/attestations', {
        checkId: 'alert-thresholds',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain(
        'readiness.attestation.create',
      );

      const bad: Array<[object, string]> = [
        [
          { checkId: 'load-test-p95' },
          'checkId: "load-test-p95" is not an attestation check',
        ],
        [
          { checkId: 'alert-thresholds', expiresAt: inDays(5000) },
          'expiresAt: valid until',
        ],
        [
          { checkId: 'alert-thresholds', expiresAt: inDays(-1) },
          'expiresAt: must be in the future',
        ],
        [
          { checkId: 'alert-thresholds', evidenceUrl: 'ftp://x' },
          'evidenceUrl: "ftp://x" is not an http(s) URL',
        ],
        // A critical attestation needs evidence (evidence: url-or-note).
        [
          { checkId: 'data-boundary' },
          'evidenceUrl: an evidence URL or a note is required for this check (check "Data boundary is documented")',
        ],
        [
          { checkId: 'data-boundary', note: '   ' },
          'evidenceUrl: an evidence URL or a note is required for this check',
        ],
      ];
      for (const [body, message] of bad) {
        const res = await owner.post('/attestations', body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error.message).toContain(message);
      }

      // A note is evidence enough; the list says what each check needs.
      const withNote = await owner.post('/attestations', {
        checkId: 'data-boundary',
        note: 'Boundary drawn in the architecture review',
      });
      expect(withNote.status).toBe(200);
      expect(
        withNote.body.checks.find((c: any) => c.checkId === 'data-boundary'),
      ).toMatchObject({ evidence: 'url-or-note' });
      expect(
        withNote.body.checks.find((c: any) => c.checkId === 'alert-thresholds')
          .evidence,
      ).toBeUndefined();

      // The last day allowed (maxAge P180D) is allowed until its end, as the dialog offers it.
      const lastDay = `${inDays(180).slice(0, 10)}T23:59:59.000Z`;
      const attested = await owner.post('/attestations', {
        checkId: 'alert-thresholds',
        expiresAt: lastDay,
        evidenceUrl: 'https://wiki.example/alerts',
        note: 'reviewed with SRE',
      });
      expect(attested.status).toBe(200);
      expect(attested.body.items[0]).toMatchObject({
        checkId: 'alert-thresholds',
        attestedBy: OWNER,
        status: 'valid',
      });
      expect(await check('alert-thresholds')).toMatchObject({
        result: 'pass',
        evidence: { by: OWNER, url: 'https://wiki.example/alerts' },
      });

      // Time passes: the attestation expires and the check says so.
      const id = attested.body.items[0].id;
      await knex('readiness_attestations')
        .where({ id: Number(id) })
        .update({ expires_at: new Date(Date.now() - DAY).toISOString() });
      await owner.post('/evaluate');
      expect((await check('alert-thresholds')).message).toMatch(
        /^The attestation by user:default\/owner expired on \d{4}-\d\d-\d\d; attest again$/,
      );

      // A fresh one, revoked.
      const again = await owner.post('/attestations', {
        checkId: 'alert-thresholds',
      });
      // Revoking asks why.
      const againId = again.body.items[0].id;
      const noReason = await owner.del(`/attestations/${againId}`);
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toMatch(/reason/);
      const revoked = await owner.del(`/attestations/${againId}`, {
        reason: 'Thresholds changed with the new SLO',
      });
      expect(revoked.body.items[0]).toMatchObject({
        status: 'revoked',
        revokedBy: OWNER,
        revokeReason: 'Thresholds changed with the new SLO',
      });
      // The check says who revoked it, when and why, not "nobody".
      expect(await check('alert-thresholds')).toMatchObject({
        result: 'fail',
        message: expect.stringMatching(
          /^The attestation by user:default\/owner was revoked by user:default\/owner on \d{4}-\d\d-\d\d: Thresholds changed with the new SLO$/,
        ),
      });
      expect(
        (await owner.del(`/attestations/${againId}`, { reason: 'again' }))
          .status,
      ).toBe(404);

      // Exemptions: the owner asks, the admin grants.
      expect((await check('load-test-p95')).result).not.toBe('exempt');
      expect(
        (
          await owner.post('/exemptions', {
            checkId: 'load-test-p95',
            reason: 'batch job',
            expiresAt: inDays(200),
          })
        ).body.error.message,
      ).toContain('(exemptions last at most 90 days)');
      expect(
        (
          await owner.post('/exemptions', {
            checkId: 'nope',
            reason: 'x',
            expiresAt: inDays(5),
          })
        ).body.error.message,
      ).toContain('checkId: "nope" is not a check');
      const asked = await owner.post('/exemptions', {
        checkId: 'load-test-p95',
        reason: 'Runs as a nightly batch; no interactive load',
        expiresAt: inDays(30),
      });
      expect(asked.body).toMatchObject({
        canRequest: true,
        canGrant: false,
        maxDays: 90,
      });
      const requestId = asked.body.items[0].id;
      expect(asked.body.items[0]).toMatchObject({
        status: 'requested',
        requestedBy: OWNER,
      });
      expect((await check('load-test-p95')).result).not.toBe('exempt');
      expect((await owner.post(`/exemptions/${requestId}/grant`)).status).toBe(
        403,
      );
      // Asking again for the same check is refused while the request waits.
      const twice = await owner.post('/exemptions', {
        checkId: 'load-test-p95',
        reason: 'again',
        expiresAt: inDays(10),
      });
      expect(twice.status).toBe(409);
      expect(twice.body.error.message).toContain(
        'already has an exemption request by user:default/owner',
      );

      const granted = await admin.post(`/exemptions/${requestId}/grant`);
      expect(granted.body.items[0]).toMatchObject({
        status: 'granted',
        approvedBy: ADMIN,
      });
      expect(await check('load-test-p95')).toMatchObject({
        result: 'exempt',
        message: expect.stringContaining(`approved by ${ADMIN}`),
      });

      // It runs out: the check is open again and says why.
      await knex('readiness_exemptions')
        .where({ id: Number(requestId) })
        .update({ expires_at: new Date(Date.now() - DAY).toISOString() });
      await owner.post('/evaluate');
      expect((await check('load-test-p95')).message).toMatch(
        /\(the exemption approved by user:default\/admin expired on \d{4}-\d\d-\d\d\)$/,
      );

      // An admin may grant at once, but not their own request; and revoke.
      const direct = await admin.post('/exemptions', {
        checkId: 'load-test-p95',
        reason: 'Decommissioned next month',
        expiresAt: inDays(20),
      });
      expect(direct.body.items[0]).toMatchObject({
        status: 'granted',
        approvedBy: ADMIN,
      });
      expect((await check('load-test-p95')).result).toBe('exempt');
      expect(
        (await owner.del(`/exemptions/${direct.body.items[0].id}`)).status,
      ).toBe(403);
      const gone = await admin.del(`/exemptions/${direct.body.items[0].id}`);
      expect(gone.body.items[0].status).toBe('revoked');
      expect((await check('load-test-p95')).result).not.toBe('exempt');

      // The history explains each step.
      const history = await owner.get('/history');
      const flips = history.body.changes
        .filter((c: any) => c.checkId === 'load-test-p95')
        .map((c: any) => `${c.oldResult}→${c.newResult}`);
      expect(flips).toEqual(
        expect.arrayContaining(['unknown→exempt', 'exempt→unknown']),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'offers a service token no attestation or exemption, whatever the policy says, on %p',
    async databaseId => {
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        authorize: () => AuthorizeResult.ALLOW,
      });
      const service = mockCredentials.service.header();
      const attestations = await request(server)
        .get(`${ENTITY}/attestations`)
        .set('Authorization', service);
      expect(attestations.status).toBe(200);
      expect(attestations.body.canAttest).toBe(false);
      const exemptions = await request(server)
        .get(`${ENTITY}/exemptions`)
        .set('Authorization', service);
      expect(exemptions.status).toBe(200);
      expect(exemptions.body.canRequest).toBe(false);
      expect(exemptions.body.canGrant).toBe(false);
      const asked = await request(server)
        .post(`${ENTITY}/exemptions`)
        .set('Authorization', service)
        .send({
          checkId: 'load-test-p95',
          reason: 'a pipeline asks',
          expiresAt: inDays(5),
        });
      expect(asked.status).toBe(403);
    },
  );
});
