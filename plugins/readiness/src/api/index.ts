export * from './ReadinessApi';
export { ReadinessClient } from '@readiness/backstage-plugin-readiness-common';
