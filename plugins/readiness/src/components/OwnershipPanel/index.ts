export { OwnershipPanel } from './OwnershipPanel';
