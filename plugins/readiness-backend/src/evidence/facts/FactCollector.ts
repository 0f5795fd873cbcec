import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type {
  CollectedFact,
  ReadinessFactProvider,
} from '@readiness/backstage-plugin-readiness-node';
import { EvidenceStore } from '../EvidenceStore';
import { CatalogReader } from '../../evaluation/CatalogReader';
import { refOf } from '../../evaluation/entityFields';
import { Evaluator } from '../../evaluation/Evaluator';
import { validateFact } from './validateFact';

/** What one provider run did, for logs and tests. */
export interface CollectReport {
  provider: string;
  entities: number;
  facts: number;
  rejected: number;
  error?: string;
}

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Runs the fact providers (built in, and added by modules through
 * `readinessFactProvidersExtensionPoint`): each on its schedule over the
 * entities it applies to, or for one entity on demand. Stores what they
 * return and re-evaluates the entities whose facts arrived.
 */
export class FactCollector {
  private readonly providers = new Map<string, ReadinessFactProvider>();

  constructor(
    private readonly options: {
      evidence: EvidenceStore;
      reader: CatalogReader;
      evaluator: Evaluator;
      logger: LoggerService;
      /** How long one run may take before it is aborted. */
      timeoutMs?: number;
      now?: () => Date;
    },
  ) {}

  /** Adds providers; throws on a bad or repeated id. */
  add(...providers: ReadinessFactProvider[]): void {
    for (const p of providers) {
      if (!PROVIDER_ID.test(p.id))
        throw new Error(
          `Readiness fact provider id "${p.id}": use a-z, 0-9 and '-', up to 63 characters`,
        );
      if (this.providers.has(p.id))
        throw new Error(`Readiness fact provider "${p.id}" is added twice`);
      this.providers.set(p.id, p);
    }
  }

  /** One scheduled task per provider, on one replica at a time. */
  async schedule(
    scheduler: SchedulerService,
    defaults: SchedulerServiceTaskScheduleDefinition,
  ): Promise<void> {
    for (const provider of this.providers.values()) {
      await scheduler.scheduleTask({
        id: `readiness-facts-${provider.id}`,
        ...(provider.schedule ?? defaults),
        scope: 'global',
        fn: async () => {
          await this.run(provider);
        },
      });
    }
  }

  /** Runs one provider over every entity it applies to, now. */
  async run(provider: ReadinessFactProvider): Promise<CollectReport> {
    const { reader, logger } = this.options;
    const report: CollectReport = {
      provider: provider.id,
      entities: 0,
      facts: 0,
      rejected: 0,
    };
    try {
      const { scoped } = await reader.current();
      const entities = scoped.filter(e => provider.appliesTo?.(e) ?? true);
      report.entities = entities.length;
      const stored = new Set(await this.collect(provider, entities, report));
      await this.options.evaluator.evaluateEntities(
        entities.filter(e => stored.has(refOf(e))),
        { factsCollected: true },
      );
    } catch (error) {
      report.error = String(error);
      logger.warn(`Readiness facts from ${provider.id} failed: ${error}`);
    }
    logger.info(
      `Readiness facts from ${provider.id}: ${report.facts} facts for ${report.entities} entities (${report.rejected} rejected)`,
    );
    return report;
  }

  /**
   * Runs every provider that applies to this entity and stores the facts,
   * before a re-evaluation. A failing provider is logged, never thrown.
   */
  async collectFor(entity: Entity): Promise<void> {
    await this.collectForMany([entity]);
  }

  /**
   * Runs every provider over those of these entities it applies to (one call
   * per provider) and stores the facts; for entities seen for the first time,
   * before their first evaluation. A failing provider is logged, never thrown.
   */
  async collectForMany(entities: Entity[]): Promise<CollectReport[]> {
    const reports: CollectReport[] = [];
    for (const provider of this.providers.values()) {
      const mine = entities.filter(e => provider.appliesTo?.(e) ?? true);
      if (mine.length === 0) continue;
      const report: CollectReport = {
        provider: provider.id,
        entities: mine.length,
        facts: 0,
        rejected: 0,
      };
      try {
        await this.collect(provider, mine, report);
      } catch (error) {
        report.error = String(error);
        this.options.logger.warn(
          `Readiness facts from ${provider.id} for ${
            mine.length === 1 ? refOf(mine[0]) : `${mine.length} entities`
          } failed: ${error}`,
        );
      }
      reports.push(report);
    }
    return reports;
  }

  /** Collects, validates and stores; returns the refs that got facts. */
  private async collect(
    provider: ReadinessFactProvider,
    entities: Entity[],
    report: CollectReport,
  ): Promise<string[]> {
    if (entities.length === 0) return [];
    const now = this.options.now?.() ?? new Date();
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error('timed out')),
      this.options.timeoutMs ?? 5 * 60_000,
    );
    let collected: CollectedFact[];
    try {
      collected = await provider.collect(entities, {
        logger: this.options.logger.child({ factProvider: provider.id }),
        signal: controller.signal,
        now,
      });
    } finally {
      clearTimeout(timer);
    }
    const wanted = new Set(entities.map(refOf));
    const valid: CollectedFact[] = [];
    collected.forEach((c, i) => {
      try {
        const fact = validateFact(c as any, {
          at: `facts[${i}]`,
          source: provider.id,
          now,
        });
        if (!wanted.has(fact.entityRef))
          throw new Error(`${fact.entityRef} was not asked for`);
        valid.push(fact);
      } catch (error) {
        report.rejected++;
        this.options.logger.warn(
          `Readiness facts from ${provider.id}: ignored facts[${i}]: ${error}`,
        );
      }
    });
    await this.options.evidence.upsertFacts(valid);
    report.facts += valid.length;
    return [...new Set(valid.map(v => v.entityRef))];
  }
}
