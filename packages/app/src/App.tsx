import { createApp } from '@backstage/frontend-defaults';
import { catalogWithReadiness } from './modules/catalog';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  features: [catalogWithReadiness, navModule, homeModule],
});
