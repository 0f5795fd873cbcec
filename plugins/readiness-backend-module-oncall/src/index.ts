/**
 * An example Readiness backend module: the `oncall` fact, from on-call
 * integration annotations.
 *
 * @packageDocumentation
 */

export { readinessModuleOnCall as default } from './module';
export { onCallFactProvider, onCallOf, type OnCallFact } from './oncall';
