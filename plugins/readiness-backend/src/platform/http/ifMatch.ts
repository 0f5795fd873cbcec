import { CustomErrorBase, InputError } from '@backstage/errors';

/** 428: a write without `If-Match` could overwrite a change its sender never saw. */
export class PreconditionRequiredError extends CustomErrorBase {
  name = 'PreconditionRequiredError' as const;
  statusCode = 428;
}

/**
 * The version in an `If-Match` header (`"3"`, `W/"3"` or `3`); `read` names
 * where the version comes from (`GET …/ownership`).
 */
export function expectedVersion(
  header: string | undefined,
  read: string,
): number {
  if (header === undefined || !header.trim())
    throw new PreconditionRequiredError(
      `If-Match: required; send the version you read (the ETag of ${read}), so that a change someone made since is never overwritten`,
    );
  const value = String(header).replace(/^W\//, '').replace(/"/g, '').trim();
  if (!/^\d+$/.test(value))
    throw new InputError(
      `If-Match: send the version you read (the ETag of ${read})`,
    );
  return Number(value);
}
