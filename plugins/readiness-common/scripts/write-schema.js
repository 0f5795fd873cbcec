#!/usr/bin/env node
/* eslint-disable no-console */
// Writes schema/scorecard.schema.json from the zod schema: `yarn build:schema`.
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const path = require('node:path');
const { scorecardJsonSchema } = require('../src/scorecard/jsonSchema');

const file = path.resolve(__dirname, '../schema/scorecard.schema.json');
fs.writeFileSync(file, `${JSON.stringify(scorecardJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
