import { Entity } from '@backstage/catalog-model';
import type {
  AreaScore,
  CheckResult,
  EntityReadiness,
  ReadinessStatus,
} from '../types';
import type { CompiledScorecard } from './compile';
import {
  createEvaluationContext,
  EvaluationContext,
  EvaluationContextInput,
} from './context';
import { entityKey } from './refs';
import { RawResult } from './checks/types';

const round1 = (n: number) => Math.round(n * 10) / 10;

function exemptionFor(ctx: EvaluationContext, ref: string, checkId: string) {
  return ctx
    .exemptions(ref, checkId)
    .find(e => e.expiresAt === undefined || Date.parse(e.expiresAt) > ctx.now);
}

/**
 * Evaluates one entity against one compiled scorecard. Pure: the same entity,
 * scorecard and context always give the same result. A check that throws
 * gives an `error` result and never affects the others.
 *
 * @public
 */
export function evaluateEntity(
  scorecard: CompiledScorecard,
  entity: Entity,
  ctx: EvaluationContext,
): EntityReadiness {
  const ref = entityKey(entity);
  const checks: CheckResult[] = [];
  for (const check of scorecard.checks) {
    const { spec } = check;
    const exemption = exemptionFor(ctx, ref, spec.id);
    let raw: RawResult;
    if (exemption) {
      raw = {
        result: 'exempt',
        message: `Exempt${
          exemption.expiresAt
            ? ` until ${exemption.expiresAt.slice(0, 10)}`
            : ''
        }: ${exemption.reason} (approved by ${exemption.approvedBy})`,
        evidence: {
          by: exemption.approvedBy,
          expiresAt: exemption.expiresAt,
          note: exemption.reason,
        },
      };
    } else {
      try {
        raw = check.run(entity, ref, ctx);
      } catch (error) {
        raw = {
          result: 'error',
          message: `Could not evaluate: ${
            error instanceof Error ? error.message : String(error)
          }`,
        };
      }
    }
    const notYet =
      check.enforceFrom !== undefined && ctx.now < check.enforceFrom;
    const result: CheckResult = {
      checkId: spec.id,
      title: spec.title,
      area: check.area,
      severity: spec.severity,
      weight: check.weight,
      ...raw,
      counted: raw.result !== 'exempt' && !notYet,
    };
    if (notYet) {
      result.enforceFrom = spec.enforceFrom;
      result.upcoming = raw.result !== 'pass' && raw.result !== 'exempt';
    }
    if (spec.remediation) result.remediation = spec.remediation;
    checks.push(result);
  }
  return score(scorecard, ref, checks, ctx.nowIso);
}

function score(
  scorecard: CompiledScorecard,
  entityRef: string,
  checks: CheckResult[],
  evaluatedAt: string,
): EntityReadiness {
  const counted = checks.filter(c => c.counted);
  const weighted = (list: CheckResult[]) => {
    const total = list.reduce((s, c) => s + c.weight, 0);
    const passed = list.reduce(
      (s, c) => s + (c.result === 'pass' ? c.weight : 0),
      0,
    );
    return total === 0 ? 100 : (100 * passed) / total;
  };
  const areas: AreaScore[] = scorecard.areas.map(area => {
    const inArea = counted.filter(c => c.area === area.id);
    return {
      id: area.id,
      title: area.title,
      score: round1(weighted(inArea)),
      passed: inArea.filter(c => c.result === 'pass').length,
      total: inArea.length,
      failing: inArea.filter(c => c.result !== 'pass').map(c => c.checkId),
    };
  });
  const overall = round1(weighted(counted));
  const passingScore = scorecard.spec.spec.passingScore;
  const criticalMissing = counted.some(
    c => c.severity === 'critical' && c.result !== 'pass',
  );
  let status: ReadinessStatus;
  if (criticalMissing) status = 'blocked';
  else if (overall >= passingScore) status = 'ready';
  else status = 'needs-work';

  const passes = new Map(
    checks.map(c => [c.checkId, c.result === 'pass' || c.result === 'exempt']),
  );
  let level: EntityReadiness['level'];
  for (const l of scorecard.spec.spec.levels ?? []) {
    if (!l.checks.every(id => passes.get(id))) break;
    level = { id: l.id, title: l.title };
  }

  return {
    entityRef,
    scorecard: scorecard.name,
    status,
    score: overall,
    passingScore,
    ...(level ? { level } : {}),
    verdict: scorecard.verdicts[status],
    areas,
    checks,
    evaluatedAt,
  };
}

/** Parts are scored before what contains them, so roll-ups see their results. */
const KIND_ORDER: Record<string, number> = { system: 1, domain: 2, group: 3 };

/**
 * Evaluates every entity against every scorecard that applies to it. Systems
 * are evaluated after their parts, domains after their systems and groups
 * last, so `rollup` checks can read the results of what they contain.
 *
 * @public
 */
export function evaluateCatalog(
  scorecards: CompiledScorecard[],
  entities: Entity[],
  input: Omit<EvaluationContextInput, 'entities'> & { entities?: Entity[] },
): EntityReadiness[] {
  const ctx = createEvaluationContext({
    ...input,
    entities: input.entities ?? entities,
  });
  const ordered = entities
    .map((entity, i) => ({
      entity,
      i,
      order: KIND_ORDER[entity.kind.toLocaleLowerCase('en-US')] ?? 0,
    }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  const out: EntityReadiness[] = [];
  for (const { entity } of ordered) {
    for (const scorecard of scorecards) {
      if (!scorecard.appliesTo(entity)) continue;
      const result = evaluateEntity(scorecard, entity, ctx);
      ctx.record(result);
      out.push(result);
    }
  }
  return out;
}
