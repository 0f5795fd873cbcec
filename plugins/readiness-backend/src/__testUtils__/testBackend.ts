import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { readinessPlugin } from '../plugin';
import { exampleEvidence, exampleEntities, readinessConfig } from './testUtils';

/** A permission request as the mock policy sees it. */
export type TestAuthorizeRequest = {
  permission: { name: string };
  resourceRef?: string;
};

/** Options of {@link startReadinessBackend}. */
export interface TestBackendOptions {
  /** Create it at the top of the test file (it registers jest hooks). */
  databases: TestDatabases;
  databaseId?: Parameters<TestDatabases['init']>[0];
  /** Decides each permission request (for this user, if a user asks); ALLOW when not given. */
  authorize?: (
    request: TestAuthorizeRequest,
    userEntityRef?: string,
  ) => AuthorizeResult;
  /**
   * Decides conditional requests (which entities the caller may read in the
   * catalog: ALLOW, DENY or CONDITIONAL with the catalog's rules); ALLOW
   * when not given.
   */
  authorizeConditional?: (
    request: TestAuthorizeRequest,
    userEntityRef?: string,
  ) => PolicyDecision;
  /** Replaces the catalog built from the example entities. */
  catalog?: ReturnType<typeof catalogServiceMock.mock>;
  /** Catalog entities, when not the examples (ignored with `catalog`). */
  entities?: Entity[];
  config?: object;
  /** More features: an auditor mock, an actions registry, … */
  features?: Parameters<typeof startTestBackend>[0]['features'];
  /** Resolve only once every shard has run once (default true). */
  waitForEvaluation?: boolean;
  /**
   * Whether the mock scheduler runs tasks with an initial delay at start-up
   * anyway (default true, so the shards run at once); false lets a test see
   * what happens before a delayed task (a probe run) first runs.
   */
  runDelayedTasks?: boolean;
  /**
   * The scheduler to use (`mockServices.scheduler()`), so that the test can
   * run a task again with `triggerTask(id)`.
   */
  scheduler?: ReturnType<typeof mockServices.scheduler>;
}

/** Stops for the backends started inside the running test. */
const startedInTest: Array<() => Promise<void>> = [];

// A backend started inside a test stops when the test ends, so that its
// database connections go back before the next test starts another (a file
// that keeps a dozen running until its end holds a dozen pools of PostgreSQL
// connections, and parallel files run out of them). One started in beforeAll
// runs until the file ends, as startTestBackend arranges.
let inTest = false;
beforeEach(() => {
  inTest = true;
});
afterEach(async () => {
  inTest = false;
  await Promise.all(startedInTest.splice(0).map(stop => stop()));
});

/**
 * The real Readiness plugin in a test backend: the example catalog and demo
 * evidence, a mock permission policy, the scheduler running its shards at
 * start-up. For route and contract tests.
 */
export async function startReadinessBackend(options: TestBackendOptions) {
  const knex: Knex = await options.databases.init(
    options.databaseId ?? 'SQLITE_3',
  );
  const config = (options.config as any) ?? readinessConfig();
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      exampleEvidence,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: config }),
      options.catalog?.factory ??
        catalogServiceMock.factory({
          entities: options.entities ?? exampleEntities(),
        }),
      mockServices.permissions.mock({
        authorize: async (requests: any[], opts?: any) =>
          requests.map(r => ({
            result:
              options.authorize?.(
                r,
                opts?.credentials?.principal?.userEntityRef,
              ) ?? AuthorizeResult.ALLOW,
          })),
        authorizeConditional: async (requests: any[], opts?: any) =>
          requests.map(
            r =>
              options.authorizeConditional?.(
                r,
                opts?.credentials?.principal?.userEntityRef,
              ) ?? { result: AuthorizeResult.ALLOW },
          ),
      } as any).factory,
      (options.scheduler
        ? (options.scheduler as unknown as {
            factory: typeof mockServices.scheduler.factory;
          })
        : mockServices.scheduler
      ).factory({
        includeInitialDelayedTasksOnStartup: options.runDelayedTasks ?? true,
      }),
      ...(options.features ?? []),
    ],
  });
  if (inTest) startedInTest.push(() => backend.stop());
  if (options.waitForEvaluation !== false) {
    const shards = config.readiness?.evaluation?.shards ?? 4;
    for (let i = 0; i < 100; i++) {
      const n = await knex('readiness_shards')
        .whereNotNull('last_success_at')
        .count({ n: '*' });
      if (Number(n[0].n) >= shards) break;
      await new Promise(r => setTimeout(r, 100));
    }
  }
  return { server: backend.server, knex };
}

/**
 * Backstage's mock actions registry as a feature of the test backend:
 * `run` invokes a registered action as `credentials` (a mock user when not
 * given), validating its input and output against the action's schemas.
 */
export function testActions() {
  const registry = actionsRegistryServiceMock();
  return {
    feature: createServiceFactory({
      service: actionsRegistryServiceRef,
      deps: {},
      factory: () => registry,
    }),
    names: () => [...registry.actions.values()].map(a => a.name).sort(),
    run: (name: string, input: object, credentials?: BackstageCredentials) =>
      registry.invoke({
        id: `test:${name}`,
        input: input as any,
        credentials: credentials ?? mockCredentials.user(),
      }) as Promise<{ output: any }>,
  };
}

/**
 * Backstage's notification service as a feature of the test backend that
 * keeps what is sent: `sent` lists every notification, in order.
 */
export function captureNotifications() {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    feature: createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        send: async (n: NotificationSendOptions) => {
          sent.push(n);
        },
      }),
    }),
  };
}
