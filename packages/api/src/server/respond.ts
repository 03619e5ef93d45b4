import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DomainError } from '../shared/errors/domain-error';
import { statusOf } from '../accounts/authenticator';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL-shaped error answer outside GraphQL execution (refused before any resolver ran). */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions }] }, headers);
}

/** A refused credential: 401 with a Bearer challenge, or 403. */
export function sendRefusal(res: ServerResponse, error: DomainError): void {
  const status = statusOf(error);
  sendError(
    res,
    status,
    error.message,
    { code: error.code, ...error.details },
    status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {},
  );
}

/** A request header as one string; null when absent or repeated. */
export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}
