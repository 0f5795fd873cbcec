import fs from 'node:fs';
import { Entity } from '@backstage/catalog-model';
import {
  CompiledScorecard,
  compileScorecard,
  EntityReadiness,
  evaluateCatalog,
  parseScorecardYaml,
} from '@readiness/backstage-plugin-readiness-common';
import { loadEvidence } from './evidence';
import { loadEntities, yamlFilesIn } from './files';

/** What `check` and `report` evaluate: files, scorecards, evidence, a time. */
export interface EvaluateOptions {
  scorecard: string[];
  catalog?: string;
  facts?: string;
  now?: string;
}

/** Loads the files and evaluates them; warnings are for stderr. */
export function evaluateFiles(
  files: string[],
  options: EvaluateOptions,
): {
  scorecards: CompiledScorecard[];
  results: EntityReadiness[];
  entities: Entity[];
  warnings: string[];
  now: Date;
} {
  const warnings: string[] = [];
  const scorecards = options.scorecard
    .flatMap(file => parseScorecardYaml(fs.readFileSync(file, 'utf8'), file))
    .map(compileScorecard);
  const checked = loadEntities(files);
  const catalog = options.catalog
    ? loadEntities(yamlFilesIn(options.catalog))
    : undefined;
  for (const w of [...checked.warnings, ...(catalog?.warnings ?? [])])
    warnings.push(`warning: ${w.file}: ${w.message}`);
  const evidence = options.facts ? loadEvidence(options.facts) : undefined;
  const now = options.now ? new Date(options.now) : new Date();
  if (Number.isNaN(now.getTime()))
    throw new Error(`--now: "${options.now}" is not a date`);

  const hasOrg = checked.entities.some(e =>
    ['user', 'group'].includes(e.kind.toLocaleLowerCase('en-US')),
  );
  const results = evaluateCatalog(scorecards, checked.entities, {
    now,
    entities:
      catalog || hasOrg
        ? [...(catalog?.entities ?? []), ...checked.entities]
        : undefined,
    ...evidence,
  });
  return { scorecards, results, entities: checked.entities, warnings, now };
}
