import {
  CatalogFilterLayout,
  EntityListProvider,
} from '@backstage/plugin-catalog-react';
import {
  CatalogTable,
  CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import { createReadinessStatusColumn } from '@readiness/backstage-plugin-readiness';
import { Container, Header } from '@backstage/ui';
import type { ComponentProps, ReactNode } from 'react';

/**
 * The catalog's default columns with the readiness status after the name;
 * names, systems and owners keep whole words (at 1280 px the name column
 * wrapped letter by letter).
 */
const readinessColumns: CatalogTableColumnsFunc = context => {
  const style: Record<string, object> = {
    'resolved.entityRef': { minWidth: 170 },
    'resolved.partOfSystemRelationTitle': { whiteSpace: 'nowrap' },
    'resolved.ownedByRelationsTitle': { whiteSpace: 'nowrap' },
  };
  const columns = CatalogTable.defaultColumnsFunc(context).map(c =>
    style[String(c.field)]
      ? {
          ...c,
          cellStyle: { ...(c.cellStyle as object), ...style[String(c.field)] },
        }
      : c,
  );
  const at = columns.findIndex(c => c.field === 'resolved.entityRef') + 1;
  columns.splice(at, 0, createReadinessStatusColumn());
  return columns;
};

/**
 * The catalog index page with a Readiness column: the catalog plugin's page
 * offers filters as extensions but no column input, so the demo app renders
 * the same building blocks with one more column.
 */
export function ReadinessCatalogPage(props: {
  filters: ReactNode;
  pagination?: ComponentProps<typeof EntityListProvider>['pagination'];
}) {
  return (
    <EntityListProvider pagination={props.pagination}>
      <Header title="Acme Catalog" />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>
            {props.filters}
          </CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <CatalogTable columns={readinessColumns} />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
