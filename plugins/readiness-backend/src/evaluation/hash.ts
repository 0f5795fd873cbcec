import { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import { createHash } from 'node:crypto';

/** Hash of a result without its evaluation time: equal hashes mean nothing changed. */
export function hashResult(result: EntityReadiness, extra: unknown): string {
  const { evaluatedAt: _ignored, ...rest } = result;
  return createHash('sha256')
    .update(JSON.stringify([rest, extra]))
    .digest('hex');
}
