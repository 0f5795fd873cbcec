/*
 * `yarn start:backend --config app-config.yaml --config app-config.production.yaml`:
 * starts the backend alone, from source, with the repository root as its
 * working directory, the way the built image runs it (`node packages/backend`
 * in /app). `--config` paths are relative to where you run the command. It
 * serves the built frontend when `yarn build:e2e` (the app's build) has run.
 * The end-to-end tests, `yarn bench:ui` and the production check start the
 * backend through `startBackend`.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const backendDir = path.join(root, 'packages', 'backend');

/**
 * Spawns the backend from source with the given config files (absolute, or
 * relative to the current directory). Returns the child process.
 */
function startBackend({ configs, env = {}, stdio = 'inherit' }) {
  return spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [backendDir],
      }),
      path.join(backendDir, 'src', 'index.ts'),
      ...configs.flatMap(c => ['--config', path.resolve(c)]),
    ],
    {
      cwd: root,
      stdio,
      env: { NODE_ENV: 'production', ...process.env, ...env },
    },
  );
}

/** The `--config` values of an argument list. */
function configArgs(argv) {
  const configs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config' && argv[i + 1]) configs.push(argv[++i]);
    else if (argv[i].startsWith('--config=')) configs.push(argv[i].slice(9));
    else throw new Error(`start:backend: unknown argument ${argv[i]}`);
  }
  return configs.length ? configs : ['app-config.yaml'];
}

module.exports = { startBackend, root };

if (require.main === module) {
  const child = startBackend({ configs: configArgs(process.argv.slice(2)) });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', code => process.exit(code ?? 0));
}
