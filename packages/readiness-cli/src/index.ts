import { CommanderError } from 'commander';
import { createProgram } from './program';

// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { version } = require('../package.json');

createProgram(version)
  .parseAsync(process.argv)
  .catch(error => {
    if (error instanceof CommanderError) {
      process.exit(error.exitCode);
    }
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  });
