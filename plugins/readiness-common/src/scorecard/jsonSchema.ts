import { z } from 'zod';
import { scorecardSchema } from './schema';

/**
 * The JSON Schema of the scorecard format, generated from the zod schema the
 * engine validates with, for editors (`# yaml-language-server: $schema=…`).
 * Rules that need code (regexes compile, ids unique, levels name existing
 * checks) are only enforced by `readiness validate` and the backend.
 *
 * @public
 */
export function scorecardJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scorecardSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-7',
  }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Readiness scorecard',
    description:
      'A Readiness scorecard (apiVersion readiness/v1, kind Scorecard).',
  };
}
