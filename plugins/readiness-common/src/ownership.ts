import {
  ANNOTATION_COMMUNICATION_CHANNEL,
  ANNOTATION_GO_LIVE_DATE,
  ANNOTATION_OWNERSHIP_IN_FILE,
  ANNOTATION_RUNBOOK,
  OWNERSHIP_ROLE_ANNOTATIONS,
} from './annotations';

/**
 * The ownership fields people edit from the UI: the three roles (entity refs),
 * the communication channel, the runbook URL and the go-live date the owners
 * commit to. An empty value means unset.
 *
 * @public
 */
export interface OwnershipRoles {
  incident?: string;
  technical?: string;
  communication?: string;
  channel?: string;
  runbook?: string;
  /** `YYYY-MM-DD` (`readiness/go-live-date`). */
  goLiveDate?: string;
}

/**
 * The Backstage events topic on which the Readiness backend announces a
 * saved ownership edit (`{ entityRef }`), so that the catalog module reads
 * the edits again before the entity is reprocessed.
 *
 * @public
 */
export const OWNERSHIP_CHANGED_TOPIC = 'readiness.ownership-changed';

/**
 * Events topic on which Readiness's catalog module names the entities the
 * catalog processed with new content (payload {@link CatalogChangedPayload}),
 * so the Readiness backend evaluates them within seconds instead of at its
 * next cycle.
 *
 * @public
 */
export const CATALOG_CHANGED_TOPIC = 'readiness.catalog-changed';

/**
 * The payload of {@link CATALOG_CHANGED_TOPIC}: lower-case entity refs, and
 * those of them the publishing catalog replica saw for the first time (after
 * its start: not necessarily changed).
 *
 * @public
 */
export interface CatalogChangedPayload {
  entityRefs: string[];
  firstSeen?: string[];
}

/**
 * The fields of {@link OwnershipRoles}, in the order people read them.
 *
 * @public
 */
export const OWNERSHIP_FIELDS = [
  'incident',
  'technical',
  'communication',
  'channel',
  'runbook',
  'goLiveDate',
] as const;

/**
 * One ownership field.
 *
 * @public
 */
export type OwnershipField = (typeof OWNERSHIP_FIELDS)[number];

/**
 * The annotation that holds each ownership field.
 *
 * @public
 */
export const OWNERSHIP_FIELD_ANNOTATIONS: Readonly<
  Record<keyof OwnershipRoles, string>
> = {
  incident: OWNERSHIP_ROLE_ANNOTATIONS.incident,
  technical: OWNERSHIP_ROLE_ANNOTATIONS.technical,
  communication: OWNERSHIP_ROLE_ANNOTATIONS.communication,
  channel: ANNOTATION_COMMUNICATION_CHANNEL,
  runbook: ANNOTATION_RUNBOOK,
  goLiveDate: ANNOTATION_GO_LIVE_DATE,
};

/**
 * Reads the ownership fields from annotations.
 *
 * @public
 */
export function ownershipFromAnnotations(
  annotations: Record<string, string> | undefined,
): OwnershipRoles {
  const out: OwnershipRoles = {};
  for (const [field, annotation] of Object.entries(
    OWNERSHIP_FIELD_ANNOTATIONS,
  )) {
    const value = annotations?.[annotation];
    if (value && value.trim())
      out[field as keyof OwnershipRoles] = value.trim();
  }
  return out;
}

/**
 * Annotations with the stored edit applied. An edit is per field: a field
 * present with a value replaces the annotation, a field present but empty
 * removes it, and a field absent from the edit keeps what catalog-info.yaml
 * says.
 *
 * @public
 */
export function applyOwnership(
  annotations: Record<string, string> | undefined,
  roles: OwnershipRoles,
): Record<string, string> {
  const out = { ...(annotations ?? {}) };
  for (const [field, annotation] of Object.entries(
    OWNERSHIP_FIELD_ANNOTATIONS,
  )) {
    if (!(field in roles)) continue;
    const value = roles[field as keyof OwnershipRoles];
    if (value && value.trim()) out[annotation] = value.trim();
    else delete out[annotation];
  }
  return out;
}

/**
 * The annotation block for catalog-info.yaml, for teams that keep the file as
 * the source of truth.
 *
 * @public
 */
export function ownershipYaml(roles: OwnershipRoles): string {
  const lines = ['metadata:', '  annotations:'];
  for (const [field, annotation] of Object.entries(
    OWNERSHIP_FIELD_ANNOTATIONS,
  )) {
    const value = roles[field as keyof OwnershipRoles];
    if (value) lines.push(`    ${annotation}: ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Overlays an ownership edit onto annotations (see {@link applyOwnership})
 * and keeps what the file said in `readiness/ownership-in-file`.
 *
 * @public
 */
export function overlayOwnership(
  annotations: Record<string, string> | undefined,
  roles: OwnershipRoles,
): Record<string, string> {
  // Back to what the file says first, so an entity already overlaid (as
  // the catalog serves it) takes a changed or reverted edit correctly.
  const inFile = catalogOwnership(annotations);
  const fromFile = Object.fromEntries(
    OWNERSHIP_FIELDS.map(f => [f, inFile[f] ?? '']),
  );
  return {
    ...applyOwnership(applyOwnership(annotations, fromFile), roles),
    [ANNOTATION_OWNERSHIP_IN_FILE]: JSON.stringify(inFile),
  };
}

/**
 * The ownership as catalog-info.yaml has it: from `readiness/ownership-in-file`
 * when an edit was overlaid, else from the annotations themselves.
 *
 * @public
 */
export function catalogOwnership(
  annotations: Record<string, string> | undefined,
): OwnershipRoles {
  const saved = annotations?.[ANNOTATION_OWNERSHIP_IN_FILE];
  if (saved) {
    try {
      const parsed = JSON.parse(saved);
      if (parsed && typeof parsed === 'object') {
        const out: OwnershipRoles = {};
        for (const field of Object.keys(OWNERSHIP_FIELD_ANNOTATIONS)) {
          const v = parsed[field];
          if (typeof v === 'string' && v)
            out[field as keyof OwnershipRoles] = v;
        }
        return out;
      }
    } catch {
      // A hand-edited or broken value: fall back to the annotations.
    }
  }
  return ownershipFromAnnotations(annotations);
}
