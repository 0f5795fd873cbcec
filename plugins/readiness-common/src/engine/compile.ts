import { Entity } from '@backstage/catalog-model';
import type { CheckSeverity } from '../types';
import type { CheckSpec, ScorecardSpec } from '../scorecard/schema';
import { compileAppliesTo } from './appliesTo';
import { compileAttestationCheck } from './checks/attestation';
import { compileCatalogCheck } from './checks/catalog';
import { compileFactCheck } from './checks/fact';
import { compileHttpCheck } from './checks/http';
import { compileOwnershipCheck } from './checks/ownership';
import { compileRelationCheck } from './checks/relation';
import { compileRollupCheck } from './checks/rollup';
import { CheckFn } from './checks/types';
import type { LaunchRequirement } from '../golive/decision';
import type { ChecklistPhase } from '../golive/phaseItems';
import { DEFAULT_SIGNOFF_ROLES, SignoffRole } from '../golive/signoff';
import { GO_LIVE_QUESTIONS, GoLiveQuestion } from '../golive/questions';

/**
 * Weight of a check that does not set one.
 *
 * @public
 */
export const DEFAULT_WEIGHTS: Readonly<Record<CheckSeverity, number>> = {
  critical: 5,
  required: 3,
  recommended: 1,
};

/**
 * Verdict text per status where the scorecard does not set its own.
 *
 * @public
 */
export const DEFAULT_VERDICTS = {
  ready:
    'Ready to go live: nothing critical is missing and the score meets the bar.',
  'needs-work':
    'Not a production launch yet: run it as a controlled pilot expansion until the gaps are closed.',
  blocked:
    'Not ready: a critical check does not pass. Fix it before going live.',
} as const;

/** A check with its function compiled. */
export interface CompiledCheck {
  spec: CheckSpec;
  area: string;
  weight: number;
  /** Epoch milliseconds from which the check counts, if it has `enforceFrom`. */
  enforceFrom?: number;
  /** Whether the check applies to the entity (its `when`); absent: always. */
  when?: (entity: Entity) => boolean;
  run: CheckFn;
}

/**
 * A scorecard validated and compiled once, to be evaluated against many
 * entities.
 *
 * @public
 */
export interface CompiledScorecard {
  readonly spec: ScorecardSpec;
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  /** Score needed for Ready when no critical check fails. */
  readonly passingScore: number;
  /**
   * `weighted`: the score is the weighted share of counted checks that pass;
   * `items`: every counted check is one item and the score is the share of
   * items that pass (a checklist's "95 % complete").
   */
  readonly scoring: 'weighted' | 'items';
  /** Maturity levels, lowest first; empty when the scorecard has none. */
  readonly levels: ReadonlyArray<{
    id: string;
    title: string;
    checks: string[];
  }>;
  /** The `appliesTo` block as written. */
  readonly appliesToSpec: ScorecardSpec['spec']['appliesTo'];
  /** Kinds the scorecard can apply to, or undefined for any kind. */
  readonly kinds?: string[];
  /** Whether a check reads other entities' results (systems, domains, groups). */
  readonly isRollup: boolean;
  appliesTo(entity: Entity): boolean;
  /** @internal */
  readonly checks: CompiledCheck[];
  /** Area ids and titles, in order. */
  readonly areas: Array<{ id: string; title: string }>;
  /** @internal Position of each area id in `areas`. */
  readonly areaIndex: ReadonlyMap<string, number>;
  readonly verdicts: Record<'ready' | 'needs-work' | 'blocked', string>;
  /** Who signs an entity off for go-live (`spec.goLive.signoff.roles`, else checklist [001]'s five). */
  readonly signoffRoles: ReadonlyArray<SignoffRole>;
  /** How many roles one person may sign for one go-live date (default 1). */
  readonly signoffRolesPerPerson: number;
  /** What a Ready service needs before launch (`spec.goLive.launchRequires`, default `ready`). */
  readonly launchRequires: LaunchRequirement;
  /**
   * The questions the go-live note answers from check results
   * (`spec.goLive.questions`, else those of checklist [000]'s six that one of
   * its checks answers).
   */
  readonly goLiveQuestions: ReadonlyArray<GoLiveQuestion>;
  /** The phases' checklist items (`spec.goLive.phases`). */
  readonly goLivePhases: ReadonlyArray<{
    phase: ChecklistPhase;
    items: ReadonlyArray<{ id: string; title: string }>;
  }>;
}

function compileCheck(check: CheckSpec): CheckFn {
  switch (check.type) {
    case 'catalog':
      return compileCatalogCheck(check.with);
    case 'relation':
      return compileRelationCheck(check.with);
    case 'ownership':
      return compileOwnershipCheck(check.with);
    case 'fact':
      return compileFactCheck(check.with);
    case 'http':
      return compileHttpCheck(check.with);
    case 'attestation':
      return compileAttestationCheck(check.id, check.with);
    case 'rollup':
      return compileRollupCheck(check.with);
    default:
      throw new Error(`unknown check type ${(check as { type: string }).type}`);
  }
}

/**
 * Compiles a validated scorecard (see `parseScorecard`): every check becomes
 * a function, so evaluation does no parsing.
 *
 * @public
 */
export function compileScorecard(spec: ScorecardSpec): CompiledScorecard {
  const items = spec.spec.scoring === 'items';
  const checks: CompiledCheck[] = spec.spec.areas.flatMap(area =>
    area.checks.map(check => ({
      spec: check,
      area: area.id,
      weight: items ? 1 : check.weight ?? DEFAULT_WEIGHTS[check.severity],
      enforceFrom: check.enforceFrom
        ? Date.parse(`${check.enforceFrom}T00:00:00Z`)
        : undefined,
      when: check.when ? compileAppliesTo(check.when) : undefined,
      run: compileCheck(check),
    })),
  );
  const { appliesTo, levels = [], passingScore, scoring } = spec.spec;
  return {
    spec,
    name: spec.metadata.name,
    title: spec.metadata.title ?? spec.metadata.name,
    description: spec.metadata.description,
    passingScore,
    scoring,
    levels: levels.map(l => ({ id: l.id, title: l.title, checks: l.checks })),
    appliesToSpec: appliesTo,
    kinds: appliesTo.kinds,
    isRollup: checks.some(c => c.spec.type === 'rollup'),
    appliesTo: compileAppliesTo(appliesTo),
    checks,
    areas: spec.spec.areas.map(a => ({ id: a.id, title: a.title })),
    areaIndex: new Map(spec.spec.areas.map((a, i) => [a.id, i])),
    verdicts: { ...DEFAULT_VERDICTS, ...spec.spec.verdicts },
    signoffRoles: spec.spec.goLive?.signoff?.roles ?? DEFAULT_SIGNOFF_ROLES,
    signoffRolesPerPerson: spec.spec.goLive?.signoff?.rolesPerPerson ?? 1,
    launchRequires: spec.spec.goLive?.launchRequires ?? 'ready',
    goLivePhases: spec.spec.goLive?.phases ?? [],
    // The default asks only what the scorecard can answer: a question none of
    // whose checks it has would only ever say "Unanswered".
    goLiveQuestions:
      spec.spec.goLive?.questions ??
      GO_LIVE_QUESTIONS.filter(q =>
        q.checks.some(id => checks.some(c => c.spec.id === id)),
      ),
  };
}
