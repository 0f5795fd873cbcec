import { ReadinessClient } from '@readiness/backstage-plugin-readiness-common';
import { Command, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import { previewMarkdown } from '../lib/previewMarkdown';

/** Options of `readiness preview`. */
interface PreviewOptions {
  url: string;
  scorecard: string[];
  base: string;
  format: 'markdown' | 'json';
  limit?: number;
  failOnBlocked?: boolean;
}

function read(file: string, option: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${option}: cannot read ${file}: ${(error as Error).message}`,
    );
  }
}

/**
 * `readiness preview`: asks a running Readiness backend what a scorecard
 * change would move (`POST /scorecards/preview`), for a pull request. The
 * token comes from `READINESS_TOKEN`.
 */
export function registerPreview(
  program: Command,
  out: (s: string) => void,
  env: NodeJS.ProcessEnv = process.env,
) {
  program
    .command('preview')
    .description(
      'Show what a scorecard change would move, evaluated by a running Readiness backend without writing (for a pull request); the token comes from READINESS_TOKEN',
    )
    .requiredOption(
      '--url <url>',
      'Backstage backend URL, e.g. https://backstage.example.com',
    )
    .requiredOption(
      '-s, --scorecard <file>',
      'the changed scorecard YAML; repeat for more',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--base <current|file>',
      'compare with the running scorecards (current) or a YAML file, e.g. the file on the main branch',
      'current',
    )
    .option(
      '--format <markdown|json>',
      'output format',
      (value: string) => {
        if (value !== 'markdown' && value !== 'json')
          throw new InvalidArgumentError('use markdown or json');
        return value;
      },
      'markdown',
    )
    .option(
      '--limit <n>',
      'moved entities listed per scorecard (default 200)',
      (value: string) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0)
          throw new InvalidArgumentError('use a whole number');
        return n;
      },
    )
    .option(
      '--fail-on-blocked',
      'exit 1 when the change would drop any entity to Blocked',
    )
    .action(async (options: PreviewOptions) => {
      const token = env.READINESS_TOKEN;
      if (!token)
        throw new Error(
          'READINESS_TOKEN is not set: create a static external access token for the readiness plugin (backend.auth.externalAccess) allowed readiness.scorecard.preview',
        );
      const yaml = options.scorecard
        .map(f => read(f, '--scorecard'))
        .join('\n---\n');
      const base =
        options.base === 'current' ? undefined : read(options.base, '--base');
      const root = options.url.replace(/\/+$/, '');
      const client = ReadinessClient.withToken({
        discoveryApi: { getBaseUrl: async () => `${root}/api/readiness` },
        token,
      });
      const preview = await client.previewScorecard({
        yaml,
        base,
        limit: options.limit,
      });
      out(
        options.format === 'json'
          ? `${JSON.stringify(preview, null, 2)}\n`
          : `${previewMarkdown(preview)}\n`,
      );
      const blocked = preview.scorecards.reduce((n, s) => n + s.toBlocked, 0);
      if (options.failOnBlocked && blocked > 0) process.exitCode = 1;
    });
}
