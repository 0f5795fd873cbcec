/*
 * What every publishable package's tarball must hold, so that an app that
 * installs it works: built code and types, the backend's migrations and
 * config schema, the scorecard JSON Schema, and no `workspace:` ranges.
 * Used by scripts/fresh-app-check.js (so by `npm run test:all` and CI).
 */

/** The packages an adopter installs, by folder in the repository. */
const PUBLISHABLE = [
  'plugins/readiness-common',
  'plugins/readiness-node',
  'plugins/readiness-backend',
  'plugins/catalog-backend-module-readiness',
  'plugins/readiness-backend-module-oncall',
  'plugins/readiness',
  'packages/readiness-cli',
];

/**
 * Problems of one tarball (empty when it is fine). `entries` are the paths
 * in the tarball (`package/dist/index.cjs.js`), `manifest` its package.json.
 */
function tarballProblems(entries, manifest) {
  const files = new Set(entries.map(e => e.replace(/^package\//, '')));
  const has = f => files.has(f);
  const problems = [];
  const need = (file, why) => {
    if (!has(file)) problems.push(`${file} is missing (${why})`);
  };
  const role = manifest.backstage?.role;
  need('package.json', 'the manifest');
  need('README.md', 'the install steps on the registry page');
  if (role !== 'cli') need('dist/index.d.ts', 'the types');
  for (const bin of Object.values(manifest.bin ?? {}))
    need(bin.replace(/^\.\//, ''), 'the command');
  if (role === 'frontend-plugin' || role === 'web-library') {
    need('dist/index.esm.js', 'the code apps bundle');
  } else {
    need(
      (manifest.main ?? 'dist/index.cjs.js').replace(/^\.\//, ''),
      'the code Node.js loads',
    );
  }
  if (role === 'backend-plugin') {
    const migrations = [...files].filter(f =>
      /^migrations\/[^/]+\.js$/.test(f),
    );
    if (migrations.length === 0)
      problems.push('migrations/*.js are missing (the database tables)');
  }
  if (manifest.configSchema) {
    need(manifest.configSchema, 'the config schema Backstage validates with');
  }
  if (manifest.name?.endsWith('-readiness-common')) {
    need('schema/scorecard.schema.json', "scorecards' $schema points at it");
  }
  for (const field of ['dependencies', 'peerDependencies']) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        problems.push(`${field}.${dep} is "${range}" (unpublished range)`);
    }
  }
  if (manifest.private) problems.push('package.json says "private": true');
  for (const [field, value] of [
    ['main', manifest.main],
    ['types', manifest.types],
  ]) {
    if (value && /^src\//.test(value))
      problems.push(`${field} points at ${value}, not at dist/`);
  }
  return problems;
}

module.exports = { PUBLISHABLE, tarballProblems };
