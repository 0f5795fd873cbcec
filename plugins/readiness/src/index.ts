/**
 * The Readiness frontend plugin (legacy frontend system). For the new frontend
 * system, import the default export of `@readiness/backstage-plugin-readiness/alpha`.
 *
 * @packageDocumentation
 */

export {
  readinessPlugin,
  ReadinessPage,
  EntityReadinessContent,
  EntityReadinessCard,
  GroupReadinessCard,
} from './plugin';
export { isReadinessAvailable, readinessEntityFilter } from './filters';
export * from './api';
export {
  EntityReadinessStatus,
  createReadinessStatusColumn,
  EntityReadinessStatusFilter,
  EntityReadinessStatusPicker,
} from './components/CatalogReadiness';
export { InboxCard, ReadinessSidebarItem } from './components/Inbox';
