export * from './ReadinessApi';
export { ReadinessClient } from './ReadinessClient';
