import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Acme Retail, with Readiness

This demo's catalog holds the example company of \`examples/\`: its teams,
systems and 21 components, scored against the production-readiness
scorecard.

- **[Readiness](/readiness)**: the org-wide page: what is blocked, by
  which checks, who owns it, and the go-lives coming up.
- **[Catalog](/catalog)**: every component; each has a **Readiness** tab
  (try payments-api, ledger-service or checkout-web).

You are signed in as guest, a member of Payments and Security: you may edit
ownership and attest on Payments' services, and sign the Security role of a
go-live you do not own (auth-service).
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'Tips and links to help you get started with Backstage',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
