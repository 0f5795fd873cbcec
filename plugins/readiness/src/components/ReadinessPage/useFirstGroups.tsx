import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';

/**
 * The first `first` groups of a long list, and a button that shows them all
 * (or cuts the list again); no button when the list is short.
 */
export function useFirstGroups<T>(
  groups: T[],
  first: number,
): { shown: T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  return {
    shown: all ? groups : groups.slice(0, first),
    toggle: groups.length > first && (
      <Button size="small" color="primary" onClick={() => setAll(!all)}>
        {all ? `Show the first ${first}` : `Show all ${groups.length} groups`}
      </Button>
    ),
  };
}
