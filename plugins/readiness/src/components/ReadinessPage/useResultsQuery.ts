import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ResultsQuery } from '../../api';
import {
  RESULTS_LIST_FILTERS,
  RESULTS_TEXT_FILTERS,
  type SummaryGroupBy,
} from '@readiness/backstage-plugin-readiness-common';

/** What the page can group by. */
export const GROUP_BYS: SummaryGroupBy[] = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'type',
];

const LISTS = RESULTS_LIST_FILTERS;
const SCALARS = ['scorecard', ...RESULTS_TEXT_FILTERS, 'sort'] as const;

/** The page's filters, kept in the URL so that a view can be shared. */
export function useResultsQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const q: ResultsQuery = {};
    for (const key of LISTS) {
      const values = params.getAll(key).filter(Boolean);
      if (values.length) (q as any)[key] = values;
    }
    for (const key of SCALARS) {
      const value = params.get(key);
      if (value) (q as any)[key] = value;
    }
    return q;
  }, [params]);
  const asked = params.get('groupBy');
  const groupBy: SummaryGroupBy = GROUP_BYS.includes(asked as SummaryGroupBy)
    ? (asked as SummaryGroupBy)
    : 'owner';
  const update = useCallback(
    (changes: Partial<ResultsQuery> & { groupBy?: string }) => {
      setParams(
        prev => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            next.delete(key);
            if (Array.isArray(value))
              value.filter(Boolean).forEach(v => next.append(key, String(v)));
            else if (value !== undefined && value !== '')
              next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  /** The page's URL with these parameters changed and the others kept. */
  const hrefWith = useCallback(
    (changes: Record<string, string>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) next.set(key, value);
      return `?${next}`;
    },
    [params],
  );
  return { query, groupBy, update, hrefWith };
}
