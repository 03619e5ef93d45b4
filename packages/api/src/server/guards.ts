import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { Viewer } from '../access/viewer';
import type { Authenticator } from '../accounts/authenticator';
import { DomainError } from '../shared/errors/domain-error';
import type { Limiter } from '../shared/http/rate-limit';
import { header, sendError, sendRefusal } from './respond';
import { reportOf } from './observability';

/*
 * The guards a GraphQL request passes, in order, before Apollo runs it. Each either lets the request
 * on, with what it learned, or answers the request itself and returns ANSWERED.
 */
export const ANSWERED = Symbol('answered');
export type Answered = typeof ANSWERED;

/**
 * Pages of other origins call the API (portal widgets with an embed key, back offices with a bearer
 * token). Credentials travel in headers, never in cookies, so any origin may ask; an embed key then
 * checks the origin against its own list. Answers a CORS preflight itself.
 */
export function allowCrossOrigin(req: IncomingMessage, res: ServerResponse): Answered | void {
  const origin = header(req, 'origin');
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', 'retry-after, x-total-count, content-disposition');
  }
  if (req.method !== 'OPTIONS') return;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization, x-huhang-key, apollo-require-preflight',
    'access-control-max-age': '600',
  });
  res.end();
  return ANSWERED;
}

/**
 * The origin of the page that sent the request: its Origin header, or for a same-origin GET (which
 * browsers send without one) the origin of its Referer.
 */
export function pageOrigin(req: IncomingMessage): string | null {
  const origin = header(req, 'origin');
  if (origin) return origin;
  const referer = header(req, 'referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/** Who is asking, from the bearer token or embed key; a refusal is kept until the rate limit has counted the request. */
export async function identify(authenticator: Authenticator, req: IncomingMessage): Promise<{ viewer: Viewer } | { refusal: DomainError }> {
  try {
    return {
      viewer: await authenticator.viewerFor({
        authorization: header(req, 'authorization'),
        embedKey: header(req, 'x-huhang-key'),
        origin: pageOrigin(req),
      }),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refusal: error };
  }
}

/** Who a request counts against for rate limiting: its user or embed key, else its address. */
function clientKey(req: IncomingMessage, viewer: Viewer | null): string {
  if (viewer?.kind === 'USER') return `user:${viewer.grants.userId}`;
  if (viewer?.kind === 'KEY') return `key:${viewer.grants.keyId}`;
  return `address:${reportOf(req).clientAddress ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/** 429 with Retry-After for a client over its rate; refused credentials count too. */
export async function throttle(
  limiter: Limiter,
  req: IncomingMessage,
  res: ServerResponse,
  viewer: Viewer | null,
): Promise<Answered | void> {
  const wait = await limiter.take(clientKey(req, viewer));
  if (wait <= 0) return;
  sendError(
    res,
    429,
    '请求过于频繁，请稍后再试 (too many requests; retry later)',
    { code: 'RATE_LIMITED', retryAfter: wait },
    { 'retry-after': String(wait) },
  );
  return ANSWERED;
}

/** The viewer, or the refusal answered: 401 or 403. */
export function admit(res: ServerResponse, identity: { viewer: Viewer } | { refusal: DomainError }): Viewer | Answered {
  if ('viewer' in identity) return identity.viewer;
  sendRefusal(res, identity.refusal);
  return ANSWERED;
}

class BodyTooLargeError extends Error {}

async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request's body as bytes (a file): 413, with the connection closed, over `maxBytes`. */
export async function readFileBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Buffer | Answered> {
  try {
    return await readBytes(req, maxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    // The rest of the body is never read, so the connection cannot be reused.
    res.on('finish', () => req.destroy());
    sendError(
      res,
      413,
      `文件过大，最大 ${maxBytes} 字节 (the body is larger than ${maxBytes} bytes)`,
      { code: 'BAD_REQUEST' },
      { connection: 'close' },
    );
    return ANSWERED;
  }
}

/** The request's headers and body as Apollo takes them: 413 over `maxBytes`, 400 for JSON that does not parse. */
export async function readRequest(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<{ headers: HeaderMap; body: unknown } | Answered> {
  const bytes = await readFileBody(req, res, maxBytes);
  if (bytes === ANSWERED) return ANSWERED;
  const body = bytes.toString('utf8');
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  if (!body || !(headers.get('content-type') ?? '').includes('application/json')) return { headers, body };
  try {
    return { headers, body: JSON.parse(body) as unknown };
  } catch {
    sendError(res, 400, 'Request body is not valid JSON', { code: 'BAD_REQUEST' });
    return ANSWERED;
  }
}
