/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, the network
 * gone), as opposed to a statement it refused. Such a request is answered 503 SERVICE_UNAVAILABLE with
 * Retry-After, and the next one tries again: the pool drops dead connections and makes new ones.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now). */
const UNAVAILABLE_STATE = /^(08|57P0[1-3])/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Timeout acquiring a connection|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)|Connection ended unexpectedly|read ECONNRESET|connect ECONNREFUSED/i;

/** Seconds a client is asked to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE_TEXT = '数据库暂时不可用，请稍后再试 (the database is unavailable for now; retry shortly)';
