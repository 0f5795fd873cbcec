import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

/** The name people know an entity by: display name, title, or name. */
export function entityTitle(e: Entity): string {
  return (
    (e.spec as any)?.profile?.displayName ?? e.metadata.title ?? e.metadata.name
  );
}

/** An entity as an option of a picker: its ref (lower case) and the name people know. */
export interface EntityOption {
  ref: string;
  title: string;
}

/**
 * What to search for: `group:sre`, `group:default/sre` or `system:checkout`
 * search for the name part, as labels show refs that way.
 */
export function searchTerm(input: string): string {
  const t = input.trim();
  const m = /^[a-z]+:(?:[^/]*\/)?(.*)$/i.exec(t);
  return (m ? m[1] : t).trim();
}

/**
 * Searches the catalog as the person types (name, title or display name; 20
 * at a time, 250 ms after the last key), so pickers stay fast with thousands
 * of entities.
 */
export function useEntitySearch(kinds: string[], input: string) {
  const catalogApi = useApi(catalogApiRef);
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(searchTerm(input)), 250, [input]);
  return useAsync(async () => {
    const { items } = await catalogApi.queryEntities({
      filter: { kind: kinds },
      fullTextFilter: term
        ? {
            term,
            fields: [
              'metadata.name',
              'metadata.title',
              'spec.profile.displayName',
            ],
          }
        : undefined,
      orderFields: { field: 'metadata.name', order: 'asc' },
      limit: 20,
      fields: FIELDS,
    });
    return items;
  }, [catalogApi, kinds.join(','), term]);
}

/** The option of an entity ref, with its title when the catalog knows it. */
export function useEntityOption(ref?: string) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<EntityOption | null> => {
    if (!ref) return null;
    const entity = await catalogApi.getEntityByRef(ref).catch(() => undefined);
    return entity
      ? {
          ref: stringifyEntityRef(entity).toLowerCase(),
          title: entityTitle(entity),
        }
      : { ref, title: ref };
  }, [catalogApi, ref]);
}
