import type { ResultsQuery } from './types';

/**
 * The filters of a results query that take several values (repeat the key,
 * or separate with commas), in the order the org page shows them.
 *
 * @public
 */
export const RESULTS_LIST_FILTERS = [
  'status',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'kind',
  'type',
] as const;

/**
 * The filters of a results query that take one value: a failing area or
 * check, and text.
 *
 * @public
 */
export const RESULTS_TEXT_FILTERS = ['area', 'check', 'q'] as const;

/**
 * Query string of a results query; lists repeat their key.
 *
 * @public
 */
export function resultsQueryString(
  query: ResultsQuery | Record<string, unknown>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach(v => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  return params.toString();
}
