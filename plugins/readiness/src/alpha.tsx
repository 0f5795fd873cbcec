import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import { readinessApiRef, ReadinessClient } from './api';
import { readinessEntityFilter } from './filters';
import { rootRouteRef } from './routes';

const readinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
});

const readinessPage = PageBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    icon: <CheckCircleOutline />,
    noHeader: true,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReadinessPage').then(m => <m.ReadinessPage />),
  },
});

const entityReadinessContent = EntityContentBlueprint.make({
  params: {
    path: 'readiness',
    title: 'Readiness',
    filter: readinessEntityFilter,
    loader: () =>
      import('./components/EntityReadinessContent').then(m => (
        <m.EntityReadinessContent />
      )),
  },
});

const entityReadinessCard = EntityCardBlueprint.make({
  params: {
    filter: readinessEntityFilter,
    loader: () =>
      import('./components/EntityReadinessCard').then(m => (
        <m.EntityReadinessCard />
      )),
  },
});

const groupReadinessCard = EntityCardBlueprint.make({
  name: 'group',
  params: {
    filter: { kind: { $in: ['group', 'user'] } },
    loader: () =>
      import('./components/GroupReadinessCard').then(m => (
        <m.GroupReadinessCard />
      )),
  },
});

const catalogReadinessFilter = CatalogFilterBlueprint.make({
  name: 'status',
  params: {
    loader: async () => {
      const { EntityReadinessStatusPicker } = await import(
        './components/CatalogReadiness'
      );
      return <EntityReadinessStatusPicker />;
    },
  },
});

/**
 * The Readiness frontend plugin for the new frontend system: the API, the
 * org-wide page (with its nav entry), the entity tab and the overview card.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'readiness',
  routes: { root: rootRouteRef },
  extensions: [
    readinessApi,
    readinessPage,
    entityReadinessContent,
    entityReadinessCard,
    groupReadinessCard,
    catalogReadinessFilter,
  ],
});
