import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { repoRoot } from './shared/db/database';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createContext } from './context';
import type { Context } from './access/context';
import { createSchema } from './schema';
import { createFormatError } from './shared/errors/format-error';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from './shared/graphql/limits';
import { RateLimiter, type RateLimit } from './shared/http/rate-limit';
import { serveStatic, type StaticMount } from './shared/http/static-files';
import { DomainError } from './shared/errors/domain-error';
import { Authenticator, statusOf } from './accounts/authenticator';
import { loadSigningKey } from './accounts/tokens';
import type { Viewer } from './access/viewer';

/** What `npm start` serves besides the API: the built widgets under /widgets/ and the example pages at /. */
export function exampleSite(root = repoRoot()): StaticMount[] {
  return [
    { path: '/widgets/', root: join(root, 'packages', 'widgets', 'dist') },
    { path: '/', root: join(root, 'examples') },
  ];
}

export interface ServerOptions {
  orm: MikroORM<PostgreSqlDriver>;
  /** Folders served besides the API: the widgets and the example pages (`exampleSite()`). */
  staticFiles?: StaticMount[];
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Production mode: no explorer, no introspection, no field suggestions. Defaults to NODE_ENV === 'production'. */
  production?: boolean;
  /** Limits on a request's shape; DEFAULT_LIMITS unless given. */
  limits?: Partial<QueryLimits>;
  /** Requests per client per window; a client over it gets 429 with Retry-After. */
  rateLimit?: RateLimit;
}

export interface RunningServer {
  http: Server;
  apollo: ApolloServer<Context>;
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Who a request counts against for rate limiting: its user or embed key, else its address. */
function clientKey(req: IncomingMessage, viewer: Viewer | null): string {
  if (viewer?.kind === 'USER') return `user:${viewer.grants.userId}`;
  if (viewer?.kind === 'KEY') return `key:${viewer.grants.keyId}`;
  return `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

/**
 * Pages of other origins call the API (portal widgets with an embed key, back offices with a bearer
 * token). Credentials travel in headers, never in cookies, so any origin may ask; an embed key then
 * checks the origin against its own list.
 */
function allowCrossOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = header(req, 'origin');
  if (!origin) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'retry-after');
}

/** The HTTP server: GraphQL at /graphql, a health check at /healthz, the example pages at /. */
export async function createServer(options: ServerOptions): Promise<{ http: Server; apollo: ApolloServer<Context> }> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const http = createHttpServer();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const limiter = new RateLimiter(options.rateLimit ?? { requests: 600, windowSeconds: 60 });
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError: createFormatError({ production }),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    // One operation per request; a JSON array of operations is refused.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: limits.tokens },
    validationRules: limitRules(limits),
    // main.ts stops the HTTP server, the ORM and the database in order on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      {
        // Reads of personal data join the audit trail, one row per record shown.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              await contextValue.personalReads.flush(contextValue.em, contextValue.actor).catch((error: unknown) => {
                console.error('[audit] could not record personal-data reads', error);
              });
            },
          };
        },
      },
      // A browser opening /graphql gets the explorer in development, a plain page in production.
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, footer: false }),
    ],
  });
  await apollo.start();
  const authenticator = new Authenticator(options.orm.em.fork(), await loadSigningKey(options.orm.em.fork()));

  http.on('request', (req, res) => {
    handle(req, res).catch((error) => {
      console.error('[http]', error);
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') return handleGraphql(req, res, url);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    for (const mount of options.staticFiles ?? []) if (await serveStatic(mount, req, res)) return;
    sendJson(res, 404, { error: 'Not found' });
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    allowCrossOrigin(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type, authorization, x-huhang-key, apollo-require-preflight',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    let viewer: Viewer | null = null;
    let refusal: DomainError | null = null;
    try {
      viewer = await authenticator.viewerFor({
        authorization: header(req, 'authorization'),
        embedKey: header(req, 'x-huhang-key'),
        origin: header(req, 'origin'),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusal = error;
    }
    const wait = limiter.take(clientKey(req, viewer));
    if (wait > 0) {
      return sendJson(
        res,
        429,
        {
          errors: [
            {
              message: '请求过于频繁，请稍后再试 (too many requests; retry later)',
              extensions: { code: 'RATE_LIMITED', retryAfter: wait },
            },
          ],
        },
        { 'retry-after': String(wait) },
      );
    }
    if (refusal || !viewer) {
      const error = refusal as DomainError;
      return sendJson(
        res,
        statusOf(error),
        { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] },
        statusOf(error) === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {},
      );
    }
    const requestViewer = viewer;
    let body: string;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is never read, so the connection cannot be reused.
        res.on('finish', () => req.destroy());
        return sendJson(
          res,
          413,
          { errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] },
          { connection: 'close' },
        );
      }
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsed: unknown = body;
    if (body && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
      context: async () =>
        createContext(options.orm, { clientAddress: req.socket.remoteAddress ?? null, requestId: randomUUID() }, requestViewer),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return { http, apollo };
}

/** Creates the server and listens; port 0 picks a free port (tests). */
export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { http, apollo } = await createServer(options);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    http,
    apollo,
    url: `http://localhost:${port}`,
    close: () => apollo.stop(),
  };
}
