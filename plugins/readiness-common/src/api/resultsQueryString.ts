import type { ResultsQuery } from './types';

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
