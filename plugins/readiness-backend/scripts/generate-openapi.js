#!/usr/bin/env node
/*
 * Generates src/schema/openapi.generated.ts from src/schema/openapi.yaml:
 * the spec as a typed constant and a validated router built from it with
 * @backstage/backend-openapi-utils. `yarn generate:openapi`; a test fails
 * when the file is out of date. (Backstage's own generator,
 * `backstage-repo-tools package schema openapi generate --server`, needs a
 * Java tool downloaded at run time, which is not always reachable.)
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

function render(yamlText) {
  const spec = parse(yamlText);
  return `// Generated from openapi.yaml by \`yarn generate:openapi\`. Do not edit by hand.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
}

module.exports = { render };

if (require.main === module) {
  const dir = path.resolve(__dirname, '../src/schema');
  const out = path.join(dir, 'openapi.generated.ts');
  fs.writeFileSync(
    out,
    render(fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8')),
  );
  // eslint-disable-next-line no-console
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
