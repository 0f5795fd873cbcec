/*
 * Starts the backend for the end-to-end tests: it serves the built frontend
 * (run `yarn build:e2e` first) on http://localhost:7007, with the demo config
 * plus app-config.e2e.yaml. Playwright starts and stops it (playwright.config.ts);
 * `yarn bench:ui` uses `startE2eBackend` with one more config file.
 */
const path = require('node:path');
const { startBackend, root } = require('./start-backend');

/**
 * Starts the backend with the demo and e2e configs plus `extraConfigs`.
 * Returns the child process.
 */
function startE2eBackend({
  extraConfigs = [],
  env = {},
  stdio = 'inherit',
} = {}) {
  const configs = [
    path.join(root, 'app-config.yaml'),
    path.join(root, 'app-config.e2e.yaml'),
    ...extraConfigs,
  ];
  return startBackend({
    configs,
    env: { READINESS_DEMO_EVIDENCE: 'examples/evidence.json', ...env },
    stdio,
  });
}

/** The flags Chromium needs on these machines (closed network, root, no GPU). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

module.exports = { startE2eBackend, CHROMIUM_ARGS };

if (require.main === module) {
  const child = startE2eBackend();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', code => process.exit(code ?? 0));
}
