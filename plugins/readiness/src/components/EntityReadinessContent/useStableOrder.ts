import { useCallback, useRef } from 'react';

/**
 * Keeps lists in the order they were first shown while the page is open: a
 * write that changes scores and results (an attestation, an exemption, an
 * edit) re-evaluates the entity, and without this the area cards and the
 * checks in them would re-sort and jump under the reader. Ids never seen
 * before go last, in the order given. A reload sorts afresh.
 */
export function useStableOrder() {
  const seen = useRef(new Map<string, Map<string, number>>());
  return useCallback(
    <T>(list: string, items: T[], idOf: (item: T) => string): T[] => {
      let order = seen.current.get(list);
      if (!order) {
        order = new Map();
        seen.current.set(list, order);
      }
      for (const item of items) {
        const id = idOf(item);
        if (!order.has(id)) order.set(id, order.size);
      }
      const rank = order;
      return items
        .slice()
        .sort((a, b) => rank.get(idOf(a))! - rank.get(idOf(b))!);
    },
    [],
  );
}
