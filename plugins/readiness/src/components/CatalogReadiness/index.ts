export {
  EntityReadinessStatus,
  createReadinessStatusColumn,
} from './createReadinessStatusColumn';
export {
  EntityReadinessStatusFilter,
  EntityReadinessStatusPicker,
} from './EntityReadinessStatusPicker';
