import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  captureNotifications,
  startReadinessBackend,
} from '../__testUtils__/testBackend';
import {
  EXAMPLES,
  exampleEntities,
  exampleUserInfo,
  readinessConfig,
} from '../__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness/entities/component/default/payments-api';
const REF = 'component:default/payments-api';
const DAY = 86_400_000;
const day = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

// People of the example org (examples/org/users.yaml) and their groups.
const PRIYA = 'user:default/priya.raman'; // platform
const NOAH = 'user:default/noah.mensah'; // identity, security
const AIKO = 'user:default/aiko.tanaka'; // sre-oncall
const TOM = 'user:default/tom.lindqvist'; // engineering, release-management
const MARIA = 'user:default/maria.okafor'; // leadership
const LIAM = 'user:default/liam.byrne'; // payments: owns payments-api
const FATIMA = 'user:default/fatima.haddad'; // payments: owns payments-api

/** payments-api goes live tomorrow (T-1). */
function entities(goLiveDate = day(1)) {
  return exampleEntities().map(e =>
    e.metadata.name === 'payments-api' && e.kind === 'Component'
      ? {
          ...e,
          metadata: {
            ...e.metadata,
            annotations: {
              ...e.metadata.annotations,
              'readiness/go-live-date': goLiveDate,
            },
          },
        }
      : e,
  );
}

const { sent, feature: notifications } = captureNotifications();

describe.each(databases.eachSupportedId())(
  'go-live decision and independent sign-off on %s',
  databaseId => {
    async function start(
      extra: Record<string, string[]> = {},
      goLiveDate = day(1),
      config?: object,
    ) {
      sent.length = 0;
      const backend = await startReadinessBackend({
        databases,
        databaseId,
        config,
        entities: entities(goLiveDate),
        features: [notifications, exampleUserInfo(extra)],
      });
      const as = (user: string) => ({
        get: (p: string) =>
          request(backend.server)
            .get(`${API}${p}`)
            .set('Authorization', mockCredentials.user.header(user)),
        post: (p: string, body?: object) =>
          request(backend.server)
            .post(`${API}${p}`)
            .set('Authorization', mockCredentials.user.header(user))
            .send(body ?? {}),
        del: (p: string) =>
          request(backend.server)
            .delete(`${API}${p}`)
            .set('Authorization', mockCredentials.user.header(user)),
      });
      return { ...backend, as };
    }

    it('is a pilot while an area is incomplete, then launches once complete and signed by five groups; an owner may not sign an independent role', async () => {
      // An owner (payments) who is also in Security, for the independence rule.
      const { knex, as, server } = await start({
        [LIAM]: ['group:default/security'],
      });
      // Without its runbook review, Operational ownership is incomplete:
      // still Ready (one item of 41 open), but only a pilot expansion.
      await knex('readiness_attestations')
        .where({ entity_ref: REF, check_id: 'runbook-reviewed' })
        .delete();
      const evaluated = await as(FATIMA).post('/evaluate');
      expect(evaluated.body.results[0].status).toBe('ready');
      const pilot = (await as(FATIMA).get('/go-live')).body;
      expect(pilot.decision).toMatchObject({
        decision: 'pilot',
        short: 'Pilot expansion: Operational ownership incomplete',
        incompleteAreas: [
          {
            id: 'ownership',
            title: 'Operational ownership',
            open: [
              'Runbook covers first checks, isolation, escalation and closure',
            ],
          },
        ],
      });
      const pilotNote = (await as(FATIMA).get('/report')).text;
      expect(pilotNote).toContain(
        '**Ready · controlled pilot expansion, not a production launch: Operational ownership incomplete',
      );
      const listed = await request(server)
        .get('/api/readiness/go-lives')
        .set('Authorization', mockCredentials.user.header(FATIMA));
      expect(
        listed.body.items.find((g: any) => g.entityRef === REF).decision,
      ).toEqual({
        decision: 'pilot',
        short: 'Pilot expansion: Operational ownership incomplete',
      });

      // The review is done: every area complete, sign-off awaited.
      const attested = await as(FATIMA).post('/attestations', {
        checkId: 'runbook-reviewed',
        evidenceUrl: 'https://runbooks.acme.example/payments-api',
        note: 'Walked through with SRE on-call',
      });
      expect(attested.status).toBe(200);
      expect((await as(FATIMA).get('/go-live')).body.decision).toMatchObject({
        decision: 'awaiting-sign-off',
        short: 'Awaiting sign-off (0 of 5)',
      });

      // The card is told the same: who may sign which role, and why not.
      const forLiam = (await as(LIAM).get('/go-live')).body.signoff.roles;
      expect(forLiam.find((r: any) => r.id === 'security')).toMatchObject({
        canSign: false,
        whyNot: `Security team is signed independently of the service: you own ${REF} (as group:default/payments), so someone else must sign it`,
      });
      const forNoah = (await as(NOAH).get('/go-live')).body.signoff.roles;
      expect(
        Object.fromEntries(forNoah.map((r: any) => [r.id, r.canSign])),
      ).toEqual({
        infrastructure: false,
        security: true,
        operations: false,
        'release-manager': false,
        'final-approval': false,
      });

      // The owner may not sign an independent role, even as a member of its group.
      const own = await as(LIAM).post('/go-live/signoffs', {
        role: 'security',
      });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toBe(
        `Security team is signed independently of the service: you own ${REF} (as group:default/payments), so someone else must sign it`,
      );
      // Nor may anyone outside a role's group sign it.
      const outsider = await as(AIKO).post('/go-live/signoffs', {
        role: 'infrastructure',
      });
      expect(outsider.status).toBe(403);
      expect(outsider.body.error.message).toBe(
        'Only members of group:default/platform sign off as Infrastructure team',
      );

      // Five people of five groups sign.
      const signers: Array<[string, string]> = [
        [PRIYA, 'infrastructure'],
        [NOAH, 'security'],
        [AIKO, 'operations'],
        [TOM, 'release-manager'],
        [MARIA, 'final-approval'],
      ];
      for (const [user, role] of signers) {
        const res = await as(user).post('/go-live/signoffs', { role });
        expect({ role, status: res.status, error: res.body.error }).toEqual({
          role,
          status: 200,
          error: undefined,
        });
      }
      const launch = (await as(FATIMA).get('/go-live')).body;
      expect(launch.signoff.complete).toBe(true);
      expect(launch.decision).toMatchObject({
        decision: 'launch',
        short: 'Launch',
      });
      const note = (await as(FATIMA).get('/report')).text;
      expect(note).toContain(
        '**Production launch: every area is complete and every role has signed.**',
      );
      for (const [user] of signers) expect(note).toContain(user);
    });

    it('lets one person sign one role of a go-live only', async () => {
      const { as } = await start({ [PRIYA]: ['group:default/leadership'] });
      const first = await as(PRIYA).post('/go-live/signoffs', {
        role: 'infrastructure',
      });
      expect(first.status).toBe(200);
      // The answer to the write says what is left to this person, as GET
      // would: the card offers no second Sign (it did before).
      const left = first.body.signoff.roles.filter((r: any) => !r.signoff);
      expect(left.map((r: any) => [r.id, r.canSign])).toEqual([
        ['security', false],
        ['operations', false],
        ['release-manager', false],
        ['final-approval', false],
      ]);
      expect(left.find((r: any) => r.id === 'final-approval').whyNot).toBe(
        `One person signs at most 1 role of a go-live: you signed Infrastructure team for ${day(
          1,
        )}`,
      );
      const second = await as(PRIYA).post('/go-live/signoffs', {
        role: 'final-approval',
      });
      expect(second.status).toBe(403);
      expect(second.body.error.message).toBe(
        `One person signs at most 1 role of a go-live: you signed Infrastructure team for ${day(
          1,
        )}`,
      );
    });

    it("asks a role's own members for sign-off, never the requester", async () => {
      // Maria (leadership) is also in Platform here: she asks, and is not asked.
      const { as } = await start({ [MARIA]: ['group:default/platform'] });
      const asked = await as(MARIA).post('/go-live/signoff-requests');
      expect(asked.status).toBe(200);
      // Sign-off requests only: the start-up scan may also tell of a go-live
      // date reached without a launch decision (loyalty-points goes live today).
      const requests = sent.filter(n =>
        n.payload.scope?.startsWith('readiness-signoff:'),
      );
      const to = Object.fromEntries(
        requests.map(n => [
          n.payload.scope!.split(':').pop(),
          (n.recipients as any).entityRef,
        ]),
      );
      // Final approval: leadership's own member, Maria, who asked: nobody
      // (not the 16 people below leadership).
      expect(to).toEqual({
        infrastructure: [PRIYA, 'user:default/jonas.weber'],
        // The guest is in Security too, but owns payments-api (Payments):
        // an independent role does not ask the owners.
        security: [NOAH],
        operations: [AIKO, 'user:default/diego.alvarez'],
        'release-manager': [TOM],
      });
      for (const n of requests)
        expect((n.recipients as any).excludeEntityRef).toBe(MARIA);
      expect(asked.body.asked).toBe(4);
      // The card says so rather than "asked today already".
      expect(asked.body.nobody).toEqual(['final-approval']);
    });

    it('asks for and takes sign-off before launch only', async () => {
      const { as } = await start({}, day(-2));
      const late = await as(FATIMA).post('/go-live/signoff-requests');
      expect(late.status).toBe(409);
      expect(late.body.error.message).toBe(
        `${REF} went live on ${day(-2)}; sign-off is asked before launch`,
      );
      // Nor is a sign-off given after launch: it would turn the decision
      // into "launch" after the fact.
      const signed = await as(PRIYA).post('/go-live/signoffs', {
        role: 'infrastructure',
      });
      expect(signed.status).toBe(409);
      expect(signed.body.error.message).toBe(
        `${REF} went live on ${day(
          -2,
        )}; a sign-off is given before launch (set a new date for a new go-live)`,
      );
      // No sign-off request went out (the start-up scan may tell that the
      // date came without a launch decision: that one is right).
      expect(
        sent.filter(n => n.payload.scope?.startsWith('readiness-signoff:')),
      ).toEqual([]);
    });

    it('voids sign-offs for good when the status drops to Needs work', async () => {
      const { knex, as } = await start();
      expect(
        (await as(PRIYA).post('/go-live/signoffs', { role: 'infrastructure' }))
          .status,
      ).toBe(200);
      // Three reviews gone: 38 of 41 items, below 95 %: Needs work.
      const reviews = [
        'runbook-reviewed',
        'alert-thresholds',
        'logs-correlated',
      ];
      await knex('readiness_attestations')
        .where({ entity_ref: REF })
        .whereIn('check_id', reviews)
        .delete();
      const dropped = await as(FATIMA).post('/evaluate');
      expect(dropped.body.results[0].status).toBe('needs-work');
      // Reviewed again: Ready, and the sign-off given before stays void.
      for (const checkId of reviews)
        expect(
          (
            await as(FATIMA).post('/attestations', {
              checkId,
              evidenceUrl: 'https://wiki.acme.example/reviews',
              note: 'Reviewed again',
            })
          ).status,
        ).toBe(200);
      const back = (await as(FATIMA).get('/go-live')).body;
      expect(back.status).toBe('ready');
      expect(back.signoff.roles.every((r: any) => !r.signoff)).toBe(true);
      expect(back.signoff.voided).toEqual([
        expect.objectContaining({
          signedBy: PRIYA,
          voidReason: expect.stringMatching(
            /^the status dropped to needs-work on \d{4}-\d\d-\d\d$/,
          ),
        }),
      ]);
    });

    it('keeps sign-offs when another scorecard of the service drops', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-'));
      const privacy = path.join(dir, 'privacy.yaml');
      fs.writeFileSync(
        privacy,
        [
          'apiVersion: readiness/v1',
          'kind: Scorecard',
          'metadata: { name: privacy, title: Privacy review }',
          'spec:',
          '  appliesTo: { kinds: [Component] }',
          '  areas:',
          '    - id: privacy',
          '      title: Privacy',
          '      checks:',
          '        - id: privacy-reviewed',
          '          title: Privacy review done',
          '          severity: critical',
          '          type: attestation',
          '          with: { maxAge: P180D }',
        ].join('\n'),
      );
      const config = readinessConfig({
        scorecards: [
          { file: path.join(EXAMPLES, 'scorecards/production.yaml') },
          { file: path.join(EXAMPLES, 'scorecards/systems.yaml') },
          { file: privacy },
        ],
      });
      const { as } = await start({}, day(1), config);
      const attested = await as(FATIMA).post('/attestations', {
        checkId: 'privacy-reviewed',
        evidenceUrl: 'https://wiki.acme.example/privacy',
        note: 'DPIA done',
      });
      expect(attested.status).toBe(200);
      expect(
        (await as(PRIYA).post('/go-live/signoffs', { role: 'infrastructure' }))
          .status,
      ).toBe(200);
      const id = attested.body.items.find(
        (a: any) => a.checkId === 'privacy-reviewed',
      ).id;
      const revoked = await as(FATIMA)
        .del(`/attestations/${id}`)
        .send({ reason: 'The DPIA is out of date' });
      expect(revoked.status).toBe(200);
      const results = (await as(FATIMA).get('')).body.results;
      expect(
        Object.fromEntries(results.map((r: any) => [r.scorecard, r.status])),
      ).toMatchObject({ production: 'ready', privacy: 'blocked' });
      const state = (await as(FATIMA).get('/go-live')).body;
      expect(state.signoff.voided).toEqual([]);
      expect(state.signoff.roles[0].signoff.signedBy).toBe(PRIYA);
    });

    it('ticks off phase items once, from the day their phase opens, weekly reviews per week, and puts them in the note', async () => {
      const { as } = await start();
      const tick = (body: object) =>
        as(FATIMA).post('/go-live/phase-items', body);
      // T-7's checklist may be done early; T-1's opens today (the date is tomorrow).
      expect(
        (await tick({ phase: 'checklist', item: 'team-briefed' })).status,
      ).toBe(200);
      const t1 = await tick({
        phase: 'sign-off',
        item: 'rollback-plan-reviewed',
        note: 'Walked through with SRE',
      });
      expect(t1.status).toBe(200);
      const list = t1.body.checklists.find((c: any) => c.phase === 'sign-off');
      expect(list).toMatchObject({
        label: 'T-1',
        opensOn: day(0),
        complete: false,
      });
      expect(
        list.items.find((i: any) => i.id === 'rollback-plan-reviewed'),
      ).toMatchObject({ doneBy: FATIMA, note: 'Walked through with SRE' });
      // Once.
      const again = await tick({
        phase: 'sign-off',
        item: 'rollback-plan-reviewed',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain(
        `item: rollback-plan-reviewed was already ticked off by ${FATIMA}`,
      );
      // Launch day has not come.
      const early = await tick({ phase: 'launch', item: 'final-backup' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toBe(
        `T-0 opens on ${day(1)}; its items are ticked off from then`,
      );
      // Weekly reviews: three lists, one per week; the week is required.
      expect(
        t1.body.checklists
          .filter((c: any) => c.phase === 'weekly-review')
          .map((c: any) => [c.label, c.opensOn]),
      ).toEqual([
        ['Week 2', day(9)],
        ['Week 3', day(16)],
        ['Week 4', day(23)],
      ]);
      const noWeek = await tick({
        phase: 'weekly-review',
        item: 'security-review',
      });
      expect(noWeek.status).toBe(400);
      expect(noWeek.body.error.message).toMatch(/^week: /);
      expect(
        (await tick({ phase: 'checklist', item: 'nope' })).body.error.message,
      ).toMatch(/^item: "nope" is not allowed/);
      // The note lists them with who and when.
      const note = (await as(FATIMA).get('/report')).text;
      expect(note).toContain('## Go-live checklists');
      expect(note).toContain(
        `- [x] Rollback plan reviewed (${FATIMA}, ${day(
          0,
        )}: Walked through with SRE)`,
      );
      expect(note).toContain('- [ ] Alerts tested');
    });
  },
);
