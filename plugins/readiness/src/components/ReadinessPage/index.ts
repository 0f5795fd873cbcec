export { ReadinessPage, ReadinessOverview } from './ReadinessPage';
