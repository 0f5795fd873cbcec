import {
  EntityFactsInput,
  FactInput,
  ReadinessClient,
} from '@readiness/backstage-plugin-readiness-common';
import { Command, InvalidArgumentError } from 'commander';
import fs from 'node:fs';

/** `id=json` from `--fact`; the value is JSON, or text when it does not parse. */
function parseFactOption(value: string, previous: FactInput[] = []) {
  const i = value.indexOf('=');
  if (i <= 0)
    throw new InvalidArgumentError(
      `"${value}": use id=value, e.g. load-test='{"p95Ms":120}'`,
    );
  const raw = value.slice(i + 1);
  let parsed: FactInput['value'];
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = raw;
  }
  return [...previous, { id: value.slice(0, i), value: parsed }];
}

/** Reads `--file`: `{ entityRef, facts }`, `{ items: [...] }` or a list of them. */
function readFactsFile(file: string): EntityFactsInput[] {
  let doc: any;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (Array.isArray(doc)) return doc;
  if (Array.isArray(doc?.items)) return doc.items;
  return [doc];
}

/**
 * `readiness push`: sends facts to a Readiness backend from CI, with a
 * token from `READINESS_TOKEN` (a Backstage external access token).
 */
export function registerPush(
  program: Command,
  out: (s: string) => void,
  env: NodeJS.ProcessEnv = process.env,
) {
  program
    .command('push')
    .description(
      'Send facts about an entity to a Readiness backend (for CI); the token comes from READINESS_TOKEN',
    )
    .requiredOption(
      '--url <url>',
      'Backstage backend URL, e.g. https://backstage.example.com',
    )
    .option('--entity <ref>', 'entity ref, e.g. component:default/payments-api')
    .option(
      '--fact <id=json>',
      'a fact; repeat for more (value is JSON, or text)',
      parseFactOption,
    )
    .option('--source <source>', 'where the facts come from, e.g. ci:github')
    .option('--file <file>', 'JSON file: { entityRef, facts } or { items }')
    .action(
      async (options: {
        url: string;
        entity?: string;
        fact?: FactInput[];
        source?: string;
        file?: string;
      }) => {
        const token = env.READINESS_TOKEN;
        if (!token)
          throw new Error(
            'READINESS_TOKEN is not set: create a static external access token for the readiness plugin (backend.auth.externalAccess)',
          );
        let items: EntityFactsInput[] = options.file
          ? readFactsFile(options.file)
          : [];
        if (options.fact?.length) {
          if (!options.entity)
            throw new Error(
              '--fact needs --entity (the entity the facts are about)',
            );
          items.push({ entityRef: options.entity, facts: options.fact });
        }
        if (items.length === 0)
          throw new Error(
            'nothing to send: give --entity with --fact, or --file',
          );
        if (options.source) {
          items = items.map(item => ({
            ...item,
            facts: item.facts.map(f => ({ source: options.source, ...f })),
          }));
        }
        const base = options.url.replace(/\/+$/, '');
        const client = ReadinessClient.withToken({
          discoveryApi: { getBaseUrl: async () => `${base}/api/readiness` },
          token,
        });
        const result = await client.pushFacts(items);
        out(
          `✓ ${result.stored} stored, ${
            result.unchanged
          } unchanged; re-evaluated ${result.entityRefs.join(', ')}\n`,
        );
      },
    );
}
