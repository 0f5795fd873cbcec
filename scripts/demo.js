/*
 * `npm run demo`: installs the dependencies and starts the demo app, the
 * frontend on http://localhost:3000 and the backend on http://localhost:7007.
 * The demo keeps its SQLite databases in ./data.
 */
const { yarnSync, yarnSpawn } = require('./yarn');

yarnSync(['install']);
const child = yarnSpawn(['start']);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 0));
