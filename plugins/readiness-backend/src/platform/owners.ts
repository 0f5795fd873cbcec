import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COMMUNICATION_CHANNEL,
  ANNOTATION_GO_LIVE_DATE,
  ANNOTATION_RUNBOOK,
  OWNERSHIP_ROLE_ANNOTATIONS,
  parseOwnerRef,
} from '@readiness/backstage-plugin-readiness-common';

/** The owners of an entity as the API returns them: full refs where they parse, raw text otherwise. */
export function ownersOf(entity: Entity) {
  const ns = entity.metadata.namespace ?? 'default';
  const annotations = entity.metadata.annotations ?? {};
  const ref = (value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return undefined;
    const parsed = parseOwnerRef(value, ns);
    return parsed.ok ? parsed.refString : value;
  };
  return {
    owner: ref((entity.spec as { owner?: unknown } | undefined)?.owner),
    incident: ref(annotations[OWNERSHIP_ROLE_ANNOTATIONS.incident]),
    technical: ref(annotations[OWNERSHIP_ROLE_ANNOTATIONS.technical]),
    communication: ref(annotations[OWNERSHIP_ROLE_ANNOTATIONS.communication]),
    channel: annotations[ANNOTATION_COMMUNICATION_CHANNEL],
    runbook: annotations[ANNOTATION_RUNBOOK],
    goLiveDate: annotations[ANNOTATION_GO_LIVE_DATE],
  };
}
