import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';

/** The path of an entity's Readiness tab (`/catalog/default/component/x/readiness`). */
export function useReadinessTabPath(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return entityRef => {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `${entityRoute({ kind, namespace, name })}/readiness`;
  };
}

/** A link to an entity's Readiness tab, where its gaps and owners are. */
export function ReadinessTabLink(props: {
  entityRef: string;
  children: ReactNode;
}) {
  const path = useReadinessTabPath();
  // Underlined: these links often stand in text, told apart by more than colour.
  return (
    <Link to={path(props.entityRef)} underline="always">
      {props.children}
    </Link>
  );
}
