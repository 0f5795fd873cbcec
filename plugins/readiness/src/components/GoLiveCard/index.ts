export { GoLiveCard } from './GoLiveCard';
