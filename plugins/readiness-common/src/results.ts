import type { CheckResult } from './types';

/**
 * Whether a check result counts against the entity: counted (not upcoming,
 * not outside the scorecard) and not passing.
 *
 * @public
 */
export function isFailing(check: Pick<CheckResult, 'counted' | 'result'>) {
  return check.counted && check.result !== 'pass';
}
