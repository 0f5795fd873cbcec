/**
 * One day in milliseconds. Readiness counts days in UTC (go-live phases, the
 * first week, history points, expiry notices).
 *
 * @public
 */
export const DAY_MS = 86_400_000;
