export { StatusChip, STATUS_LABEL } from './StatusChip';
