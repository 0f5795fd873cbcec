/**
 * Node.js library for Readiness: the extension point through which other
 * backend modules contribute fact providers.
 *
 * @packageDocumentation
 */

export * from './extensions';
