import { Entity } from '@backstage/catalog-model';
import type { CheckResult } from '../../types';
import type { EvaluationContext } from '../context';

/** What a check function returns; the engine adds title, weight and the rest. */
export type RawResult = Pick<
  CheckResult,
  'result' | 'message' | 'observed' | 'threshold' | 'evidence'
>;

/** A check compiled from its scorecard entry, ready to run on many entities. */
export type CheckFn = (
  entity: Entity,
  entityRef: string,
  ctx: EvaluationContext,
) => RawResult;
