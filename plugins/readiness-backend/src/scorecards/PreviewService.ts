import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  compileScorecard,
  CompiledScorecard,
  evaluateCatalog,
  parseScorecardYaml,
  readinessScorecardPreviewPermission,
  ScorecardPreview,
  ScorecardPreviewEntry,
  ScorecardPreviewInput,
  ScorecardValidationError,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../stores';
import type { CatalogReader } from '../evaluation/CatalogReader';
import type { EntityPreparer } from '../evaluation/prepare';
import { entityFields, refOf } from '../evaluation/entityFields';
import type { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import { Access } from '../platform/access';
import { entityVisibility, isVisible } from '../platform/entityVisibility';
import { previewDiff } from './previewDiff';

/** Moved entities listed per scorecard when the request does not say. */
export const DEFAULT_PREVIEW_LIMIT = 200;
const MAX_PREVIEW_LIMIT = 5000;

/** Parses and compiles a YAML text of scorecards; a 400 naming the field when invalid. */
function compileYaml(text: string, field: string): CompiledScorecard[] {
  let cards: CompiledScorecard[];
  try {
    cards = parseScorecardYaml(text, field).map(compileScorecard);
  } catch (e) {
    if (e instanceof ScorecardValidationError) throw new InputError(e.message);
    throw e;
  }
  if (!cards.length)
    throw new InputError(`${field}: holds no scorecard (an empty document)`);
  const names = new Set<string>();
  for (const c of cards) {
    if (names.has(c.name))
      throw new InputError(
        `${field}: two scorecards are named "${c.name}"; names must be unique`,
      );
    names.add(c.name);
  }
  return cards;
}

/**
 * Evaluates candidate scorecards against the current catalog and the stored
 * evidence, beside what they would replace, and writes nothing: what a
 * change to the scorecards' YAML would move, before it is merged.
 */
export class PreviewService {
  constructor(
    private readonly options: {
      stores: ReadinessStores;
      reader: CatalogReader;
      scorecards: ScorecardRegistry;
      preparer: EntityPreparer;
      permissions: PermissionsService;
      now?: () => Date;
    },
  ) {}

  async preview(
    credentials: BackstageCredentials,
    input: ScorecardPreviewInput,
  ): Promise<ScorecardPreview> {
    await new Access(this.options).demand(
      credentials,
      readinessScorecardPreviewPermission,
      'preview scorecards',
    );
    const limit = input.limit ?? DEFAULT_PREVIEW_LIMIT;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PREVIEW_LIMIT)
      throw new InputError(
        `limit: must be a whole number from 0 to ${MAX_PREVIEW_LIMIT}`,
      );
    const candidates = compileYaml(input.yaml, 'yaml');
    const given =
      input.base === undefined ? undefined : compileYaml(input.base, 'base');
    const pairs = candidates.map(candidate => {
      const base = given
        ? given.find(c => c.name === candidate.name)
        : this.options.scorecards.get(candidate.name);
      let baseKind: ScorecardPreviewEntry['base'] = 'none';
      if (base) baseKind = given ? 'yaml' : 'running';
      return { candidate, base, baseKind };
    });
    const cards = pairs.flatMap(p =>
      p.base ? [p.candidate, p.base] : [p.candidate],
    );

    const visibility = await entityVisibility(
      this.options.permissions,
      credentials,
    );
    const snapshot = await this.options.reader.snapshotFor(cards);
    // Every entity in scope is evaluated (a roll-up reads what the caller
    // may not see, as in a real evaluation); only those they may see count.
    const inScope = snapshot.scoped.filter(e =>
      cards.some(c => c.appliesTo(e)),
    );
    const shown = new Set(
      inScope
        .filter(e =>
          isVisible(entityFields(e, snapshot.systemDomains), visibility),
        )
        .map(refOf),
    );
    const { stores } = this.options;
    const [ownership, summaries, evidence] = await Promise.all([
      stores.ownership.evaluationInputs(),
      stores.results.listSummaries(),
      stores.evidence.loadEvidence(inScope.map(refOf)),
    ]);
    const entities = this.options.preparer
      .prepare(inScope, snapshot, ownership)
      .map(p => p.entity);
    const context = new Map<string, Entity>();
    for (const e of [...snapshot.organisation, ...snapshot.scoped, ...entities])
      context.set(refOf(e), e);
    const at = this.options.now?.() ?? new Date();
    const evaluate = (card: CompiledScorecard) =>
      evaluateCatalog([card], entities, {
        now: at,
        entities: [...context.values()],
        results: summaries,
        ...evidence,
      }).filter(r => shown.has(r.entityRef));
    const titles = new Map(entities.map(e => [refOf(e), e.metadata.title]));
    return {
      evaluatedAt: at.toISOString(),
      scorecards: pairs.map(p =>
        previewDiff({
          name: p.candidate.name,
          candidate: p.candidate,
          base: p.base,
          baseKind: p.baseKind,
          before: p.base ? evaluate(p.base) : [],
          after: evaluate(p.candidate),
          titles,
          limit,
        }),
      ),
    };
  }
}
