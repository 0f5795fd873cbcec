export { BulkOwnershipDialog } from './BulkOwnershipDialog';
