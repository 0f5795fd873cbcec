import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CompiledScorecard } from '@readiness/backstage-plugin-readiness-common';
import { fieldsFor, loadScorecards, ScorecardSource } from './scorecards';

/** The configured scorecards, compiled once at start-up. */
export class ScorecardRegistry {
  /** Loads `readiness.scorecards`; throws with the field path when one is invalid. */
  static fromConfig(config: Config, rootDir?: string): ScorecardRegistry {
    const sources = new Map<string, ScorecardSource>();
    return new ScorecardRegistry(
      loadScorecards(config, rootDir, sources),
      sources,
    );
  }

  private readonly byName: Map<string, CompiledScorecard>;

  constructor(
    private readonly cards: CompiledScorecard[],
    private readonly sources: Map<string, ScorecardSource> = new Map(),
  ) {
    this.byName = new Map(cards.map(c => [c.name, c]));
  }

  /** The file a scorecard was read from, and its text (none when built in code). */
  source(name: string): ScorecardSource | undefined {
    return this.sources.get(name);
  }

  /** All scorecards, in configuration order. */
  list(): CompiledScorecard[] {
    return this.cards;
  }

  get(name: string): CompiledScorecard | undefined {
    return this.byName.get(name);
  }

  /** The scorecard of this name, or an InputError naming the known ones. */
  require(name: string, field = 'scorecard'): CompiledScorecard {
    const card = this.byName.get(name);
    if (!card) {
      throw new InputError(
        `${field}: no scorecard named "${name}"; known: ${[
          ...this.byName.keys(),
        ].join(', ')}`,
      );
    }
    return card;
  }

  /** Scorecards whose checks read other entities' results. */
  rollups(): CompiledScorecard[] {
    return this.cards.filter(c => c.isRollup);
  }

  /** Catalog fields the scorecards read. */
  fields(): string[] {
    return fieldsFor(this.cards);
  }
}
