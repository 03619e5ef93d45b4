// First: tracing, when the OpenTelemetry variables ask for it, patches http, pg and graphql as they load.
import { stopTelemetry } from './server/telemetry';
import cluster, { type Worker } from 'node:cluster';
import { bootstrap, type Bootstrapped } from './bootstrap';
import { createOrm } from './orm';
import { replicaOverrides } from './shared/db/replicas';
import { DatabaseSetupError } from './shared/db/embedded';
import { allowDemoKeyOrigins, demoPresent, progressPrinter, seedDemo } from './demo/seed';
import { DEMO_EMBED_KEY } from './demo/users';
import { exampleSite, startServer } from './server';
import { reportScheduleFromEnvironment } from './server/filed-reports';
import { applyHeapGrowth } from './server/heap-growth';
import { collectWhenIdle, idleCollectionTimes, type IdleCollectionTimes } from './server/idle-collection';
import { ClientAddresses } from './server/client-address';
import { limitsFromEnvironment, wholeNumber } from './server/settings';
import { SettingError } from './shared/errors/setting-error';
import { twoFactorRolesFromEnvironment } from './accounts/two-factor.service';

/**
 * Reads every setting the server takes from the environment before anything starts: a refused one
 * stops it at once (SettingError), not after the database has been made and the demo written.
 * Returns the two the start itself needs: HUHANG_WORKERS (how many processes serve HTTP through
 * node:cluster; 1 by default, this process itself) and the idle collections.
 */
function checkSettings(): { workers: number; idle: IdleCollectionTimes } {
  limitsFromEnvironment();
  new ClientAddresses();
  twoFactorRolesFromEnvironment(process.env.NODE_ENV === 'production');
  const workers = wholeNumber(process.env, 'HUHANG_WORKERS', { fallback: 1, least: 1, most: 64 });
  return { workers, idle: idleCollectionTimes() };
}

/**
 * `npm start`: database → migrations → demo data (first start only) → HTTP server. With
 * HUHANG_WORKERS=N, this process keeps the database and N worker processes serve HTTP on the same
 * port; a worker that dies is replaced.
 */
async function main(): Promise<void> {
  applyHeapGrowth();
  const { workers, idle } = checkSettings();
  if (cluster.isWorker) return serveAsWorker(idle);
  const started = Date.now();
  if (process.env.NODE_ENV === 'production' && !process.env.HUHANG_JWT_SECRET) {
    // The stored key would let anyone who can read the database mint an administrator's token.
    throw new DatabaseSetupError(
      'NODE_ENV=production needs HUHANG_JWT_SECRET (at least 32 characters) to sign access tokens; the key kept in the database is for development only.',
    );
  }
  // The server holds its embedded database: restarted if it dies, refused to a second server.
  const app = await bootstrap({ exclusive: true });
  if (process.env.HUHANG_SEED !== 'false' && !(await demoPresent(app.db.url))) {
    console.log('[demo] the database is empty: writing the demo programs');
    const totals = await seedDemo(app.db.url, { onProgress: progressPrinter() });
    console.log(
      `[demo] ${totals.enterprises} enterprises, ${totals.officers} officers, ${totals.visits} visits, ${totals.patrols} patrols, ${totals.serviceRequests} service requests`,
    );
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 4000;
  if (workers > 1) return superviseWorkers(app, port, workers, started);
  const server = await startServer({
    orm: app.orm,
    port,
    staticFiles: exampleSite(),
    reportSchedule: reportScheduleFromEnvironment(app.db.ownerUrl),
  });
  collectWhenIdle(server.http, idle);
  await announce(app, server.url, started, 1);

  onStopSignal(async (signal) => {
    console.log(`\n[huhang] ${signal}: stopping`);
    await server.close();
    await app.close();
    await stopTelemetry();
  });
}

/**
 * Runs `shutdown` once, on the first SIGINT or SIGTERM, then exits: 0 when it finished, 1 with what
 * failed printed when it did not.
 */
function onStopSignal(shutdown: (signal: string) => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[huhang] stopping failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The banner of a running server. */
async function announce(app: Bootstrapped, url: string, started: number, workers: number): Promise<void> {
  // The example portal page uses the demo embed key, which must allow the origin it is served from.
  const listening = Number(new URL(url).port);
  const demoKey = process.env.HUHANG_SEED !== 'false' && (await allowDemoKeyOrigins(app.db.url, listening));
  console.log(
    `\n护航 Huhang is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s${workers > 1 ? `, ${workers} worker processes` : ''})`,
  );
  console.log(`  GraphQL API      ${url}/graphql`);
  console.log(`  Example pages    ${url}/`);
  console.log(`  Health check     ${url}/healthz`);
  if (demoKey) console.log(`  Demo embed key   ${DEMO_EMBED_KEY} (allowed from ${url} and http://127.0.0.1:${listening})`);
  console.log('');
}

/** Forks the workers, replaces any that dies, and stops them before the database. */
async function superviseWorkers(app: Bootstrapped, port: number, count: number, started: number): Promise<void> {
  // The workers connect as the API's role to the database this process keeps; they migrate nothing.
  cluster.setupPrimary({ exec: __filename });
  // The job queue that files reports runs in the workers and connects as the owner (filed-reports.ts).
  const env = { HUHANG_WORKER_DATABASE_URL: app.db.url, HUHANG_WORKER_OWNER_URL: app.db.ownerUrl, PORT: String(port) };
  let stopping = false;
  const fork = (): Promise<{ worker: Worker; port: number }> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(env);
      worker.once('message', (message: { listening?: number }) => {
        if (message.listening) resolve({ worker, port: message.listening });
      });
      worker.once('exit', (code) => {
        if (stopping) return;
        reject(new Error(`a worker exited (${code}) before it listened`));
        console.error(`[huhang] worker ${worker.process.pid} exited (${code}); starting another`);
        void fork().catch((error: unknown) => console.error('[huhang]', error));
      });
    });
  const forked = await Promise.all(Array.from({ length: count }, fork));
  // With PORT=0 every worker was given the same free port.
  await announce(app, `http://localhost:${forked[0]!.port}`, started, count);
  onStopSignal(async (signal) => {
    stopping = true;
    console.log(`\n[huhang] ${signal}: stopping the workers, then the database`);
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await app.close();
    await stopTelemetry();
  });
}

/** A worker: the HTTP server on the shared port, over the database its primary keeps. */
async function serveAsWorker(idle: IdleCollectionTimes): Promise<void> {
  const orm = await createOrm(process.env.HUHANG_WORKER_DATABASE_URL!, replicaOverrides());
  const server = await startServer({
    orm,
    port: Number(process.env.PORT ?? 4000),
    staticFiles: exampleSite(),
    reportSchedule: reportScheduleFromEnvironment(process.env.HUHANG_WORKER_OWNER_URL),
  });
  collectWhenIdle(server.http, idle);
  process.send?.({ listening: Number(new URL(server.url).port) });
  // Ctrl+C reaches the workers too; the primary sends SIGTERM.
  onStopSignal(async () => {
    await server.close();
    await orm.close();
    await stopTelemetry();
  });
}

main().catch((error) => {
  if (error instanceof SettingError) console.error(`\n[config] ${error.message}\n`);
  else if (error instanceof DatabaseSetupError) console.error(`\n[db] ${error.message}\n`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `\n[http] port ${(error as { port?: number }).port} is already in use: stop what listens there or set PORT to another port.\n`,
    );
  } else console.error(error);
  process.exit(1);
});
