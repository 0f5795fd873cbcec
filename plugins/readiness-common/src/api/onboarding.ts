/**
 * The ownership fields bulk onboarding sets, one at a time for many
 * entities: the three roles, the communication channel and the runbook.
 *
 * @public
 */
export const ONBOARDING_FIELDS = [
  'incident',
  'technical',
  'communication',
  'channel',
  'runbook',
] as const;

/**
 * One of {@link ONBOARDING_FIELDS}.
 *
 * @public
 */
export type OnboardingField = (typeof ONBOARDING_FIELDS)[number];

/**
 * A value proposed for a field, and where it comes from (for the person who
 * accepts or edits it).
 *
 * @public
 */
export interface OnboardingSuggestion {
  value: string;
  /** Where it was found, e.g. `spec.owner` or `on-call group of group:default/platform`. */
  source: string;
}

/**
 * An entity a group answers for, with the field's value in effect and a suggestion.
 *
 * @public
 */
export interface OnboardingCandidate {
  entityRef: string;
  title?: string;
  /** `spec.owner` as a full ref. */
  owner?: string;
  /** The ownership version to send back (If-Match of a single edit). */
  version: number;
  /** The value in effect now (catalog-info.yaml or an edit); absent when unset. */
  current?: string;
  /** Absent when nothing suggests a value. */
  suggestion?: OnboardingSuggestion;
  /** Whether the caller may change this entity's ownership. */
  canEdit: boolean;
}

/**
 * `GET /ownership/onboarding?owner=…&field=…`: the scored entities a group
 * (its sub-groups included) or user owns, for one field.
 *
 * @public
 */
export interface OnboardingResponse {
  owner: string;
  field: OnboardingField;
  items: OnboardingCandidate[];
  /** More entities than one list holds were found; the first ones are listed. */
  truncated: boolean;
}

/**
 * The body of `POST /ownership/bulk`: one field set for many entities, each
 * with the version read (a normal per-entity edit, If-Match included).
 *
 * @public
 */
export interface BulkOwnershipInput {
  field: OnboardingField;
  reason?: string;
  items: Array<{ entityRef: string; value: string; version: number }>;
}

/**
 * What happened to one entity of a bulk edit.
 *
 * @public
 */
export type BulkOwnershipOutcome =
  | {
      entityRef: string;
      ok: true;
      /** False when the value was already in effect (nothing stored). */
      changed: boolean;
      version: number;
    }
  | {
      entityRef: string;
      ok: false;
      /** The error's name (`NotAllowedError`, `ConflictError`, `InputError`, `NotFoundError`). */
      error: { name: string; message: string };
    };

/**
 * The answer of `POST /ownership/bulk`: every entity's outcome, in the
 * order sent. One failing entity never stops the others.
 *
 * @public
 */
export interface BulkOwnershipResponse {
  items: BulkOwnershipOutcome[];
  /** Entities changed. */
  changed: number;
  /** Entities that failed. */
  failed: number;
  /** Notifications sent to newly named owners (one per owner, not per entity). */
  notified: number;
}

/**
 * The answer of `POST /ownership/confirm`: for every entity where the owner
 * holds a role, the roles confirmed, or why it failed (in catalog order).
 *
 * @public
 */
export interface RoleConfirmationResponse {
  owner: string;
  items: Array<
    | {
        entityRef: string;
        ok: true;
        roles: Array<'incident' | 'technical' | 'communication'>;
      }
    | {
        entityRef: string;
        ok: false;
        error: { name: string; message: string };
      }
  >;
  /** Entities whose roles were confirmed. */
  confirmed: number;
  failed: number;
}
