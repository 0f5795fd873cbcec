import { InputError } from '@backstage/errors';
import {
  entityKey,
  RESULTS_LIST_FILTERS,
  RESULTS_TEXT_FILTERS,
  ResultSort,
  ResultsQuery,
} from '@readiness/backstage-plugin-readiness-common';

/** A query parameter as a list: repeated keys and commas both separate values. */
export function list(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  const values = (Array.isArray(v) ? v : [v])
    .flatMap(x => String(x).split(','))
    .map(x => x.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const int = (v: unknown) => (v === undefined ? undefined : Number(v));

/** The results query of a request's query (the OpenAPI router has validated types and ranges). */
export function resultsQuery(q: Record<string, unknown>): ResultsQuery {
  const query: Record<string, unknown> = {
    scorecard: text(q.scorecard),
    entity: list(q.entity),
    sort: text(q.sort) as ResultSort | undefined,
    offset: int(q.offset),
    limit: int(q.limit),
  };
  for (const key of RESULTS_LIST_FILTERS) query[key] = list(q[key]);
  for (const key of RESULTS_TEXT_FILTERS) query[key] = text(q[key]);
  return query as ResultsQuery;
}

/**
 * The entity key (`kind:namespace/name`, lower case) of the path parameters;
 * an InputError (400) naming the parameter when one cannot be part of a ref.
 */
export function entityRefOf(p: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  for (const field of ['kind', 'namespace', 'name'] as const) {
    if (!p[field] || /[:/]/.test(p[field])) {
      throw new InputError(
        `${field}: ${JSON.stringify(p[field])} cannot be part of an entity ref`,
      );
    }
  }
  return entityKey({ kind: p.kind, namespace: p.namespace, name: p.name });
}
