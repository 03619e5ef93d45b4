import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Viewer } from '../access/viewer';
import { header, sendJson } from './respond';

/**
 * What the server tells its operators: one JSON log line per request (pino) and Prometheus metrics
 * at /metrics (prom-client). Both are per server, so that several servers in one process (the
 * tests) keep their own.
 */

/** What one request was, filled in as it is answered; logged and counted when it is sent. */
export interface RequestReport {
  requestId: string;
  viewer?: string;
  operation?: string;
  outcome?: string;
  cache?: 'hit' | 'miss';
  /** Where a GraphQL operation read: the primary or a read replica. */
  database?: 'primary' | 'replica';
  /** How a query was answered: by one SQL statement that builds the answer, or by the resolvers. */
  plan?: 'one-statement' | 'resolvers';
  /** The client's address (behind trusted proxies, the one they report; client-address.ts). */
  clientAddress?: string;
}

const reports = new WeakMap<IncomingMessage, RequestReport>();

/** The report of a request (made on first use), so that each layer can add what it knows. */
export function reportOf(req: IncomingMessage): RequestReport {
  let report = reports.get(req);
  if (!report) reports.set(req, (report = { requestId: randomUUID() }));
  return report;
}

/** `USER:12`, `KEY:3` or `ANONYMOUS`: who, without personal data. */
export function viewerLabel(viewer: Viewer): string {
  if (viewer.kind === 'USER') return `USER:${viewer.grants.userId}`;
  if (viewer.kind === 'KEY') return `KEY:${viewer.grants.keyId}`;
  return 'ANONYMOUS';
}

/**
 * HUHANG_LOG_LEVEL (trace … fatal, or silent); info by default, silent under the test runner. Lines
 * go to stdout through a buffer written when it holds 4 KB or every second, so that a request does
 * not pay a system call for its line; the buffer is written out when the process exits.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const level = process.env.HUHANG_LOG_LEVEL || (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  let stream = destination;
  if (!stream && level !== 'silent') {
    const buffered = pino.destination({ dest: 1, sync: false, minLength: 4096 });
    const timer = setInterval(() => buffered.flush(), 1000);
    timer.unref();
    process.once('exit', () => {
      try {
        buffered.flushSync();
      } catch {
        // Nothing more can be written at exit.
      }
    });
    stream = buffered;
  }
  return pino({ level, base: { service: 'huhang' }, timestamp: pino.stdTimeFunctions.isoTime }, stream);
}

/** Operation names are the client's words: a bounded set of labels, the rest counted as `other`. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'route' | 'operation' | 'outcome'>;
  private readonly duration: Histogram<'route' | 'operation' | 'outcome'>;
  private readonly publicCache: Counter<'result'>;
  private readonly reads: Counter<'database'>;
  private readonly plans: Counter<'plan'>;
  private readonly rateLimited: Counter;

  constructor(orm: MikroORM<PostgreSqlDriver>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'huhang_' });
    this.requests = new Counter({
      name: 'huhang_requests_total',
      help: 'Requests answered, by route (graphql, static, health), GraphQL operation name and outcome (ok, an error code, or HTTP_<status>).',
      labelNames: ['route', 'operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'huhang_request_duration_seconds',
      help: 'Time from the request to the end of the answer, by route, operation and outcome.',
      labelNames: ['route', 'operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.publicCache = new Counter({
      name: 'huhang_public_cache_requests_total',
      help: 'Public (embed key) answers served from the cache (hit) or computed (miss).',
      labelNames: ['result'],
      registers,
    });
    this.reads = new Counter({
      name: 'huhang_graphql_database_total',
      help: 'GraphQL operations that used the database, by where they ran: the primary or a read replica.',
      labelNames: ['database'],
      registers,
    });
    this.plans = new Counter({
      name: 'huhang_graphql_query_plan_total',
      help: 'GraphQL queries by how they were answered: one SQL statement that builds the answer, or the resolvers.',
      labelNames: ['plan'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'huhang_rate_limit_refusals_total',
      help: 'Requests refused with 429 because their client was over its rate.',
      registers,
    });
    new Gauge({
      name: 'huhang_db_pool_connections',
      help: 'Database connections of the API pool: used, free, and requests waiting for one (pending).',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = (orm.em.getConnection().getKnex().client as { pool?: Pool }).pool;
        this.set({ state: 'used' }, pool?.numUsed() ?? 0);
        this.set({ state: 'free' }, pool?.numFree() ?? 0);
        this.set({ state: 'pending' }, pool?.numPendingAcquires() ?? 0);
      },
    });
  }

  /** Counts an answered request. */
  observe(route: string, report: RequestReport, status: number, seconds: number): void {
    const outcome = report.outcome ?? (status >= 400 ? `HTTP_${status}` : 'ok');
    const labels = { route, operation: this.operationLabel(report.operation), outcome };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
    if (report.cache) this.publicCache.inc({ result: report.cache });
    if (report.database) this.reads.inc({ database: report.database });
    if (report.plan) this.plans.inc({ plan: report.plan });
    if (status === 429) this.rateLimited.inc();
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return '';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}

interface Pool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** The route a path belongs to, for labels. */
export function routeOf(path: string): string {
  if (path === '/graphql') return 'graphql';
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/metrics') return 'metrics';
  if (path === '/export' || path === '/report' || path === '/import' || path === '/import/template') return 'files';
  return 'static';
}

/**
 * /metrics, for a scraper: from the server's own machine, or from anywhere with
 * `Authorization: Bearer <HUHANG_METRICS_TOKEN>` when that is set.
 */
export async function sendMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics): Promise<void> {
  const token = process.env.HUHANG_METRICS_TOKEN;
  const address = reportOf(req).clientAddress ?? req.socket.remoteAddress ?? '';
  const local = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  const allowed = token ? header(req, 'authorization') === `Bearer ${token}` : local;
  if (!allowed) return sendJson(res, 403, { error: 'Metrics are served to the local machine, or with HUHANG_METRICS_TOKEN' });
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  res.end(text);
}

/** One log line for an answered request. */
export function logRequest(log: Logger, req: IncomingMessage, report: RequestReport, status: number, ms: number): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const route = routeOf(path);
  const line = {
    requestId: report.requestId,
    method: req.method,
    path,
    status,
    durationMs: Math.round(ms * 10) / 10,
    viewer: report.viewer,
    operation: report.operation,
    outcome: report.outcome ?? (status >= 400 ? `HTTP_${status}` : 'ok'),
    cache: report.cache,
    database: report.database,
    plan: report.plan,
  };
  if (route === 'health' || route === 'metrics') log.debug(line, 'request');
  else if (status >= 500) log.error(line, 'request');
  else log.info(line, 'request');
}
