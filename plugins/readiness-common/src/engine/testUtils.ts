import { Entity } from '@backstage/catalog-model';
import { parseScorecard } from '../scorecard/parse';
import { compileScorecard } from './compile';
import { createEvaluationContext, EvaluationContextInput } from './context';
import { evaluateEntity } from './evaluate';

/** A Component entity for tests, with optional annotations and spec overrides. */
export function component(
  name: string,
  options: {
    annotations?: Record<string, string>;
    spec?: Record<string, unknown>;
    links?: Array<{ url: string; type?: string; title?: string }>;
    namespace?: string;
    tags?: string[];
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ...(options.links ? { links: options.links } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'payments',
      ...options.spec,
    },
  };
}

/** A Group entity for tests. */
export function group(
  name: string,
  spec: Record<string, unknown> = {},
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { type: 'team', children: [], ...spec },
  };
}

/** A scorecard document with one area holding the given checks. */
export function scorecardDoc(
  checks: unknown[],
  spec: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'readiness/v1',
    kind: 'Scorecard',
    metadata: { name: 'test' },
    spec: { areas: [{ id: 'main', title: 'Main', checks }], ...spec },
  };
}

export const NOW = '2026-11-23T12:00:00.000Z';

/** Evaluates one check (as written in a scorecard) against an entity and returns its result. */
export function runCheck(
  check: Record<string, unknown>,
  entity: Entity,
  context: Partial<EvaluationContextInput> = {},
) {
  const compiled = compileScorecard(
    parseScorecard(
      scorecardDoc([{ id: 'c', title: 'C', severity: 'required', ...check }]),
    ),
  );
  const ctx = createEvaluationContext({ now: NOW, ...context });
  return evaluateEntity(compiled, entity, ctx).checks[0];
}
