import {
  OWNERSHIP_ROLE_LABELS,
  OwnershipField,
} from '@readiness/backstage-plugin-readiness-common';

/** How each ownership field is called on screen. */
export const FIELD_LABELS: Record<OwnershipField, string> = {
  ...OWNERSHIP_ROLE_LABELS,
  channel: 'Channel',
  runbook: 'Runbook',
  goLiveDate: 'Go-live date',
};

/** `group:default/payments` → `payments`; empty → `none`. */
export const shortRef = (ref?: string) =>
  ref ? ref.replace(/^[a-z]+:default\//, '') : 'none';
