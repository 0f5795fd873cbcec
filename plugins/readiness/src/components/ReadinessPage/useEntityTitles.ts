import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { entityTitle } from '../EntitySearch';

/**
 * Titles of entity refs, from the catalog in one request (refs it does not
 * know keep their short form): charts and tables show the names people know.
 */
export function useEntityTitles(refs: string[]): Map<string, string> {
  const catalogApi = useApi(catalogApiRef);
  const wanted = [
    ...new Set(refs.filter(r => /^[a-z]+:[^/]+\/.+/.test(r))),
  ].sort();
  const { value } = useAsync(async () => {
    if (wanted.length === 0) return new Map<string, string>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: wanted,
      fields: ['kind', 'metadata.name', 'metadata.title', 'spec.profile'],
    });
    const out = new Map<string, string>();
    items.forEach((e, i) => e && out.set(wanted[i], entityTitle(e)));
    return out;
  }, [catalogApi, wanted.join(',')]);
  return value ?? new Map();
}

/** `group:default/payments` → `payments`; other namespaces keep theirs. */
export const shortRef = (ref: string) => ref.replace(/^[a-z]+:default\//, '');

/** The title of a ref, or its short form. */
export function titleOf(titles: Map<string, string>, ref: string): string {
  return titles.get(ref) ?? shortRef(ref);
}
