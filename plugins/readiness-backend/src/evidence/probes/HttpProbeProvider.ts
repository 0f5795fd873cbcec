import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_HEALTH_URL,
  entityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type {
  CollectedFact,
  ReadinessFactProvider,
} from '@readiness/backstage-plugin-readiness-node';
import { targetPaths } from '@backstage/cli-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import type { ProbeConfig } from './config';
import { probeUrl } from './probeUrl';
import { SsrfGuard } from './ssrfGuard';

/** The URL to probe: the `readiness/health-url` annotation, else the first link of the configured type. */
export function probeTarget(
  entity: Entity,
  linkType: string,
): string | undefined {
  const annotation = entity.metadata.annotations?.[ANNOTATION_HEALTH_URL];
  if (annotation?.trim()) return annotation.trim();
  return entity.metadata.links?.find(l => l.type === linkType)?.url;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return out;
}

/**
 * Node's certificate authorities plus those in `files` (relative to
 * `rootDir`), read now so that a renewed file is used on the next run;
 * undefined when there are no extra files.
 */
export async function readTrustedCas(
  files: string[],
  rootDir = targetPaths.rootDir,
): Promise<string[] | undefined> {
  if (!files.length) return undefined;
  const extra = await Promise.all(
    files.map(async file => {
      const abs = path.resolve(rootDir, file);
      try {
        return await fs.readFile(abs, 'utf8');
      } catch (error) {
        throw new Error(
          `readiness.probes.caFile: cannot read ${abs}: ${
            (error as Error).message
          }`,
        );
      }
    }),
  );
  return [...rootCertificates, ...extra];
}

/**
 * The built-in HTTP prober, as a fact provider: probes each entity's target
 * (bounded concurrency, each probe bounded by its own timeout, body and
 * redirect limits, the SSRF guard on every hop) and yields an `http` fact,
 * which the `http` checks read.
 */
export function createHttpProbeProvider(
  config: ProbeConfig,
  guard = new SsrfGuard(config.allow),
): ReadinessFactProvider {
  return {
    id: 'http-probe',
    schedule: config.schedule,
    appliesTo: entity => probeTarget(entity, config.linkType) !== undefined,
    async collect(entities, { signal }) {
      const ca = await readTrustedCas(config.caFiles);
      return pool(
        entities,
        config.concurrency,
        async (entity): Promise<CollectedFact> => {
          const url = probeTarget(entity, config.linkType)!;
          const value = await probeUrl(url, {
            guard,
            limits: config.limits,
            signal,
            ca,
          });
          return {
            entityRef: entityKey(entity),
            fact: {
              id: 'http',
              value: value as any,
              observedAt: new Date().toISOString(),
              source: 'probe:http',
            },
          };
        },
      );
    },
  };
}
