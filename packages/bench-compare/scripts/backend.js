#!/usr/bin/env node
// Starts src/backend.ts (TypeScript, through the Backstage CLI's transform).
require('@backstage/cli/config/nodeTransform.cjs');
require('../src/backend');
