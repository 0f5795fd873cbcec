import type { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import type { ResultRow } from '../platform/database/types';

/** A stored-result row for tests. */
export function resultRow(
  name: string,
  options: {
    status?: EntityReadiness['status'];
    score?: number;
    owner?: string;
    system?: string;
    failing?: Array<{ id: string; area: string }>;
    hash?: string;
    title?: string;
  } = {},
): ResultRow {
  const failing = options.failing ?? [];
  const result: EntityReadiness = {
    entityRef: `component:default/${name}`,
    scorecard: 'production',
    status: options.status ?? 'ready',
    score: options.score ?? 100,
    passingScore: 95,
    verdict: 'v',
    areas: [
      {
        id: 'ownership',
        title: 'Ownership',
        score: failing.some(f => f.area === 'ownership') ? 50 : 100,
        passed: 1,
        total: 2,
        failing: [],
      },
    ],
    checks: [
      {
        checkId: 'ok',
        title: 'OK',
        area: 'ownership',
        severity: 'required',
        weight: 3,
        result: 'pass',
        message: 'fine',
        counted: true,
      },
      ...failing.map(f => ({
        checkId: f.id,
        title: f.id,
        area: f.area,
        severity: 'critical' as const,
        weight: 5,
        result: 'fail' as const,
        message: `${f.id} fails`,
        counted: true,
      })),
    ],
    evaluatedAt: '2026-11-23T12:00:00.000Z',
  };
  return {
    entityRef: result.entityRef,
    kind: 'component',
    namespace: 'default',
    name,
    title: options.title ?? name,
    type: 'service',
    lifecycle: 'production',
    owner: options.owner ?? 'group:default/payments',
    system: options.system,
    scorecard: 'production',
    result,
    hash: options.hash ?? `h-${name}`,
  };
}
