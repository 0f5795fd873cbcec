/**
 * Types, annotation constants and helpers shared by the Readiness frontend,
 * backend and CLI.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './ownerRef';
