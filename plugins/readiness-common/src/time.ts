/**
 * One day in milliseconds. Readiness counts days in UTC (go-live phases, the
 * first week, history points, expiry notices).
 *
 * @public
 */
export const DAY_MS = 86_400_000;

/**
 * The UTC day (`YYYY-MM-DD`) of a time.
 *
 * @public
 */
export function utcDay(at: Date | number = Date.now()): string {
  return new Date(at).toISOString().slice(0, 10);
}
