import { ClientAddresses } from './server/client-address';
import { ReplicaReads } from './shared/db/replicas';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './shared/db/database';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createApollo } from './server/apollo';
import { runUnasked, serveExport, serveGraphql, serveImport, serveReport, type GraphqlRoute } from './server/graphql-route';
import { fileReports, startReportSchedule, type ReportSchedule } from './server/filed-reports';
import { serveImportTemplate } from './server/file-import';
import { sendError, sendJson } from './server/respond';
import type { Context } from './access/context';
import type { QueryLimits } from './shared/graphql/limits';
import { limitsFromEnvironment } from './server/settings';
import { DataVersions } from './access/data-versions';
import { AccessWatch } from './access/access-watch';
import { PublicCache } from './server/public-cache';
import { RateLimiter, type RateLimit } from './shared/http/rate-limit';
import { serveStatic, type StaticMount } from './shared/http/static-files';
import { Authenticator } from './accounts/authenticator';
import { loadSigningKey } from './accounts/tokens';
// The public operations only, not the typed documents of every operation that the package's index holds.
import { PERSISTED_OPERATIONS as PUBLIC_PERSISTED_OPERATIONS } from '@huhang/schema/public-persisted';
import { twoFactorRolesFromEnvironment } from './accounts/two-factor.service';
import type { Role } from './shared/auth/role';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE_TEXT } from './shared/db/availability';
import { createLogger, logRequest, Metrics, reportOf, routeOf, sendMetrics } from './server/observability';
import type { Logger } from 'pino';
import { explorerFiles } from './server/explorer';
import type Redis from 'ioredis';
import { SharedRateLimiter } from './shared/http/shared-rate-limit';

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
  /** Largest request body accepted, in bytes; HUHANG_MAX_BODY_BYTES, else 1 MB. */
  maxBodyBytes?: number;
  /** Production mode: no explorer, no introspection, no field suggestions. Defaults to NODE_ENV === 'production'. */
  production?: boolean;
  /** Limits on a request's shape; DEFAULT_LIMITS unless given. */
  limits?: Partial<QueryLimits>;
  /** Requests per client per window; a client over it gets 429 with Retry-After. HUHANG_RATE_LIMIT (per minute), else 600. */
  rateLimit?: RateLimit;
  /** Embed keys may run only the public widgets' persisted operations; by default in production. */
  publicOperationsOnly?: boolean;
  /** Redis for the rate limit shared by every process (REDIS_URL unless given; none: each process counts alone). */
  redisUrl?: string;
  /** Proxies whose X-Forwarded-For is believed (addresses and CIDR blocks, comma-separated); HUHANG_TRUSTED_PROXIES by default. */
  trustedProxies?: string;
  /** Prefix of the Redis keys (HUHANG_REDIS_PREFIX, else `huhang`); every process of one deployment must use the same. */
  redisKeyPrefix?: string;
  /** Where the request log goes; a JSON logger on stdout at HUHANG_LOG_LEVEL unless given. */
  log?: Logger;
  /** Queries that one SQL statement can answer are answered so (default; HUHANG_ONE_STATEMENT_READS=off leaves every query to the resolvers). */
  oneStatementReads?: boolean;
  /** Roles that sign in with two factors; HUHANG_TWO_FACTOR_ROLES, else SYSTEM_ADMIN and PROGRAM_ADMIN in production, none elsewhere. */
  twoFactorRoles?: Role[];
  /**
   * When (cron, UTC) to file the reports a month's end completes (server/filed-reports.ts), also once
   * at start, and the job queue's connection: the database's owner, as graphile-worker keeps its
   * tables from every other role. HUHANG_REPORT_SCHEDULE for `npm start`; no filing unless given.
   */
  reportSchedule?: { cron: string; queueUrl: string } | null;
}

export interface RunningServer {
  http: Server;
  apollo: ApolloServer<Context>;
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  close(): Promise<void>;
}

/** The HTTP server: GraphQL at /graphql, a health check at /healthz, the example pages at /. */
export async function createServer(
  options: ServerOptions,
): Promise<{ http: Server; apollo: ApolloServer<Context>; close: () => Promise<void> }> {
  // Limits not given here come from the environment (README, "Configuration"), else their defaults.
  const configured = limitsFromEnvironment();
  const maxBodyBytes = options.maxBodyBytes ?? configured.maxBodyBytes;
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const http = createHttpServer();
  // An idle kept-alive connection outlives the clients' own idle limits (undici's 4 s, a proxy's 60 s),
  // so that the server never closes one just as a client sends a request on it.
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const log = options.log ?? createLogger();
  const metrics = new Metrics(options.orm);
  const limits = { ...configured.limits, ...options.limits };
  const rate = options.rateLimit ?? configured.rateLimit;
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  // Commands fail at once while Redis is away (the limiter then counts in memory); it reconnects by itself.
  // A close while it waits to reconnect leaves a timer of `disconnectTimeout` on the socket that has
  // already closed (ioredis 5.9): short, so that a process being stopped is not held 2 s.
  // ioredis loads only where Redis is configured.
  const redis = redisUrl
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      new (require('ioredis') as typeof import('ioredis')).Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (times) => Math.min(times * 200, 2000),
        disconnectTimeout: 200,
      })
    : null;
  redis?.on('error', () => undefined);
  const redisKeyPrefix = options.redisKeyPrefix ?? process.env.HUHANG_REDIS_PREFIX;
  const addresses = new ClientAddresses(options.trustedProxies);
  const limiter = redis ? new SharedRateLimiter(redis, rate, redisKeyPrefix) : new RateLimiter(rate);
  // Signed-in viewers are kept until anything that could change them is written (access-watch.ts).
  const watch = new AccessWatch(options.orm.config.get('clientUrl') as string);
  await watch.start();
  const apollo = await createApollo(http, {
    production,
    limits,
    oneStatementReads: options.oneStatementReads ?? process.env.HUHANG_ONE_STATEMENT_READS !== 'off',
    // A mutation that signed out, disabled a user or changed grants: this process forgets every viewer
    // it keeps before the answer leaves, other processes when the database notifies them.
    onAccessChanged: () => watch.changed(),
    plugins: [
      {
        async serverWillStart() {
          return {
            serverWillStop: async () => {
              await schedule?.stop();
              await watch.close();
              redis?.disconnect();
            },
          };
        },
      },
    ],
  });
  const versions = new DataVersions();
  // Writes of other processes reach this one's public cache through the database's notifications.
  watch.onData((programId, version) => versions.heard(programId, version));
  const authenticator = new Authenticator(options.orm.em.fork(), await loadSigningKey(options.orm.em.fork()), versions, watch);
  const route: GraphqlRoute = {
    orm: options.orm,
    apollo,
    authenticator,
    limiter,
    maxBodyBytes,
    versions,
    publicCache: new PublicCache(versions, configured.publicCache, () => watch.live),
    keyOperations: (options.publicOperationsOnly ?? production) ? new Set(Object.keys(PUBLIC_PERSISTED_OPERATIONS)) : null,
    twoFactorRoles: options.twoFactorRoles ? new Set(options.twoFactorRoles) : twoFactorRolesFromEnvironment(production),
    // Queries read from the replicas (DATABASE_REPLICA_URLS, orm.ts), each writer its own writes.
    replicaReads: options.orm.config.get('replicas')?.length ? new ReplicaReads(redis, redisKeyPrefix) : undefined,
    importFile: configured.importFile,
  };

  http.on('request', (req, res) => {
    const started = performance.now();
    const report = reportOf(req);
    report.clientAddress = addresses.of(req);
    res.on('finish', () => {
      const ms = performance.now() - started;
      metrics.observe(routeOf((req.url ?? '/').split('?')[0]!), report, res.statusCode, ms / 1000);
      logRequest(log, req, report, res.statusCode, ms);
    });
    handle(req, res).catch((error) => {
      if (res.headersSent) {
        res.destroy();
      } else if (isDatabaseUnavailable(error)) {
        // Reading the session or the embed key needed the database, and it is away.
        sendError(res, 503, UNAVAILABLE_MESSAGE_TEXT, { code: 'SERVICE_UNAVAILABLE' }, { 'retry-after': String(RETRY_AFTER_SECONDS) });
      } else {
        log.error({ requestId: report.requestId, err: error }, 'unexpected error');
        sendError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId: report.requestId });
      }
    });
  });

  // Filing the month's reports: a job any of the server's processes may take, run as the system.
  const schedule: ReportSchedule | null = options.reportSchedule
    ? await startReportSchedule({
        connectionString: options.reportSchedule.queueUrl,
        cron: options.reportSchedule.cron,
        file: (signal) => fileReports({ run: (viewer, request) => runUnasked(route, viewer, request) }, options.orm, { signal }),
        log: (line) => log.info(line),
      })
    : null;

  // The explorer's files (development), then the folders the caller serves.
  const statics = [...(production ? [] : explorerFiles()), ...(options.staticFiles ?? [])];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') return serveGraphql(route, req, res, url);
    if (url.pathname === '/export') return serveExport(route, req, res);
    if (url.pathname === '/import/template') return serveImportTemplate(req, res, url);
    if (url.pathname === '/import') return serveImport(route, req, res, url);
    if (url.pathname === '/report') return serveReport(route, req, res, url);
    // Liveness: the process answers. Readiness: it can reach the database too.
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return sendReadiness(res, options.orm, redis);
    if (url.pathname === '/metrics') return sendMetrics(req, res, metrics);
    for (const mount of statics) if (await serveStatic(mount, req, res)) return;
    sendJson(res, 404, { error: 'Not found' });
  }

  return {
    http,
    apollo,
    // The filing job makes its reports through the API: it stops first, then the API.
    close: async () => {
      await schedule?.stop();
      await apollo.stop();
    },
  };
}

/** Resolves to 'ok' when `check` succeeds within 2 s, 'down' otherwise. */
async function probe(check: () => Promise<unknown>): Promise<{ status: 'ok' | 'down'; ms: number }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const status = await Promise.race([
    check().then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), 2000))),
  ]).finally(() => clearTimeout(timer));
  return { status, ms: Math.round(performance.now() - started) };
}

/**
 * 200 when the database (and Redis, when configured) answer within 2 s; 503 with Retry-After otherwise.
 * Read replicas are reported but do not make the server unready: reads go to the primary without them.
 */
async function sendReadiness(res: ServerResponse, orm: MikroORM<PostgreSqlDriver>, redis: Redis | null): Promise<void> {
  const checks: Record<string, { status: 'ok' | 'down'; ms: number }> = {
    database: await probe(() => orm.em.getConnection().execute('SELECT 1')),
  };
  if (redis) checks.redis = await probe(() => redis.ping());
  const required = Object.values(checks);
  const replicas = (orm.em.getDriver() as unknown as { replicas: Array<{ execute(sql: string): Promise<unknown> }> }).replicas;
  for (const [i, replica] of replicas.entries()) checks[`replica-${i + 1}`] = await probe(() => replica.execute('SELECT 1'));
  if (required.every((check) => check.status === 'ok')) {
    return sendJson(res, 200, { status: 'ready', checks }, { 'cache-control': 'no-store' });
  }
  sendJson(res, 503, { status: 'unavailable', checks }, { 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER_SECONDS) });
}

/** Creates the server and listens; port 0 picks a free port (tests). */
export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { http, apollo, close } = await createServer(options);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    http,
    apollo,
    url: `http://localhost:${port}`,
    close,
  };
}
