import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

/**
 * The largest JSON body the API reads. The biggest legitimate request is a
 * CI push of facts (100 entities of up to 50 facts); beyond this a request
 * answers 413 before it is parsed, so one client cannot fill the memory.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The first string holding U+0000 in a value, as a field path. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string')
    return value.includes('\u0000') ? path : undefined;
  if (depth > 20 || value === null || typeof value !== 'object')
    return undefined;
  for (const [key, v] of Object.entries(value)) {
    const sub = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (key.includes('\u0000')) return sub;
    const found = nulPath(v, sub, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Rejects U+0000 anywhere in the path, query or body with a 400 naming the
 * field: PostgreSQL cannot store it in text, and no name, note or ref holds it.
 */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  if (/%00/.test(req.path)) {
    next(new InputError('path: contains the NUL character (U+0000)'));
    return;
  }
  const field = nulPath(req.query, 'query') ?? nulPath(req.body, 'body');
  next(
    field
      ? new InputError(`${field}: contains the NUL character (U+0000)`)
      : undefined,
  );
};

const parseJson = express.json({ limit: MAX_BODY_BYTES });

/**
 * Reads JSON bodies up to {@link MAX_BODY_BYTES}. A larger one answers 413
 * here, in Backstage's error shape: the OpenAPI router turns every error
 * passed on before its validator into a 400.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  parseJson(req, res, (error?: any) => {
    if (error?.type === 'entity.too.large') {
      res.status(413).json({
        error: {
          name: 'PayloadTooLargeError',
          message: `body: larger than the limit of ${
            MAX_BODY_BYTES / 1024 / 1024
          } MB`,
        },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 413 },
      });
      return;
    }
    next(error);
  });
};

/** Middleware in front of the routes: JSON bodies up to {@link MAX_BODY_BYTES}, no NUL characters. */
export function requestGuards(): RequestHandler[] {
  return [jsonBody, rejectNulCharacters];
}
