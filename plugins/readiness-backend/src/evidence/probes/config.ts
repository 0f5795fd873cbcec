import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readSchedule } from '../../evaluation/schedule';
import type { ProbeLimits } from './probeUrl';

/** `readiness.probes`, with defaults. */
export interface ProbeConfig {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  limits: ProbeLimits;
  allow: string[];
  linkType: string;
  /** PEM files of certificate authorities trusted besides Node's own (an internal CA). */
  caFiles: string[];
}

const KEY = 'readiness.probes';

function positive(config: Config, key: string, fallback: number, max: number) {
  const value = config.getOptionalNumber(`${KEY}.${key}`) ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(
      `${KEY}.${key}: expected a whole number from 1 to ${max}, got ${value}`,
    );
  return value;
}

function readCaFiles(config: Config): string[] {
  const key = `${KEY}.caFile`;
  if (!config.has(key)) return [];
  const value = config.getOptional(key);
  const files = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(files) ||
    files.some(f => typeof f !== 'string' || !f.trim())
  )
    throw new Error(`${key}: expected a file path or a list of file paths`);
  return files as string[];
}

/** Reads `readiness.probes`; throws naming the field when a value is wrong. */
export function readProbeConfig(config: Config): ProbeConfig {
  const timeout = config.has(`${KEY}.timeout`)
    ? durationToMilliseconds(
        readDurationFromConfig(config, { key: `${KEY}.timeout` }),
      )
    : 10_000;
  if (!(timeout > 0 && timeout <= 120_000))
    throw new Error(
      `${KEY}.timeout: expected more than 0 and at most 2 minutes`,
    );
  return {
    enabled: config.getOptionalBoolean(`${KEY}.enabled`) ?? true,
    schedule: readSchedule(config, `${KEY}.schedule`, {
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 10 },
    }),
    concurrency: positive(config, 'concurrency', 8, 100),
    limits: {
      timeoutMs: timeout,
      maxBodyBytes: positive(
        config,
        'maxBodyBytes',
        64 * 1024,
        10 * 1024 * 1024,
      ),
      maxRedirects: positive(config, 'maxRedirects', 5, 20),
    },
    allow: config.getOptionalStringArray(`${KEY}.allow`) ?? [],
    linkType: config.getOptionalString(`${KEY}.linkType`) ?? 'health',
    caFiles: readCaFiles(config),
  };
}
