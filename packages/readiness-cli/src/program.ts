import { Command } from 'commander';

/**
 * Builds the `readiness` command line. Each command is added in its own file.
 */
export function createProgram(version: string): Command {
  const program = new Command('readiness')
    .description(
      'Production readiness of Backstage catalog entities, from the command line.',
    )
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  return program;
}
