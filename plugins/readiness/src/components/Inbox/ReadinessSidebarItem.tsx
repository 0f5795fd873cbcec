import { SidebarItem } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Badge from '@material-ui/core/Badge';
import { ReactNode, useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';

/** How often the count is read again while the app is open. */
const REFRESH_MS = 5 * 60_000;

/**
 * The Readiness entry of the sidebar with the number of things waiting for
 * the signed-in person (the org page's "Waiting for you"), read when the
 * app opens and every five minutes. Without the backend, or for nobody
 * signed in, it is a plain entry.
 *
 * @public
 */
export function ReadinessSidebarItem(props: {
  icon: ReactNode;
  to?: string;
  text?: string;
}) {
  const api = useApi(readinessApiRef);
  const inbox = useAsyncRetry(() => api.getInbox(), [api]);
  const { retry } = inbox;
  useEffect(() => {
    const timer = setInterval(retry, REFRESH_MS);
    return () => clearInterval(timer);
  }, [retry]);
  const count = inbox.value?.items.length ?? 0;
  const text = props.text ?? 'Readiness';
  return (
    <SidebarItem
      to={props.to ?? '/readiness'}
      text={text}
      // The count also as text, for screen readers and the collapsed sidebar's tooltip.
      aria-label={count ? `${text}: ${count} waiting for you` : text}
      icon={() => (
        <Badge
          badgeContent={count}
          color="secondary"
          overlap="rectangular"
          data-testid="readiness-inbox-count"
        >
          <>{props.icon}</>
        </Badge>
      )}
    />
  );
}
