import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import { entityRefOf } from './query';

type AuditorEvent = Awaited<ReturnType<AuditorService['createEvent']>>;
type SuccessMeta = Parameters<AuditorEvent['success']>[0];

/**
 * Runs a write as one audit event: success with the meta `run` returns, or
 * failure with the error, which is then rethrown for the error handler.
 */
export async function audited<T>(
  auditor: AuditorService,
  request: Request<any, any, any, any, any>,
  event: {
    eventId: string;
    severityLevel: 'low' | 'medium' | 'high' | 'critical';
    /** What the event is about, e.g. `{ entityRef }`. */
    meta: NonNullable<SuccessMeta>['meta'];
  },
  run: () => Promise<{ value: T; meta?: NonNullable<SuccessMeta>['meta'] }>,
): Promise<T> {
  const auditorEvent = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: event.severityLevel,
    request,
    meta: event.meta,
  });
  try {
    const { value, meta } = await run();
    await auditorEvent.success({ meta });
    return value;
  } catch (error) {
    await auditorEvent.fail({ error: error as Error });
    throw error;
  }
}

/**
 * A writer of audited changes by signed-in people to the entity of the path
 * (`/entities/:kind/:namespace/:name/…`): one audit event per write, with the
 * entity ref and the extra meta `metaOf` picks from the request.
 */
export function entityWriter(
  options: { auditor: AuditorService; httpAuth: HttpAuthService },
  metaOf: (req: Request<any, any, any, any, any>) => Record<string, unknown>,
) {
  return <T>(
    req: Request<any, any, any, any, any>,
    eventId: string,
    severityLevel: 'medium' | 'high',
    run: (
      user: BackstageCredentials<BackstageUserPrincipal>,
      entityRef: string,
    ) => Promise<T>,
  ): Promise<T> => {
    const entityRef = entityRefOf(req.params);
    return audited(
      options.auditor,
      req,
      { eventId, severityLevel, meta: { entityRef, ...metaOf(req) } },
      async () => ({
        value: await run(
          await options.httpAuth.credentials(req, { allow: ['user'] }),
          entityRef,
        ),
      }),
    );
  };
}
