import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

// Readiness is discovered from package.json (app.packages: all): no code.
export default createApp({
  features: [catalogPlugin],
});
