import { Command } from 'commander';
import { registerCheck } from './commands/check';
import { registerPreview } from './commands/preview';
import { registerPush } from './commands/push';
import { registerReport } from './commands/report';
import { registerValidate } from './commands/validate';

/**
 * Builds the `readiness` command line. Each command lives in its own file
 * under `commands/`.
 */
export function createProgram(
  version: string,
  out: (s: string) => void = s => process.stdout.write(s),
  err: (s: string) => void = s => process.stderr.write(s),
): Command {
  const program = new Command('readiness')
    .description(
      'Production readiness of Backstage catalog entities, from the command line.',
    )
    .version(version)
    .showHelpAfterError()
    .configureOutput({ writeOut: out, writeErr: err })
    .exitOverride();
  registerValidate(program, out, err);
  registerCheck(program, out, err);
  registerReport(program, out, err);
  registerPush(program, out);
  registerPreview(program, out);
  return program;
}
