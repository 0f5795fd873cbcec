import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import fs from 'node:fs';
import path from 'node:path';
import {
  startReadinessBackend,
  testActions,
} from '../__testUtils__/testBackend';
import { EXAMPLES, exampleEntities } from '../__testUtils__/testUtils';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

type AuditEvent = { eventId: string; meta?: any; outcome?: any };

/** The real plugin with its actions registered in Backstage's mock registry. */
async function start(
  databaseId: TestDatabaseId,
  result: AuthorizeResult,
  entities?: Entity[],
) {
  const actions = testActions();
  const events: AuditEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async (options: any) => {
      const event: AuditEvent = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(event);
      return {
        success: async (o?: any) => {
          event.outcome = { success: o?.meta };
        },
        fail: async (o: any) => {
          event.outcome = { fail: o.error.message };
        },
      };
    },
  });
  const { server } = await startReadinessBackend({
    databases,
    databaseId,
    authorize: () => result,
    entities,
    features: [actions.feature, auditor.factory],
  });
  return { server, names: actions.names, run: actions.run, events };
}

describe.each(databases.eachSupportedId())('MCP actions on %s', databaseId => {
  it('answer as /results does for an owner, however the owner is written', async () => {
    const { server, names, run } = await start(
      databaseId,
      AuthorizeResult.ALLOW,
    );
    expect(names()).toEqual([
      'get-entity-readiness',
      'get-go-live-note',
      'get-summary',
      'list-failing-checks-for-owner',
      'list-go-lives',
      'preview-scorecard',
      'request-exemption',
    ]);
    const rest = await request(server).get(
      '/api/readiness/results?owner=group:default/payments&status=blocked&status=needs-work&limit=500',
    );
    expect(rest.body.items.length).toBeGreaterThan(0);
    const expected = rest.body.items.map((r: any) => r.entityRef);
    for (const owner of [
      'payments',
      'group:payments',
      'group:default/payments',
    ]) {
      const { output } = await run('list-failing-checks-for-owner', { owner });
      expect(output.entities.map((e: any) => e.entityRef)).toEqual(expected);
    }
    // A parent group includes its sub-groups' entities, as /results does.
    const parent = await run('list-failing-checks-for-owner', {
      owner: 'engineering',
    });
    const restParent = await request(server).get(
      '/api/readiness/results?owner=engineering&status=blocked&status=needs-work&limit=500',
    );
    expect(parent.output.entities.map((e: any) => e.entityRef)).toEqual(
      restParent.body.items.map((r: any) => r.entityRef),
    );
    expect(parent.output.entities.length).toBeGreaterThan(expected.length);

    const entity = await run('get-entity-readiness', {
      entityRef: 'component:default/ledger-service',
    });
    expect(entity.output.results[0]).toMatchObject({
      scorecard: 'production',
      status: 'blocked',
    });
    expect(
      entity.output.results[0].failingChecks.map((c: any) => c.checkId),
    ).toContain('incident-owner');
    await expect(
      run('get-entity-readiness', { entityRef: 'component:default/ghost' }),
    ).rejects.toThrow('No entity component:default/ghost in the catalog');
  });

  it('refuse a caller without readiness.results.read', async () => {
    const { run } = await start(databaseId, AuthorizeResult.DENY);
    await expect(
      run('get-entity-readiness', {
        entityRef: 'component:default/ledger-service',
      }),
    ).rejects.toThrow('readiness.results.read');
    await expect(
      run('list-failing-checks-for-owner', { owner: 'payments' }),
    ).rejects.toThrow('readiness.results.read');
    await expect(run('get-summary', {})).rejects.toThrow(
      'readiness.results.read',
    );
    await expect(
      run('get-go-live-note', {
        entityRef: 'component:default/ledger-service',
      }),
    ).rejects.toThrow('readiness.results.read');
    await expect(
      run('preview-scorecard', { yaml: 'kind: Scorecard' }),
    ).rejects.toThrow('readiness.scorecard.preview');
    await expect(
      run('request-exemption', {
        entityRef: 'component:default/ledger-service',
        checkId: 'load-test-p95',
        reason: 'x',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    ).rejects.toThrow(/may not/);
  });

  it('answer the go-live note, the go-lives, the summary and a preview as the REST API does', async () => {
    // checkout-web goes live tomorrow.
    const tomorrow = new Date(Date.now() + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const { server, run } = await start(
      databaseId,
      AuthorizeResult.ALLOW,
      exampleEntities().map(e =>
        e.metadata.name === 'checkout-web' && e.kind === 'Component'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: {
                  ...e.metadata.annotations,
                  'readiness/go-live-date': tomorrow,
                },
              },
            }
          : e,
      ),
    );
    const note = await run('get-go-live-note', {
      entityRef: 'component:default/checkout-web',
    });
    const report = await request(server).get(
      '/api/readiness/entities/component/default/checkout-web/report',
    );
    // The same note, but for the time it was written.
    const unstamped = (md: string) => md.replace(/^Written: .*$/m, '');
    expect(unstamped(note.output.markdown)).toBe(unstamped(report.text));
    expect(note.output.markdown).toMatch(/^Written: \d{4}-/m);
    expect(note.output.fileName).toMatch(/checkout-web/);

    const goLives = await run('list-go-lives', {});
    const rest = await request(server).get('/api/readiness/go-lives');
    expect(goLives.output.items.map((g: any) => g.entityRef)).toEqual(
      rest.body.items.map((g: any) => g.entityRef),
    );
    expect(goLives.output.items).toContainEqual(
      expect.objectContaining({
        entityRef: 'component:default/checkout-web',
        goLiveDate: tomorrow,
        phase: 'T-1',
      }),
    );

    const summary = await run('get-summary', { groupBy: 'system' });
    const restSummary = await request(server).get(
      '/api/readiness/summary?groupBy=system',
    );
    expect(summary.output.groups.map((g: any) => [g.key, g.counts])).toEqual(
      restSummary.body.groups.map((g: any) => [g.key, g.counts]),
    );

    const yaml = fs
      .readFileSync(path.join(EXAMPLES, 'scorecards/production.yaml'), 'utf8')
      .replace(/severity: critical/g, 'severity: required');
    const preview = await run('preview-scorecard', { yaml });
    const restPreview = await request(server)
      .post('/api/readiness/scorecards/preview')
      .send({ yaml });
    expect(preview.output.scorecards[0].totals).toEqual(
      restPreview.body.scorecards[0].totals,
    );
    expect(preview.output.scorecards[0].toBlocked).toBe(
      restPreview.body.scorecards[0].toBlocked,
    );
  });

  it('ask for an exemption as the REST API does, audited, for people only', async () => {
    const { server, run, events } = await start(
      databaseId,
      AuthorizeResult.ALLOW,
    );
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const input = {
      entityRef: 'component:default/ledger-service',
      checkId: 'load-test-p95',
      reason: 'The load test moves to the new rig next sprint',
      expiresAt,
    };
    const { output } = await run(
      'request-exemption',
      input,
      mockCredentials.user('user:default/jane'),
    );
    // Jane may grant too (allow-all): granted at once, as on the tab.
    expect(output).toEqual({
      id: expect.any(String),
      status: 'granted',
      expiresAt,
    });
    const listed = await request(server).get(
      '/api/readiness/entities/component/default/ledger-service/exemptions',
    );
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        id: output.id,
        requestedBy: 'user:default/jane',
        reason: input.reason,
      }),
    );
    expect(events).toContainEqual({
      eventId: 'exemption-request',
      meta: {
        entityRef: input.entityRef,
        checkId: input.checkId,
        reason: input.reason,
        via: 'action',
      },
      outcome: { success: { id: output.id, by: 'user:default/jane' } },
    });
    // A service (a pipeline's token) vouches for nothing.
    await expect(
      run(
        'request-exemption',
        { ...input, checkId: 'runbook-reviewed' },
        mockCredentials.service('plugin:ci'),
      ),
    ).rejects.toThrow('Only a signed-in person may ask for an exemption');
    expect(events.at(-1)).toMatchObject({
      eventId: 'exemption-request',
      outcome: { fail: 'Only a signed-in person may ask for an exemption' },
    });
  });
});
