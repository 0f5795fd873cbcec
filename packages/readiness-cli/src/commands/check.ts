import { Command, Option } from 'commander';
import {
  EntityReadiness,
  READINESS_STATUSES,
  ReadinessStatus,
} from '@readiness/backstage-plugin-readiness-common';
import { evaluateFiles } from '../lib/evaluate';
import { formatMarkdown, formatTable } from '../lib/format';

/** Options of `readiness check`. */
export interface CheckOptions {
  scorecard: string[];
  catalog?: string;
  facts?: string;
  format: 'table' | 'json' | 'markdown';
  failOn: ReadinessStatus | 'never';
  now?: string;
  color?: boolean;
}

/** Runs the check and returns what to print and the exit code. */
export function runCheck(
  files: string[],
  options: CheckOptions,
): { stdout: string; stderr: string; exitCode: number } {
  const { results, warnings } = evaluateFiles(files, options);
  const stderr = [...warnings];
  if (results.length === 0)
    stderr.push('warning: no scorecard applies to any of the entities');

  let stdout: string;
  if (options.format === 'json') stdout = JSON.stringify(results, null, 2);
  else if (options.format === 'markdown') stdout = formatMarkdown(results);
  else stdout = formatTable(results, options.color ?? false);

  return {
    stdout: `${stdout}\n`,
    stderr: stderr.map(s => `${s}\n`).join(''),
    exitCode: gate(results, options.failOn) ? 1 : 0,
  };
}

/** True when a result is at or below the `--fail-on` status. */
export function gate(
  results: EntityReadiness[],
  failOn: CheckOptions['failOn'],
): boolean {
  if (failOn === 'never') return false;
  const limit = READINESS_STATUSES.indexOf(failOn);
  return results.some(r => READINESS_STATUSES.indexOf(r.status) >= limit);
}

/** `readiness check <catalog-info.yaml…> --scorecard <file>` */
export function registerCheck(
  program: Command,
  out: (s: string) => void,
  err: (s: string) => void,
) {
  program
    .command('check')
    .description(
      'Evaluate catalog entities from files with the readiness engine',
    )
    .argument(
      '<files...>',
      'catalog-info.yaml files (Location entities are followed)',
    )
    .requiredOption(
      '-s, --scorecard <file>',
      'scorecard YAML file (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option(
      '-c, --catalog <dir>',
      'folder of catalog YAML with the users and groups that owners refer to',
    )
    .option(
      '-f, --facts <file>',
      'evidence JSON: facts, attestations and exemptions per entity ref',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'markdown'])
        .default('table'),
    )
    .addOption(
      new Option(
        '--fail-on <status>',
        'exit 1 when any result is this status or worse',
      )
        .choices(['blocked', 'needs-work', 'never'])
        .default('blocked'),
    )
    .option('--now <time>', 'evaluate as of this ISO 8601 time (default: now)')
    .option('--no-color', 'no colours, even on a terminal')
    .action((files: string[], opts: CheckOptions & { color: boolean }) => {
      const color =
        opts.color && !!process.stdout.isTTY && !process.env.NO_COLOR;
      const result = runCheck(files, { ...opts, color });
      if (result.stderr) err(result.stderr);
      out(result.stdout);
      if (result.exitCode !== 0) {
        err(
          `readiness: some results are ${
            opts.failOn === 'blocked' ? 'blocked' : `${opts.failOn} or worse`
          } (--fail-on ${opts.failOn})\n`,
        );
        process.exitCode = result.exitCode;
      }
    });
}
