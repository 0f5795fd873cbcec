import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
  metricsServiceFactory,
  tracingServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { EXAMPLES, readinessConfig } from '../__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const OUTSIDER = 'user:default/outsider';
const tool = (name: string) => `readiness.${name}`;

/**
 * One MCP client session over HTTP, as an assistant has it: Backstage's MCP
 * actions plugin, its real actions registry and service, the Readiness plugin
 * behind them; the client lists the tools and calls them with a person's
 * token, and permissions decide as for the REST API.
 */
describe.each(databases.eachSupportedId())(
  'Readiness tools over MCP on %s',
  databaseId => {
    it('lists the tools and calls them as the caller, denying what the caller may not do', async () => {
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        config: {
          ...readinessConfig(),
          backend: { actions: { pluginSources: ['readiness'] } },
        },
        features: [
          mcpActionsPlugin,
          actionsRegistryServiceFactory,
          actionsServiceFactory,
          metricsServiceFactory,
          tracingServiceFactory,
        ],
        // The outsider may read, but not preview, nor ask for or grant exemptions.
        authorize: (r, user) =>
          user === OUTSIDER &&
          [
            'readiness.scorecard.preview',
            'readiness.attestation.create',
            'readiness.exemption.create',
          ].includes(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      });
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const session = async (user: string) => {
        const client = new Client({ name: 'readiness-test', version: '1.0.0' });
        await client.connect(
          new StreamableHTTPClientTransport(
            new URL(`http://127.0.0.1:${address.port}/api/mcp-actions/v1`),
            {
              requestInit: {
                headers: { Authorization: mockCredentials.user.header(user) },
              },
            },
          ),
        );
        return client;
      };
      const text = (r: any) => r.content.map((c: any) => c.text).join('');

      const client = await session('user:default/mock');
      const { tools } = await client.listTools();
      // Backstage's MCP server names them after the plugin.
      expect(tools.map(t => t.name).sort()).toEqual(
        [
          'get-entity-readiness',
          'get-go-live-note',
          'get-summary',
          'list-failing-checks-for-owner',
          'list-go-lives',
          'preview-scorecard',
          'request-exemption',
        ].map(tool),
      );
      const preview = tools.find(t => t.name === tool('preview-scorecard'))!;
      expect(preview.inputSchema.required).toEqual(['yaml']);

      // A read: the same counts as GET /summary.
      const summary = await client.callTool({
        name: tool('get-summary'),
        arguments: { groupBy: 'owner' },
      });
      expect(summary.isError).toBeFalsy();
      const rest = await request(server).get(
        '/api/readiness/summary?groupBy=owner',
      );
      expect(JSON.parse(text(summary)).overall.counts).toEqual(
        rest.body.overall.counts,
      );

      // The preview, and the write: a request stored for the caller.
      const yaml = fs
        .readFileSync(path.join(EXAMPLES, 'scorecards/production.yaml'), 'utf8')
        .replace(/severity: critical/g, 'severity: required');
      const moved = await client.callTool({
        name: tool('preview-scorecard'),
        arguments: { yaml },
      });
      expect(moved.isError).toBeFalsy();
      expect(JSON.parse(text(moved)).scorecards[0].movesTotal).toBeGreaterThan(
        0,
      );
      const asked = await client.callTool({
        name: tool('request-exemption'),
        arguments: {
          entityRef: 'component:default/ledger-service',
          checkId: 'load-test-p95',
          reason: 'Load test moves to the new rig next sprint',
          expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      });
      expect(asked.isError).toBeFalsy();
      const listed = await request(server).get(
        '/api/readiness/entities/component/default/ledger-service/exemptions',
      );
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({
          id: JSON.parse(text(asked)).id,
          checkId: 'load-test-p95',
          requestedBy: 'user:default/mock',
        }),
      );
      await client.close();

      // Denied: an error naming the permission, no data, nothing stored.
      const outsider = await session(OUTSIDER);
      const denied = await outsider.callTool({
        name: tool('preview-scorecard'),
        arguments: { yaml },
      });
      expect(denied.isError).toBe(true);
      expect(text(denied)).toMatch(/readiness\.scorecard\.preview/);
      expect(text(denied)).not.toMatch(/movesTotal/);
      const refused = await outsider.callTool({
        name: tool('request-exemption'),
        arguments: {
          entityRef: 'component:default/ledger-service',
          checkId: 'runbook-reviewed',
          reason: 'no',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
      expect(refused.isError).toBe(true);
      const after = await request(server).get(
        '/api/readiness/entities/component/default/ledger-service/exemptions',
      );
      expect(
        after.body.items.filter((i: any) => i.checkId === 'runbook-reviewed'),
      ).toEqual([]);
      await outsider.close();
    });
  },
);
