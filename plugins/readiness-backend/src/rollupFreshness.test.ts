import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startReadinessBackend } from './__testUtils__/testBackend';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness/entities';
const auth = mockCredentials.user.header();

describe.each(databases.eachSupportedId())(
  'roll-ups answer fresh after every write on %s',
  databaseId => {
    it('re-scores the system above an entity before a write answers: attest, revoke, exempt, ownership, re-evaluate', async () => {
      // The scheduled run happens once a day here: only the writes move anything.
      const { server, knex } = await startReadinessBackend({
        databases,
        databaseId,
      });
      const get = (path: string) =>
        request(server).get(`${API}${path}`).set('Authorization', auth);
      const send = (method: 'post' | 'put' | 'delete', path: string) =>
        request(server)[method](`${API}${path}`).set('Authorization', auth);
      /** The status a system's roll-up says its part has, from its message. */
      const seen = async (system: string, part: string) => {
        const res = await get(`/system/default/${system}`);
        const messages = res.body.results
          .flatMap((r: any) => r.checks)
          .map((c: any) => c.message)
          .join(' ');
        const m = messages.match(
          new RegExp(
            `component:(?:default/)?${part} \\((blocked|needs-work|ready)\\)`,
          ),
        );
        // A ready part is not named; the roll-up must still have spoken.
        const state =
          m?.[1] ?? (/\bparts?\b/.test(messages) ? 'ready' : 'unknown');
        return { system: res.body.results[0].status, part: state };
      };
      const payments = '/component/default/payments-api';
      expect(await seen('checkout', 'payments-api')).toMatchObject({
        part: 'ready',
      });

      // Revoking a critical attestation blocks payments-api: checkout says so.
      const list = await get(`${payments}/attestations`);
      const boundary = list.body.items.find(
        (a: any) => a.checkId === 'data-boundary',
      );
      const revoked = await send(
        'delete',
        `${payments}/attestations/${boundary.id}`,
      ).send({ reason: 'The boundary changed with the new region' });
      expect(revoked.status).toBe(200);
      expect(await seen('checkout', 'payments-api')).toEqual({
        system: 'blocked',
        part: 'blocked',
      });

      // An exemption (granted at once by whoever may grant) lifts it.
      const exempted = await send('post', `${payments}/exemptions`).send({
        checkId: 'data-boundary',
        reason: 'Boundary review booked for next week',
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      });
      expect(exempted.status).toBe(200);
      expect((await seen('checkout', 'payments-api')).part).toBe('ready');
      const exemption = exempted.body.items.find(
        (e: any) => e.checkId === 'data-boundary' && e.status === 'granted',
      );
      await send('delete', `${payments}/exemptions/${exemption.id}`);
      expect((await seen('checkout', 'payments-api')).part).toBe('blocked');

      // Attested again: ready again, at once.
      const attested = await send('post', `${payments}/attestations`).send({
        checkId: 'data-boundary',
        evidenceUrl: 'https://wiki.acme.example/payments-api/data-boundary',
        note: 'Boundary reviewed',
      });
      expect(attested.status).toBe(200);
      expect((await seen('checkout', 'payments-api')).part).toBe('ready');

      // An ownership save: payments-api loses its incident owner.
      const ownership = await get(`${payments}/ownership`);
      const saved = await send('put', `${payments}/ownership`)
        .set('If-Match', `"${ownership.body.version}"`)
        .send({ roles: { incident: '' } });
      expect(saved.status).toBe(200);
      expect((await seen('checkout', 'payments-api')).part).toBe('blocked');
      const reverted = await send('post', `${payments}/ownership/revert`)
        .set('If-Match', `"${saved.body.version}"`)
        .send({});
      expect(reverted.status).toBe(200);
      expect((await seen('checkout', 'payments-api')).part).toBe('ready');

      // Re-evaluate after evidence changed behind the API's back.
      await knex('readiness_facts')
        .where({
          entity_ref: 'component:default/payments-api',
          fact_id: 'rollback-rehearsal',
        })
        .update({ value: JSON.stringify({ succeeded: false }) });
      await knex('readiness_evaluation_state').update({ input_hash: null });
      expect((await send('post', `${payments}/evaluate`)).status).toBe(200);
      expect((await seen('checkout', 'payments-api')).part).toBe('blocked');
    });
  },
);
