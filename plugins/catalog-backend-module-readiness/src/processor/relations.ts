// The relation names are part of the contract in -common (the frontend reads them too).
export { READINESS_ROLE_RELATIONS } from '@readiness/backstage-plugin-readiness-common';
