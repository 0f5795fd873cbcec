/*
 * Starts the backend for the end-to-end tests: it serves the built frontend
 * (run `yarn build:e2e` first) on http://localhost:7007, with the demo config
 * plus app-config.e2e.yaml. Playwright starts and stops it (playwright.config.ts).
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const backendDir = path.join(root, 'packages', 'backend');
const child = spawn(
  process.execPath,
  [
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs', {
      paths: [backendDir],
    }),
    'src/index.ts',
    '--config',
    path.join(root, 'app-config.yaml'),
    '--config',
    path.join(root, 'app-config.e2e.yaml'),
  ],
  {
    cwd: backendDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 0));
