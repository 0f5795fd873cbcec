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

/**
 * The "real paths" backend on :7008 (app-config.e2e-live.yaml): production
 * scorecard, probes on, and no demo evidence loader.
 */
function startLiveBackend({ stdio = 'inherit' } = {}) {
  return startBackend({
    configs: [
      path.join(root, 'app-config.yaml'),
      path.join(root, 'app-config.e2e.yaml'),
      path.join(root, 'app-config.e2e-live.yaml'),
    ],
    // Never the demo loader here, even when the caller's environment sets it;
    // the test's people sign in by header (packages/backend/src/e2e/signInAs.ts).
    env: { READINESS_DEMO_EVIDENCE: '', READINESS_E2E_SIGN_IN_AS: '1' },
    stdio,
  });
}

module.exports = { startE2eBackend, startLiveBackend, CHROMIUM_ARGS };

if (require.main === module) {
  const child = process.argv.includes('--live')
    ? startLiveBackend()
    : startE2eBackend();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', code => process.exit(code ?? 0));
}
