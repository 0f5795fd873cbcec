import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readinessPermissions } from '@readiness/backstage-plugin-readiness-common';
import {
  ReadinessFactProvider,
  readinessFactProvidersExtensionPoint,
} from '@readiness/backstage-plugin-readiness-node';
import { registerActions } from './actions/registerActions';
import { createReadinessStores } from './stores';
import { CatalogReader } from './evaluation/CatalogReader';
import { CatalogChangeFollower } from './evaluation/CatalogChangeFollower';
import { Evaluator } from './evaluation/Evaluator';
import { readSchedule } from './evaluation/schedule';
import { ScorecardRegistry } from './evaluation/ScorecardRegistry';
import { FactCollector } from './evidence/facts/FactCollector';
import { FactsService } from './evidence/facts/FactsService';
import { readProbeConfig } from './evidence/probes/config';
import { createHttpProbeProvider } from './evidence/probes/HttpProbeProvider';
import { readDigestConfig } from './digest/digestConfig';
import { createDigestSources } from './digest/digestSources';
import { GoLiveService } from './goLive/GoLiveService';
import { ReadinessNotifier } from './notifications/ReadinessNotifier';
import { scanForNotifications } from './notifications/scanForNotifications';
import { confirmationPeriods } from './ownership/confirmationPeriods';
import { InboxService } from './inbox/InboxService';
import { InitiativeService } from './initiatives/InitiativeService';
import { ManualEvidenceService } from './evidence/manual/ManualEvidenceService';
import { OwnershipService } from './ownership/OwnershipService';
import { OnboardingService } from './ownership/OnboardingService';
import { notificationService } from '@backstage/plugin-notifications-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ReadinessService } from './results/ReadinessService';
import { createRouter } from './router';
import { PreviewService } from './scorecards/PreviewService';
import { ReloadService } from './scorecards/ReloadService';
import {
  readReloadConfig,
  scheduleScorecardReload,
  scorecardReloader,
} from './scorecards/reload';
import { statusChangeListener } from './notifications/statusChangeListener';
import { goLiveEvaluationListener } from './goLive/evaluationListener';

/** `readiness.exemptions.maxDays`: the longest an exemption may last (default 90). */
function readMaxExemptionDays(config: Config): number {
  const days = config.getOptionalNumber('readiness.exemptions.maxDays') ?? 90;
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(
      `readiness.exemptions.maxDays: expected a whole number of days from 1 to 3650, got ${days}`,
    );
  return days;
}

/**
 * The Readiness backend plugin: evaluates catalog entities against the
 * configured scorecards on a schedule, stores results and history, and
 * serves them over REST and as actions.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const providers: ReadinessFactProvider[] = [];
    env.registerExtensionPoint(readinessFactProvidersExtensionPoint, {
      addFactProvider(...added) {
        providers.push(...added);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        actions: actionsRegistryServiceRef,
        notifications: notificationService,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const scorecards = ScorecardRegistry.fromConfig(config);
        if (scorecards.list().length === 0) {
          logger.warn(
            'Readiness: no scorecards configured (readiness.scorecards); nothing will be evaluated',
          );
        }
        const stores = await createReadinessStores({
          database: deps.database,
          scorecards: name => scorecards.get(name),
        });
        const reader = new CatalogReader(deps.catalog, deps.auth, scorecards);
        const notifier = new ReadinessNotifier({
          notifications:
            config.getOptionalBoolean('readiness.notifications.enabled') ===
            false
              ? undefined
              : deps.notifications,
          log: stores.notificationLog,
          owners: ref => stores.evaluationState.getOwners(ref),
          logger,
        });
        const evaluator = new Evaluator({
          stores,
          reader,
          scorecards,
          logger,
          historyRetentionDays:
            config.getOptionalNumber('readiness.history.retentionDays') ?? 180,
          fullPassMs: config.has('readiness.evaluation.fullPassEvery')
            ? durationToMilliseconds(
                readDurationFromConfig(config, {
                  key: 'readiness.evaluation.fullPassEvery',
                }),
              )
            : undefined,
        });
        // Owners hear of status changes, then sign-offs below Ready are void.
        evaluator.subscribe(statusChangeListener(notifier, logger));
        evaluator.subscribe(
          goLiveEvaluationListener({
            store: stores.goLive,
            scorecards,
            logger,
          }),
        );
        deps.permissionsRegistry.addPermissions(readinessPermissions);

        const probes = readProbeConfig(config);
        const facts = new FactCollector({
          evidence: stores.evidence,
          reader,
          evaluator,
          logger,
        });
        if (probes.enabled) facts.add(createHttpProbeProvider(probes));
        facts.add(...providers);
        await facts.schedule(scheduler, probes.schedule);
        // A new entity is probed before its first evaluation, not a probe
        // period later (the first scheduled probe run may find the catalog
        // still empty at start).
        evaluator.onFirstSeen(async entities => {
          const reports = await facts.collectForMany(entities);
          for (const r of reports)
            logger.info(
              `Readiness facts from ${r.provider} for ${r.entities} new entities: ${r.facts} facts (${r.rejected} rejected)`,
            );
        });

        const shards =
          config.getOptionalNumber('readiness.evaluation.shards') ?? 4;
        if (!Number.isInteger(shards) || shards < 1 || shards > 256) {
          throw new Error(
            `readiness.evaluation.shards: expected a whole number from 1 to 256, got ${shards}`,
          );
        }
        const schedule = readSchedule(config);
        const reloadScorecards = scorecardReloader(scorecards, logger);
        const reloadEnabled = readReloadConfig(config).enabled;
        for (let shard = 0; shard < shards; shard++) {
          await scheduler.scheduleTask({
            id: `readiness-evaluate-${shard}-of-${shards}`,
            ...schedule,
            // Each shard runs on one replica at a time, whatever the config says.
            scope: 'global',
            fn: async () => {
              // Whichever replica takes the shard first reads the scorecard
              // files: replicas with the same files evaluate under the same
              // revision, not the one each happened to load last.
              try {
                if (reloadEnabled) reloadScorecards();
              } catch {
                // Refused and logged: the running scorecards stay.
              }
              await evaluator.runShard(shard, shards);
            },
          });
        }

        // Scorecard files read again without a restart (every replica, every
        // 30 s by default, and POST /scorecards/reload); a change makes every
        // shard evaluate now rather than at its next period.
        await scheduleScorecardReload({
          scheduler,
          config,
          reload: reloadScorecards,
        });
        const triggerShards = () => {
          for (let shard = 0; shard < shards; shard++)
            scheduler
              .triggerTask(`readiness-evaluate-${shard}-of-${shards}`)
              .catch(() => {
                // Running already: its next period reads what changed.
              });
        };
        scorecards.onChange(triggerShards);

        // Entities the catalog module names as changed are evaluated within
        // seconds; an organisation change makes every shard run now.
        if (
          config.getOptionalBoolean('readiness.evaluation.followCatalog') !==
          false
        ) {
          const follower = new CatalogChangeFollower({
            reader,
            evaluator,
            logger,
            onOrganisationChange: triggerShards,
          });
          await follower.subscribe(deps.events);
          deps.lifecycle.addShutdownHook(() => follower.stop());
        }

        const service = new ReadinessService({
          stores,
          scorecards,
          reader,
          evaluator,
          facts,
          catalog: deps.catalog,
          permissions: deps.permissions,
          auth: deps.auth,
        });
        // readiness.notifications.enabled: false turns every notice off;
        // readiness.ownership.notify: false only those to named owners.
        const ownershipNotifier =
          config.getOptionalBoolean('readiness.ownership.notify') === false
            ? undefined
            : notifier;
        const ownership = new OwnershipService({
          ownership: stores.ownership,
          evaluator,
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
          logger,
          notifier: ownershipNotifier,
          events: deps.events,
        });
        const onboarding = new OnboardingService({
          ownership,
          catalog: deps.catalog,
          scorecards,
          logger,
          notifier: ownershipNotifier,
        });
        const goLive = new GoLiveService({
          store: stores.goLive,
          evaluationState: stores.evaluationState,
          readiness: service,
          userInfo: deps.userInfo,
          notifier,
          scorecards,
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
        });

        const initiatives = new InitiativeService({
          store: stores.initiatives,
          history: stores.history,
          queries: service.queries,
          scorecards,
          permissions: deps.permissions,
          auth: deps.auth,
        });

        const granters =
          config.getOptionalStringArray('readiness.exemptions.grantedBy') ?? [];
        const digest = readDigestConfig(config);
        const confirmFor = () => confirmationPeriods(scorecards.list());

        // Evidence about to run out, missed daily checks, a go-live date
        // reached without a launch decision: told once each; the weekly digest.
        await scheduler.scheduleTask({
          id: 'readiness-notify',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 2 },
          scope: 'global',
          fn: async () => {
            const sent = await scanForNotifications(
              stores,
              notifier,
              new Date(),
              ref => goLive.standing(ref),
              confirmFor(),
              () => initiatives.activeForReminders(),
              digest.enabled
                ? {
                    schedule: digest,
                    sources: createDigestSources({
                      stores,
                      goLive,
                      initiatives: () => initiatives.activeForReminders(),
                      confirmFor,
                      granters,
                    }),
                  }
                : undefined,
            );
            if (
              sent.expiring +
                sent.missed +
                sent.overdue +
                sent.confirmations +
                sent.reminders +
                sent.digests >
              0
            )
              logger.info(
                `Readiness: notified owners of ${sent.expiring} expiring attestations or exemptions, ${sent.missed} missed daily checks, ${sent.overdue} go-live dates reached without a launch decision, ${sent.confirmations} owner confirmations running out, ${sent.reminders} owners of open initiative work and ${sent.digests} teams of their week`,
              );
          },
        });

        const manualEvidence = new ManualEvidenceService({
          evidence: stores.evidence,
          scorecards,
          evaluator,
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
          maxExemptionDays: readMaxExemptionDays(config),
          granters,
          notifier,
        });
        const preview = new PreviewService({
          stores,
          reader,
          scorecards,
          preparer: evaluator.preparer,
          permissions: deps.permissions,
        });
        registerActions(deps.actions, {
          service,
          goLive,
          preview,
          manualEvidence,
          auditor: deps.auditor,
          auth: deps.auth,
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            ownership,
            onboarding,
            facts: new FactsService({
              evidence: stores.evidence,
              reader,
              evaluator,
              permissions: deps.permissions,
            }),
            manualEvidence,
            goLive,
            inbox: new InboxService({
              evidence: stores.evidence,
              ownership: stores.ownership,
              evaluationState: stores.evaluationState,
              goLive,
              permissions: deps.permissions,
              auth: deps.auth,
              userInfo: deps.userInfo,
              confirmFor,
              initiatives: (credentials, ownedBy) =>
                initiatives.list(credentials, { ownedBy }),
            }),
            initiatives,
            preview,
            reload: new ReloadService({
              registry: scorecards,
              permissions: deps.permissions,
              reload: reloadScorecards,
            }),
            ping: stores.ping,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
