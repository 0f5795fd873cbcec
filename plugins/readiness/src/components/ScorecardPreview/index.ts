export { ScorecardPreviewCard } from './ScorecardPreviewCard';
