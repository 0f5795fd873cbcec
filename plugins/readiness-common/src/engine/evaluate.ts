import { Entity } from '@backstage/catalog-model';
import type {
  AreaScore,
  CheckResult,
  EntityReadiness,
  Exemption,
  ReadinessStatus,
} from '../types';
import type { CompiledScorecard } from './compile';
import {
  createEvaluationContext,
  EvaluationContext,
  EvaluationContextInput,
} from './context';
import { entityKey } from '../refs';
import { parseTime } from './time';
import { RawResult } from './checks/types';

const round1 = (n: number) => Math.round(n * 10) / 10;

function exemptionFor(
  ctx: EvaluationContext,
  byCheck: ReadonlyMap<string, Exemption[]> | undefined,
  checkId: string,
): Exemption | undefined {
  const list = byCheck?.get(checkId);
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (e.expiresAt === undefined) return e;
    const until = parseTime(e.expiresAt);
    if (until > ctx.now) {
      ctx.changesAt(until);
      return e;
    }
  }
  return undefined;
}

/** The exemption of this check that ran out most recently, if any. */
function lapsedExemption(
  byCheck: ReadonlyMap<string, Exemption[]> | undefined,
  checkId: string,
): Exemption | undefined {
  let latest: Exemption | undefined;
  for (const e of byCheck?.get(checkId) ?? []) {
    if (e.expiresAt && (!latest || e.expiresAt > latest.expiresAt!)) latest = e;
  }
  return latest;
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
  const checks: CheckResult[] = new Array(scorecard.checks.length);
  const exemptions = ctx.exemptionsOf(ref);
  ctx.takeChangeTime(); // start over for this result
  for (let i = 0; i < scorecard.checks.length; i++) {
    const check = scorecard.checks[i];
    const { spec } = check;
    const applies = check.when ? check.when(entity) : true;
    const exemption = applies
      ? exemptionFor(ctx, exemptions, spec.id)
      : undefined;
    let raw: RawResult;
    if (!applies) {
      raw = {
        result: 'not-applicable',
        message: `Does not apply: ${spec.when!.reason}`,
      };
    } else if (exemption) {
      raw = exempt(exemption);
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
      // Say so when an exemption ran out and the check is open again.
      const lapsed = exemptions && lapsedExemption(exemptions, spec.id);
      if (lapsed && raw.result !== 'pass') {
        raw = {
          ...raw,
          message: `${raw.message} (the exemption approved by ${
            lapsed.approvedBy
          } expired on ${lapsed.expiresAt!.slice(0, 10)})`,
        };
      }
    }
    // A check that does not apply is not "upcoming" either: it never counts.
    const notYet =
      applies && check.enforceFrom !== undefined && ctx.now < check.enforceFrom;
    if (notYet) ctx.changesAt(check.enforceFrom!);
    // One object shape for every result keeps evaluation fast; undefined
    // fields are left out of JSON.
    checks[i] = {
      checkId: spec.id,
      title: spec.title,
      area: check.area,
      severity: spec.severity,
      weight: check.weight,
      result: raw.result,
      message: raw.message,
      observed: raw.observed,
      threshold: raw.threshold,
      evidence: raw.evidence,
      enforceFrom: notYet ? spec.enforceFrom : undefined,
      upcoming: notYet
        ? raw.result !== 'pass' && raw.result !== 'exempt'
        : undefined,
      counted: raw.result !== 'exempt' && applies && !notYet,
      remediation: spec.remediation,
    };
  }
  const result = score(scorecard, ref, checks, ctx.nowIso);
  const until = ctx.takeChangeTime();
  if (until !== undefined) result.validUntil = new Date(until).toISOString();
  return result;
}

function exempt(exemption: Exemption): RawResult {
  const until = exemption.expiresAt
    ? ` until ${exemption.expiresAt.slice(0, 10)}`
    : '';
  return {
    result: 'exempt',
    message: `Exempt${until}: ${exemption.reason} (approved by ${exemption.approvedBy})`,
    evidence: {
      by: exemption.approvedBy,
      expiresAt: exemption.expiresAt,
      note: exemption.reason,
    },
  };
}

function score(
  scorecard: CompiledScorecard,
  entityRef: string,
  checks: CheckResult[],
  evaluatedAt: string,
): EntityReadiness {
  const areaIndex = scorecard.areaIndex;
  const n = scorecard.areas.length;
  // Per area: weight total, weight passed, counted checks, passing checks.
  const sums = new Float64Array(4 * n);
  const areaFailing: string[][] = [];
  for (let a = 0; a < n; a++) areaFailing.push([]);
  let total = 0;
  let passed = 0;
  let criticalMissing = false;
  for (const c of checks) {
    if (!c.counted) continue;
    const a = 4 * areaIndex.get(c.area)!;
    total += c.weight;
    sums[a] += c.weight;
    sums[a + 2] += 1;
    if (c.result === 'pass') {
      passed += c.weight;
      sums[a + 1] += c.weight;
      sums[a + 3] += 1;
    } else {
      areaFailing[a / 4].push(c.checkId);
      if (c.severity === 'critical') criticalMissing = true;
    }
  }
  const percent = (p: number, t: number) =>
    t === 0 ? 100 : round1((100 * p) / t);
  const areas: AreaScore[] = scorecard.areas.map((area, i) => ({
    id: area.id,
    title: area.title,
    score: percent(sums[4 * i + 1], sums[4 * i]),
    passed: sums[4 * i + 3],
    total: sums[4 * i + 2],
    failing: areaFailing[i],
  }));
  const overall = percent(passed, total);
  const passingScore = scorecard.passingScore;
  let status: ReadinessStatus;
  if (criticalMissing) status = 'blocked';
  else if (overall >= passingScore) status = 'ready';
  else status = 'needs-work';

  let level: EntityReadiness['level'];
  const levels = scorecard.levels;
  if (levels.length > 0) {
    const passes = new Set<string>();
    for (const c of checks) {
      if (
        c.result === 'pass' ||
        c.result === 'exempt' ||
        c.result === 'not-applicable'
      )
        passes.add(c.checkId);
    }
    for (const l of levels) {
      if (!l.checks.every(id => passes.has(id))) break;
      level = { id: l.id, title: l.title };
    }
  }

  return {
    entityRef,
    scorecard: scorecard.name,
    status,
    score: overall,
    passingScore,
    level,
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
      order: KIND_ORDER[entity.kind.toLowerCase()] ?? 0,
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
