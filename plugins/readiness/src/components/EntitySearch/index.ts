export {
  entityTitle,
  searchTerm,
  useEntityOption,
  useEntitySearch,
} from './useEntitySearch';
export type { EntityOption } from './useEntitySearch';
