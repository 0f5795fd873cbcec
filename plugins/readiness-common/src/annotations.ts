/**
 * Annotation naming the group or user who leads incidents for the entity.
 * The value is an entity ref in `spec.owner` shorthand (`team-a`, `group:team-a`, `user:default/jane`).
 *
 * @public
 */
export const ANNOTATION_INCIDENT_OWNER = 'readiness/incident-owner';

/**
 * Annotation naming the group or user who owns the entity's technology.
 *
 * @public
 */
export const ANNOTATION_TECHNICAL_OWNER = 'readiness/technical-owner';

/**
 * Annotation naming the group or user who talks to customers when the entity is affected.
 *
 * @public
 */
export const ANNOTATION_COMMUNICATION_OWNER = 'readiness/communication-owner';

/**
 * Annotation with the channel used to tell people about an incident, for example
 * `slack:#payments-incidents`, `mailto:status@example.com` or a URL.
 *
 * @public
 */
export const ANNOTATION_COMMUNICATION_CHANNEL =
  'readiness/communication-channel';

/**
 * Annotation with the URL of the entity's runbook.
 *
 * @public
 */
export const ANNOTATION_RUNBOOK = 'readiness/runbook';

/**
 * The annotation holding when an owner role was last confirmed (ISO 8601
 * date or time), for checks with `confirmedWithin`: for example
 * `readiness/incident-owner-confirmed-at`. The Readiness backend sets it
 * from confirmations made in the UI (while the confirmed owner still holds
 * the role); a commit to catalog-info.yaml may set it too.
 *
 * @public
 */
export function ownerConfirmedAnnotation(role: OwnershipRole): string {
  return `readiness/${role}-owner-confirmed-at`;
}

/**
 * Set by the catalog module when it overlays an ownership edit: the
 * ownership annotations as catalog-info.yaml has them (JSON), so the UI can
 * still say where the edit differs from the file.
 *
 * @public
 */
export const ANNOTATION_OWNERSHIP_IN_FILE = 'readiness/ownership-in-file';

/**
 * Annotation with the day a service goes live (`YYYY-MM-DD`). An experimental
 * service with one is scored before launch by the default scorecard, and the
 * Go-live card follows it through T-7, T-1, T-0 and the first weeks.
 *
 * @public
 */
export const ANNOTATION_GO_LIVE_DATE = 'readiness/go-live-date';

/**
 * Annotation with the URL that HTTP probes check.
 *
 * @public
 */
export const ANNOTATION_HEALTH_URL = 'readiness/health-url';

/**
 * The three ownership roles Readiness ties to every entity.
 *
 * @public
 */
export type OwnershipRole = 'incident' | 'technical' | 'communication';

/**
 * Every ownership role, in the order they are shown.
 *
 * @public
 */
export const OWNERSHIP_ROLES: readonly OwnershipRole[] = [
  'incident',
  'technical',
  'communication',
];

/**
 * What each ownership role is called, as a label ("Incident owner"); in a
 * sentence, lower-cased. One list for the tab, the note, checks and notices.
 *
 * @public
 */
export const OWNERSHIP_ROLE_LABELS: Readonly<Record<OwnershipRole, string>> = {
  incident: 'Incident owner',
  technical: 'Technical owner',
  communication: 'Customer-communication owner',
};

/**
 * The annotation that holds each ownership role.
 *
 * @public
 */
export const OWNERSHIP_ROLE_ANNOTATIONS: Readonly<
  Record<OwnershipRole, string>
> = {
  incident: ANNOTATION_INCIDENT_OWNER,
  technical: ANNOTATION_TECHNICAL_OWNER,
  communication: ANNOTATION_COMMUNICATION_OWNER,
};
