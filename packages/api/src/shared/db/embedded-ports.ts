import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseSetupError } from './setup-error';

/** Ports for the embedded PostgreSQL (embedded.ts): a free one, the one a server of a data directory already uses, and whether it answers. */

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolvePort(true)));
  });
}

export async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new DatabaseSetupError(
    `No free port for the embedded PostgreSQL between ${preferred} and ${preferred + 99}. Set HUHANG_PG_PORT to a free port.`,
  );
}

/**
 * Starts a server on the first free port from `preferred`. Another process can take that port
 * between the check and the server's bind (two servers starting at once on one machine): the start
 * then fails with PostgreSQL's "could not bind", and the next free port is tried.
 */
export async function onFreePort<T>(
  preferred: number,
  start: (port: number) => Promise<T>,
  log: (line: string) => void,
): Promise<{ port: number; started: T }> {
  for (let from = preferred, attempt = 1; ; attempt++) {
    const port = await findFreePort(from);
    try {
      return { port, started: await start(port) };
    } catch (error) {
      const taken = error instanceof DatabaseSetupError && /could not bind .*Address already in use/.test(error.details ?? '');
      if (!taken || attempt === 5) throw error;
      log(`[db] port ${port} was taken while the embedded PostgreSQL started; trying the next free port`);
      from = port + 1;
    }
  }
}

/** A server still running on this data directory (e.g. from an earlier `npm start`), if any. */
export function runningServerPort(dataDir: string): number | null {
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

/** Whether a PostgreSQL server answers at `url`. */
export async function canConnect(url: string): Promise<boolean> {
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
