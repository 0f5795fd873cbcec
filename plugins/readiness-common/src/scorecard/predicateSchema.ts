import { z } from 'zod';
import {
  comparison,
  OPERATORS,
  pathSchema,
  refineComparison,
  scalar,
} from './schemaPrimitives';

/** A predicate on an entity field, or a combination of predicates. */
export type PredicateInput =
  | { all: PredicateInput[] }
  | { any: PredicateInput[] }
  | { not: PredicateInput }
  | {
      path: string;
      op: (typeof OPERATORS)[number];
      value?: string | number | boolean;
      values?: Array<string | number | boolean>;
      pattern?: string;
      flags?: string;
    };

const leafPredicate = z
  .object({ path: pathSchema, ...comparison })
  .strict()
  .superRefine(refineComparison);

export const predicateSchema: z.ZodType<PredicateInput> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(predicateSchema).min(1) }).strict(),
    z.object({ any: z.array(predicateSchema).min(1) }).strict(),
    z.object({ not: predicateSchema }).strict(),
    leafPredicate,
  ]),
);

const filterValue = z.union([
  scalar,
  z.array(scalar).min(1),
  z.object({ exists: z.boolean() }).strict(),
  // Absent, or any value but these: `{ not: 'false' }`.
  z.object({ not: z.union([scalar, z.array(scalar).min(1)]) }).strict(),
]);
// Keys are field paths (`spec.lifecycle`, `metadata.annotations['x']`), checked as such.
const filterSchema = z.record(pathSchema, filterValue);

export const appliesToSchema = z
  .object({
    kinds: z.array(z.string().min(1)).min(1).optional(),
    types: z.array(z.string().min(1)).min(1).optional(),
    lifecycles: z.array(z.string().min(1)).min(1).optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
    filter: z.union([filterSchema, z.array(filterSchema).min(1)]).optional(),
  })
  .strict();
