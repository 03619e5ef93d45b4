import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Context } from '../access/context';
import type { Authenticator } from '../accounts/authenticator';
import { createContext } from '../context';
import type { ReplicaReads } from '../shared/db/replicas';
import type { Limiter } from '../shared/http/rate-limit';
import { admit, allowCrossOrigin, ANSWERED, identify, readRequest, throttle } from './guards';
import type { DataVersions } from '../access/data-versions';
import { matchesEtag, type PublicCache } from './public-cache';
import { sendRefusal } from './respond';
import { forbidden } from '../shared/errors/domain-error';
import { AccessErrorReason } from '../access/access.errors';
import type { Role } from '../shared/auth/role';
import { reportOf, viewerLabel } from './observability';
import { serveListExport, type PageResult } from './list-export';
import { serveFileImport } from './file-import';
import { serveReportFile } from './report-file';
import type { Viewer } from '../access/viewer';

export interface GraphqlRoute {
  orm: MikroORM<PostgreSqlDriver>;
  apollo: ApolloServer<Context>;
  authenticator: Authenticator;
  limiter: Limiter;
  maxBodyBytes: number;
  versions: DataVersions;
  publicCache: PublicCache;
  /** The ids an embed key may run when only the public operations are allowed (production); null: any document. */
  keyOperations: ReadonlySet<string> | null;
  /** The roles that sign in with two factors. */
  twoFactorRoles: ReadonlySet<Role>;
  /** With read replicas: where each writer's last write reached. */
  replicaReads?: ReplicaReads;
  /** POST /import: the largest file and the most rows. */
  importFile: { maxBytes: number; maxRows: number };
}

/** The persisted operation id a request names, if any: `extensions.persistedQuery.sha256Hash`. */
function persistedIdOf(method: string, url: URL, body: unknown): string | null {
  let extensions: unknown;
  if (method === 'GET') {
    try {
      extensions = JSON.parse(url.searchParams.get('extensions') ?? 'null');
    } catch {
      return null;
    }
  } else if (body && typeof body === 'object') {
    extensions = (body as { extensions?: unknown }).extensions;
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : null;
}

/** How a public answer may be kept: by anyone (browsers, a CDN), revalidated with its ETag before each use. */
const PUBLIC_HEADERS = { 'cache-control': 'public, no-cache', vary: 'Origin, X-Huhang-Key' };

function sendPublic(req: IncomingMessage, res: ServerResponse, body: string, etag: string): void {
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.writeHead(304, { etag, ...PUBLIC_HEADERS });
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    etag,
    ...PUBLIC_HEADERS,
  });
  res.end(body);
}

/** A request's context: who asks, from where, and what the request log learns. */
function contextOf(route: GraphqlRoute, req: IncomingMessage, viewer: Viewer): Context {
  const report = reportOf(req);
  return createContext(
    route.orm,
    {
      clientAddress: report.clientAddress ?? req.socket.remoteAddress ?? null,
      requestId: report.requestId,
      twoFactorRoles: route.twoFactorRoles,
      signingKey: route.authenticator.signingKey,
      report,
      replicaReads: route.replicaReads,
    },
    viewer,
    route.versions,
  );
}

/** The guards before the body, in order: CORS, who is asking, rate limit, refusal. */
async function admitted(route: GraphqlRoute, req: IncomingMessage, res: ServerResponse): Promise<Viewer | typeof ANSWERED> {
  if (allowCrossOrigin(req, res) === ANSWERED) return ANSWERED;
  const report = reportOf(req);
  const identity = await identify(route.authenticator, req);
  if ('viewer' in identity) report.viewer = viewerLabel(identity.viewer);
  if ((await throttle(route.limiter, req, res, 'viewer' in identity ? identity.viewer : null)) === ANSWERED) return ANSWERED;
  return admit(res, identity);
}

/** The guards in order: CORS, who is asking, rate limit, refusal, body. */
async function guarded(
  route: GraphqlRoute,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ viewer: Viewer; request: Exclude<Awaited<ReturnType<typeof readRequest>>, typeof ANSWERED> } | typeof ANSWERED> {
  const viewer = await admitted(route, req, res);
  if (viewer === ANSWERED) return ANSWERED;
  const request = await readRequest(req, res, route.maxBodyBytes);
  if (request === ANSWERED) return ANSWERED;
  return { viewer, request };
}

/**
 * /export: the same guards as /graphql (CORS, who is asking, rate limit, body), then every page of a
 * list run through Apollo as a request of its own, each with a fresh context (list-export.ts).
 */
export async function serveExport(route: GraphqlRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const admitted = await guarded(route, req, res);
  if (admitted === ANSWERED) return;
  const { viewer, request } = admitted;
  reportOf(req).operation = 'export';
  await serveListExport({ page: (asker, page) => runAs(route, req, asker, page) }, viewer, request.body, res, req);
}

/** Runs one operation through Apollo as `asker`, with a fresh context, as the answer's status, data and errors. */
async function runAs(
  route: GraphqlRoute,
  req: IncomingMessage,
  asker: Viewer,
  request: { query: string; operationName?: string; variables: Record<string, unknown> },
): Promise<PageResult> {
  return execute(route, contextOf(route, req, asker), request);
}

/** One operation through Apollo with this context; its data and errors as the HTTP answer would carry them. */
async function execute(
  route: GraphqlRoute,
  contextValue: Context,
  request: { query: string; operationName?: string; variables: Record<string, unknown> },
): Promise<PageResult> {
  const response = await route.apollo.executeOperation(request, { contextValue });
  const result = response.body.kind === 'single' ? response.body.singleResult : null;
  return {
    status: response.http.status ?? 200,
    data: (result?.data as Record<string, unknown> | null | undefined) ?? null,
    errors: (result?.errors ?? []).map((e) => ({
      message: e.message,
      extensions: e.extensions as Record<string, unknown> | undefined,
    })),
  };
}

/** One operation run as `viewer` outside any request (the report filing job). */
export async function runUnasked(
  route: GraphqlRoute,
  viewer: Viewer,
  request: { query: string; variables: Record<string, unknown> },
): Promise<PageResult> {
  const contextValue = createContext(
    route.orm,
    { twoFactorRoles: route.twoFactorRoles, replicaReads: route.replicaReads },
    viewer,
    route.versions,
  );
  return execute(route, contextValue, request);
}

/**
 * /import: the guards up to the body (CORS, who is asking, rate limit), then the file read with its own
 * size limit and its rows run through the `importRecords` mutation (file-import.ts).
 */
export async function serveImport(route: GraphqlRoute, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const viewer = await admitted(route, req, res);
  if (viewer === ANSWERED) return;
  reportOf(req).operation = 'import';
  await serveFileImport({ ...route.importFile, run: (asker, request) => runAs(route, req, asker, request) }, viewer, req, res, url);
}

/** /report: the guards up to the body, then the report's one operation run as the viewer (report-file.ts). */
export async function serveReport(route: GraphqlRoute, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const viewer = await admitted(route, req, res);
  if (viewer === ANSWERED) return;
  reportOf(req).operation = 'report';
  await serveReportFile({ run: (asker, request) => runAs(route, req, asker, request) }, viewer, req, res, url);
}

/** /graphql: the guards in order (CORS, who is asking, rate limit, refusal, body), then Apollo with a fresh context. */
export async function serveGraphql(route: GraphqlRoute, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const admitted = await guarded(route, req, res);
  if (admitted === ANSWERED) return;
  const { viewer, request } = admitted;
  const report = reportOf(req);
  // A public page's key runs the widgets' own operations and nothing else (an allow-list, as
  // Apollo Router's safelist): no free document, no persisted query of its own.
  if (route.keyOperations && viewer.kind === 'KEY') {
    const id = persistedIdOf(req.method ?? 'GET', url, request.body);
    if (!id || !route.keyOperations.has(id)) {
      sendRefusal(
        res,
        forbidden(
          '嵌入密钥只能运行门户组件的公开操作 (an embed key runs only the public widgets’ persisted operations)',
          AccessErrorReason.OPERATION_NOT_ALLOWED,
        ),
      );
      return;
    }
  }
  const cacheKey = route.publicCache.keyFor(viewer, req.method ?? 'GET', url.search, request.body);
  const cached = cacheKey ? route.publicCache.get(cacheKey) : null;
  if (cacheKey) report.cache = cached ? 'hit' : 'miss';
  if (cached) return sendPublic(req, res, cached.body, cached.etag);
  const response = await route.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers: request.headers, search: url.search, body: request.body },
    context: async () => contextOf(route, req, viewer),
  });
  if (cacheKey && (response.status ?? 200) === 200 && response.body.kind === 'complete') {
    const entry = route.publicCache.set(cacheKey, response.body.string);
    if (entry) return sendPublic(req, res, entry.body, entry.etag);
  }
  for (const [key, value] of response.headers) res.setHeader(key, value);
  // An answer for a signed-in user may hold personal data: no browser or proxy keeps it.
  if (!res.hasHeader('cache-control')) res.setHeader('cache-control', 'no-store');
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
