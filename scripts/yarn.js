/*
 * Runs the Yarn release checked into .yarn/releases, so no global yarn or
 * corepack download is needed. Used by `npm run demo` and `npm run test:all`.
 *
 * Where Node's own headers are installed (Debian's nodejs puts them in
 * /usr/include/node), native modules such as better-sqlite3 are built against
 * them instead of node-gyp downloading headers from the internet.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function yarnRelease() {
  const dir = path.join(root, '.yarn', 'releases');
  const file = fs.readdirSync(dir).find(f => /^yarn-.*\.cjs$/.test(f));
  if (!file) throw new Error(`No Yarn release found in ${dir}`);
  return path.join(dir, file);
}

function yarnEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  const headers = path.join(prefix, 'include', 'node', 'node_version.h');
  if (!env.npm_config_nodedir && fs.existsSync(headers)) {
    env.npm_config_nodedir = prefix;
  }
  return env;
}

/** Runs yarn with the given arguments and waits; throws when it fails. */
function yarnSync(args, options = {}) {
  const result = spawnSync(process.execPath, [yarnRelease(), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: yarnEnv(options.env),
  });
  if (result.status !== 0) {
    const error = new Error(
      `yarn ${args.join(' ')} failed with exit code ${result.status}`,
    );
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

/** Starts yarn with the given arguments and returns the child process. */
function yarnSpawn(args, options = {}) {
  return spawn(process.execPath, [yarnRelease(), ...args], {
    cwd: root,
    stdio: options.stdio ?? 'inherit',
    env: yarnEnv(options.env),
    detached: options.detached,
  });
}

module.exports = { root, yarnSync, yarnSpawn, yarnEnv, yarnRelease };
