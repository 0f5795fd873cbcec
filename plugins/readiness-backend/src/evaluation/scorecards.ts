import { Config } from '@backstage/config';
import {
  compileScorecard,
  CompiledScorecard,
  parseScorecardYaml,
} from '@readiness/backstage-plugin-readiness-common';
import { targetPaths } from '@backstage/cli-common';
import fs from 'node:fs';
import path from 'node:path';

/** Where a scorecard came from: its file as configured, and the file's text. */
export interface ScorecardSource {
  file: string;
  text: string;
}

/**
 * Loads and validates the scorecards named in `readiness.scorecards`.
 * Relative paths are resolved against `rootDir`: by default the repository
 * root, Backstage's `targetPaths.rootDir` (the workspace root above the
 * working directory; `/app` in the built image). Throws (and so stops the
 * backend) with the engine's field-path errors when a scorecard is invalid.
 */
export function loadScorecards(
  config: Config,
  rootDir: string = targetPaths.rootDir,
  /** Filled with each scorecard's file (as configured) and its text. */
  sources?: Map<string, ScorecardSource>,
): CompiledScorecard[] {
  const entries = config.getOptionalConfigArray('readiness.scorecards') ?? [];
  const cards: CompiledScorecard[] = [];
  entries.forEach((entry, i) => {
    const file = entry.getString('file');
    const abs = path.resolve(rootDir, file);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      throw new Error(
        `readiness.scorecards[${i}].file: cannot read ${abs}: ${
          (e as Error).message
        }`,
      );
    }
    for (const spec of parseScorecardYaml(text, file)) {
      const card = compileScorecard(spec);
      cards.push(card);
      sources?.set(card.name, { file, text });
    }
  });
  const seen = new Set<string>();
  for (const card of cards) {
    if (seen.has(card.name)) {
      throw new Error(
        `readiness.scorecards: two scorecards are named "${card.name}"; names must be unique`,
      );
    }
    seen.add(card.name);
  }
  return cards;
}

/** Catalog fields the scorecards read, so the catalog sends only those. */
export function fieldsFor(cards: CompiledScorecard[]): string[] {
  const fields = new Set([
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.description',
    'metadata.annotations',
    'metadata.links',
    'metadata.tags',
    'spec.type',
    'spec.lifecycle',
    'spec.owner',
    'spec.system',
    'spec.domain',
    'spec.subdomainOf',
    'spec.parent',
    'spec.profile',
    'relations',
  ]);
  const visit = (p: any) => {
    if (!p || typeof p !== 'object') return;
    if (typeof p.path === 'string')
      fields.add(p.path.split(/[.[]/).slice(0, 2).join('.'));
    for (const k of ['all', 'any'])
      if (Array.isArray(p[k])) p[k].forEach(visit);
    if (p.not) visit(p.not);
  };
  const visitFilter = (filter: unknown) => {
    let filters: Array<Record<string, unknown>> = [];
    if (Array.isArray(filter)) filters = filter;
    else if (filter) filters = [filter as Record<string, unknown>];
    for (const f of filters) {
      for (const k of Object.keys(f))
        fields.add(k.split(/[.[]/).slice(0, 2).join('.'));
    }
  };
  for (const card of cards) {
    for (const c of card.checks) {
      if (c.spec.type === 'catalog') visit(c.spec.with);
      // A check's `when` reads the entity as appliesTo does.
      visitFilter(c.spec.when?.filter);
    }
    visitFilter(card.appliesToSpec.filter);
  }
  // A parent field covers its children: keep `metadata`, drop `metadata.name`.
  return [...fields]
    .filter(f => ![...fields].some(o => o !== f && f.startsWith(`${o}.`)))
    .sort();
}
