import { Command } from 'commander';
import fs from 'node:fs';
import {
  parseScorecardYaml,
  ScorecardValidationError,
} from '@readiness/backstage-plugin-readiness-common';

/** `readiness validate <scorecard.yaml…>`: exit 1 when any file is invalid. */
export function registerValidate(
  program: Command,
  out: (s: string) => void,
  err: (s: string) => void,
) {
  program
    .command('validate')
    .description(
      'Validate scorecard files; print every error with file, check id and field path',
    )
    .argument('<files...>', 'scorecard YAML files')
    .action((files: string[]) => {
      let failed = 0;
      for (const file of files) {
        try {
          const text = fs.readFileSync(file, 'utf8');
          const cards = parseScorecardYaml(text, file);
          for (const c of cards) {
            const checks = c.spec.areas.reduce(
              (n, a) => n + a.checks.length,
              0,
            );
            out(
              `✓ ${file}: ${c.metadata.name} — ${
                c.spec.areas.length
              } areas, ${checks} checks, ${
                c.spec.levels?.length ?? 0
              } levels\n`,
            );
          }
          if (cards.length === 0) {
            failed += 1;
            err(`✗ ${file}: no scorecard in the file\n`);
          }
        } catch (e) {
          failed += 1;
          err(
            e instanceof ScorecardValidationError
              ? `✗ ${e.message}\n`
              : `✗ ${file}: ${(e as Error).message}\n`,
          );
        }
      }
      if (failed > 0) {
        err(
          `${failed} of ${files.length} file${
            files.length === 1 ? '' : 's'
          } invalid\n`,
        );
        process.exitCode = 1;
      }
    });
}
