export { InboxCard } from './InboxCard';
export { ReadinessSidebarItem } from './ReadinessSidebarItem';
