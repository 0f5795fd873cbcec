import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CompiledScorecard } from '@readiness/backstage-plugin-readiness-common';
import { createHash } from 'node:crypto';
import { scorecardFingerprint } from './hash';
import { fieldsFor, loadScorecards, ScorecardSource } from './scorecards';

/** A version of one scorecard: its content hash, and the label its YAML gives. */
export interface ScorecardRevision {
  /** The first 12 hex digits of the SHA-256 of its definition. */
  hash: string;
  /** `metadata.revision`, when the YAML sets one. */
  label?: string;
}

/** The revision of a compiled scorecard. */
export function revisionOf(card: CompiledScorecard): ScorecardRevision {
  const label = card.spec.metadata.revision;
  return {
    hash: scorecardFingerprint(card).slice(0, 12),
    ...(label ? { label } : {}),
  };
}

/** The revision of a list of scorecards together: their names and content. */
function revisionOfAll(cards: CompiledScorecard[]): string {
  return createHash('sha256')
    .update(JSON.stringify(cards.map(c => [c.name, revisionOf(c).hash])))
    .digest('hex')
    .slice(0, 12);
}

/**
 * A revision as one string, as results and history keep it: the label and
 * the hash (`2026-Q4 · 3f2a9c0d1e4b`), or the hash alone.
 */
export function revisionText(card: CompiledScorecard): string {
  const r = revisionOf(card);
  return r.label ? `${r.label} · ${r.hash}` : r.hash;
}

/** What the last reload found wrong, kept until a reload succeeds. */
export interface ReloadProblem {
  message: string;
  at: string;
}

/**
 * The configured scorecards. Read at start-up (an invalid file stops the
 * start naming the field) and again on {@link ScorecardRegistry.reload}: a
 * valid change replaces them at once for every reader of the registry; an
 * invalid one keeps the running scorecards and is kept as `problem`.
 */
export class ScorecardRegistry {
  /** Loads `readiness.scorecards`; throws with the field path when one is invalid. */
  static fromConfig(config: Config, rootDir?: string): ScorecardRegistry {
    const load = () => {
      const sources = new Map<string, ScorecardSource>();
      return { cards: loadScorecards(config, rootDir, sources), sources };
    };
    const { cards, sources } = load();
    return new ScorecardRegistry(cards, sources, load);
  }

  private cards!: CompiledScorecard[];
  private sources!: Map<string, ScorecardSource>;
  private byName!: Map<string, CompiledScorecard>;
  private fieldList!: string[];
  private current!: string;
  private lastProblem?: ReloadProblem;
  private readonly listeners: Array<() => void> = [];

  constructor(
    cards: CompiledScorecard[],
    sources: Map<string, ScorecardSource> = new Map(),
    /** Reads the scorecards again (from config); none for scorecards built in code. */
    private readonly load?: () => {
      cards: CompiledScorecard[];
      sources: Map<string, ScorecardSource>;
    },
  ) {
    this.use(cards, sources);
  }

  private use(
    cards: CompiledScorecard[],
    sources: Map<string, ScorecardSource>,
  ) {
    this.cards = cards;
    this.sources = sources;
    this.byName = new Map(cards.map(c => [c.name, c]));
    this.fieldList = fieldsFor(cards);
    this.current = revisionOfAll(cards);
  }

  /**
   * Reads the scorecard files again. A valid change replaces the scorecards
   * (listeners are told); an invalid one throws an InputError naming the
   * file and field and keeps what runs. Unchanged files change nothing.
   */
  reload(now = new Date()): { changed: boolean; revision: string } {
    if (!this.load)
      throw new InputError('These scorecards were not read from config');
    let next: ReturnType<NonNullable<typeof this.load>>;
    try {
      next = this.load();
    } catch (e) {
      this.lastProblem = {
        message: (e as Error).message,
        at: now.toISOString(),
      };
      throw new InputError(
        `${(e as Error).message}\nThe running scorecards (revision ${this.current}) stay in use.`,
      );
    }
    this.lastProblem = undefined;
    // Equal content keeps the compiled objects in use: nothing to tell.
    if (revisionOfAll(next.cards) === this.current) {
      this.sources = next.sources;
      return { changed: false, revision: this.current };
    }
    this.use(next.cards, next.sources);
    for (const listener of this.listeners) listener();
    return { changed: true, revision: this.current };
  }

  /** Called after each reload that changed the scorecards. */
  onChange(listener: () => void) {
    this.listeners.push(listener);
  }

  /** The revision of all the scorecards together (names and content). */
  revision(): string {
    return this.current;
  }

  /** Why the last reload was refused, until one succeeds. */
  problem(): ReloadProblem | undefined {
    return this.lastProblem;
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
    return this.fieldList;
  }
}
