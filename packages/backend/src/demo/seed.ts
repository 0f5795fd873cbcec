import {
  coreServices,
  createBackendModule,
  DatabaseService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DailyCheck,
  Evidence,
  ReadinessClient,
  DAY_MS,
} from '@readiness/backstage-plugin-readiness-common';
import { ageOwnershipSave } from './agedConfirmation';
import { readEvidenceFile } from './evidenceFile';
import {
  DEMO_SECRET_HEADER,
  DEMO_SIGN_IN_PROVIDER,
  DEMO_USER_HEADER,
  demoSignInSecret,
} from './signIn';

/** The demo CI pipeline's static token (`backend.auth.externalAccess`, subject `demo-ci`). */
export function demoCiToken(config: Config): string {
  const entry = config
    .getOptionalConfigArray('backend.auth.externalAccess')
    ?.find(e => e.getOptionalString('options.subject') === 'demo-ci');
  const token = entry?.getOptionalString('options.token');
  if (!token)
    throw new Error(
      'Readiness demo: backend.auth.externalAccess has no static token with subject demo-ci',
    );
  return token;
}

/** Retries `work` every `everyMs` until it succeeds or `attempts` run out. */
async function retry<T>(
  work: () => Promise<T>,
  attempts: number,
  everyMs: number,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise(r => setTimeout(r, everyMs));
    }
  }
}

/**
 * Sends the evidence file's CI facts, attestations and exemptions through
 * Readiness's REST API, as a pipeline and people would: facts with the CI
 * token (`POST /facts`; `http` facts are left to the probes); attestations
 * signed in as the person the file names; each exemption asked for by the
 * entity's first attester (an owner) and granted by its approver (a member
 * of group:platform); one more exemption asked for and left waiting (in
 * Platform's inbox); one ownership save made 80 days ago, so that its
 * confirmation runs out soon ({@link ageOwnershipSave}). What is already there (a valid attestation, an open
 * exemption or request, the initiative) is not sent again, so restarts do
 * not pile up records.
 */
export async function seedDemoEvidence(options: {
  evidence: Evidence;
  discovery: DiscoveryService;
  ciToken: string;
  logger: LoggerService;
  /** The Readiness plugin's database, for {@link ageOwnershipSave}. */
  database: DatabaseService;
  now?: () => number;
}) {
  const { evidence, discovery, ciToken, logger } = options;
  const now = options.now ?? Date.now;
  const clientWith = (token: string) =>
    ReadinessClient.withToken({ discoveryApi: discovery, token });

  const facts = Object.entries(evidence.facts)
    .map(([entityRef, list]) => ({
      entityRef,
      facts: list.filter(f => f.id !== 'http'),
    }))
    .filter(item => item.facts.length);
  // The catalog may still be reading the example files: retry until it knows them.
  const pushed = await retry(
    () => clientWith(ciToken).pushFacts(facts),
    40,
    3_000,
  );
  logger.info(
    `Readiness demo: CI pushed facts for ${pushed.entityRefs.length} entities (${pushed.stored} stored, ${pushed.unchanged} unchanged)`,
  );

  const authBase = await discovery.getBaseUrl('auth');
  const tokens = new Map<string, Promise<string>>();
  const as = async (userRef: string) => {
    const name = userRef.slice(userRef.lastIndexOf('/') + 1);
    if (!tokens.has(name))
      tokens.set(
        name,
        (async () => {
          const res = await fetch(
            `${authBase}/${DEMO_SIGN_IN_PROVIDER}/refresh`,
            {
              headers: {
                [DEMO_USER_HEADER]: name,
                [DEMO_SECRET_HEADER]: demoSignInSecret,
                'x-requested-with': 'XMLHttpRequest',
              },
            },
          );
          if (!res.ok)
            throw new Error(
              `sign-in as ${userRef} failed: ${res.status} ${await res.text()}`,
            );
          return (await res.json()).backstageIdentity.token as string;
        })(),
      );
    return clientWith(await tokens.get(name)!);
  };

  let attested = 0;
  let exempted = 0;
  const failures: string[] = [];
  /** Runs one step; true when it made something, false when it was there already or failed. */
  const attempt = async (what: string, work: () => Promise<boolean>) => {
    try {
      return await work();
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
      return false;
    }
  };

  // One entity after another would take a while: each attestation re-evaluates its entity.
  await Promise.all(
    Object.entries(evidence.attestations).map(async ([entityRef, list]) => {
      for (const a of list) {
        const made = await attempt(`${entityRef} ${a.checkId}`, async () => {
          const client = await as(a.attestedBy);
          const { items } = await client.listAttestations(entityRef);
          if (items.some(i => i.checkId === a.checkId && i.status === 'valid'))
            return false;
          await client.attest(entityRef, {
            checkId: a.checkId,
            note: a.note,
            evidenceUrl: a.evidenceUrl,
          });
          return true;
        });
        if (made) attested++;
      }
    }),
  );

  for (const [entityRef, list] of Object.entries(evidence.exemptions)) {
    const owner = evidence.attestations[entityRef]?.[0]?.attestedBy;
    for (const e of list) {
      const made = await attempt(
        `${entityRef} exemption ${e.checkId}`,
        async () => {
          const approver = await as(e.approvedBy);
          const { items, maxDays } = await approver.listExemptions(entityRef);
          const open = items.some(
            i =>
              i.checkId === e.checkId &&
              (i.status === 'granted' || i.status === 'requested'),
          );
          if (open) return false;
          const expiresAt = new Date(
            Math.min(
              e.expiresAt ? Date.parse(e.expiresAt) : Infinity,
              now() + (maxDays - 1) * DAY_MS,
            ),
          ).toISOString();
          const requester = await as(owner ?? e.approvedBy);
          const requested = await requester.requestExemption(entityRef, {
            checkId: e.checkId,
            reason: e.reason,
            expiresAt,
          });
          const mine = requested.items.find(
            i => i.checkId === e.checkId && i.status === 'requested',
          );
          if (mine) await approver.grantExemption(entityRef, mine.id);
          return true;
        },
      );
      if (made) exempted++;
    }
  }
  // Go-lives: the date set by an owner (an ownership edit), then the first
  // week's daily checks, each by the person the file names.
  let checked = 0;
  for (const [entityRef, g] of Object.entries(evidence.goLive ?? {})) {
    await attempt(`${entityRef} go-live date`, async () => {
      const owner = await as(g.setBy);
      const current = await owner.getOwnership(entityRef);
      if (current.effective.goLiveDate === g.date) return false;
      await owner.saveOwnership(
        entityRef,
        { roles: { goLiveDate: g.date }, reason: 'Launch date agreed' },
        current.version,
      );
      return true;
    });
    for (const c of g.dailyChecks) {
      const made = await attempt(
        `${entityRef} daily check ${c.day}`,
        async () => {
          const client = await as(c.checkedBy);
          const state = await client.getGoLive(entityRef);
          if (state.dailyChecks.some(d => d.day === c.day)) return false;
          await client.recordDailyCheck(entityRef, {
            day: c.day,
            items: c.items as DailyCheck['items'],
          });
          return true;
        },
      );
      if (made) checked++;
    }
  }
  // An initiative part-way done: Payments' services name a reachable
  // incident owner (ledger-service's group does not exist, fraud-scoring
  // has none), driven by Platform.
  const initiative = await attempt('initiative', async () => {
    const admin = await as('user:default/priya.raman');
    const title = 'Incident owner everywhere in Payments';
    const { items } = await admin.listInitiatives();
    if (items.some(i => i.title === title)) return false;
    const day = (n: number) =>
      new Date(now() + n * DAY_MS).toISOString().slice(0, 10);
    await admin.createInitiative({
      title,
      description:
        'Every Payments service names the group that leads its incidents, and that group can be reached.',
      scorecard: 'production',
      goal: { checks: ['incident-owner'] },
      scope: { owner: ['group:default/payments'] },
      startsOn: day(-14),
      deadline: day(24),
      owner: 'group:default/platform',
      sponsor: 'group:default/leadership',
      status: 'active',
    });
    return true;
  });
  // An exemption request that waits: support-portal has no runbook; its
  // owner asks, nobody grants, so it stays in Platform's "Waiting for you"
  // (the demo policy lets Platform grant) and their notifications.
  const request = await attempt('exemption request', async () => {
    const entityRef = 'component:default/support-portal';
    const owner = await as('user:default/grace.kim');
    const { items, maxDays } = await owner.listExemptions(entityRef);
    if (items.some(i => i.checkId === 'runbook')) return false;
    await owner.requestExemption(entityRef, {
      checkId: 'runbook',
      reason:
        'The support runbook moves to the new wiki this month; until then the desk follows the printed one (SUP-212)',
      expiresAt: new Date(
        now() + Math.min(30, maxDays - 1) * DAY_MS,
      ).toISOString(),
    });
    return true;
  });
  // A confirmation about to run out: last quarter the Data platform named
  // itself technical owner of Metrics API (which confirms it); the
  // ownership baseline asks for a confirmation every 90 days, so it is due
  // in ten days, in the guest's "Waiting for you" and the team's digest.
  const confirmation = await attempt('aged confirmation', async () => {
    const entityRef = 'component:default/metrics-api';
    const member = await as('user:default/guest');
    const current = await member.getOwnership(entityRef);
    if (current.version > 0) return false;
    const saved = await member.saveOwnership(
      entityRef,
      {
        roles: { technical: 'group:default/data-platform' },
        reason: 'Ownership review of the data platform',
      },
      current.version,
    );
    if (!saved.confirmations?.technical) return false;
    await ageOwnershipSave({
      database: options.database,
      entityRef,
      role: 'technical',
      days: 80,
      now,
    });
    await member.evaluate(entityRef);
    return true;
  });
  logger.info(
    `Readiness demo: ${attested} attestations, ${exempted} exemptions, ${checked} daily checks${
      initiative ? ', an initiative' : ''
    }${request ? ', an exemption request' : ''}${
      confirmation ? ', a confirmation 80 days old' : ''
    } made through the API`,
  );
  for (const failure of failures)
    logger.warn(`Readiness demo: could not seed ${failure}`);
}

/**
 * Demo only: once the backend has started, sends the evidence file's CI facts,
 * attestations and exemptions through the REST API (see
 * {@link seedDemoEvidence}). Needs {@link demoSignInModule} in the same backend.
 */
export function demoSeedModule(options: { evidenceFile: string }) {
  return createBackendModule({
    pluginId: 'readiness',
    moduleId: 'demo-seed',
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          database: coreServices.database,
          discovery: coreServices.discovery,
          logger: coreServices.logger,
          lifecycle: coreServices.rootLifecycle,
        },
        async init({ config, database, discovery, logger, lifecycle }) {
          const ciToken = demoCiToken(config);
          lifecycle.addStartupHook(() => {
            // In the background: the server must be listening to answer.
            seedDemoEvidence({
              evidence: readEvidenceFile(options.evidenceFile),
              discovery,
              ciToken,
              logger,
              database,
            }).catch(error =>
              logger.error(`Readiness demo: seeding failed: ${error}`),
            );
          });
        },
      });
    },
  });
}
