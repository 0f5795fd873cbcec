/**
 * The Readiness backend plugin: scores catalog entities against scorecards and
 * serves the results.
 *
 * @packageDocumentation
 */

export { readinessPlugin as default } from './plugin';
