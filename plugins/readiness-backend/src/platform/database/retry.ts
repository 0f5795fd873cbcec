/**
 * Whether an error says the database connection was lost (the server
 * terminated it, restarted, or the network dropped it), so that the same
 * transaction may succeed on a new connection from the pool.
 */
export function isConnectionLost(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  // 57P01–57P03: terminated by an administrator, crash or shutdown;
  // 08xxx: connection exceptions (SQLSTATE classes of PostgreSQL).
  if (typeof code === 'string' && /^(57P0[1-3]|08[0-9A-Z]{3})$/.test(code))
    return true;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNREFUSED')
    return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|connection is closed|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/**
 * Runs `write` (one transaction, or an idempotent statement) again when the
 * connection is lost during it, up to `attempts` times in all; any other
 * error, or the last one, is thrown. A transaction that lost its connection
 * was rolled back by the server, so running it again writes it once.
 */
export async function retryOnConnectionLoss<T>(
  write: () => Promise<T>,
  options: { attempts?: number; onRetry?: (error: unknown) => void } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isConnectionLost(error)) throw error;
      options.onRetry?.(error);
      await new Promise(r => setTimeout(r, 100 * attempt));
    }
  }
}
