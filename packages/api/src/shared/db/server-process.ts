import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSetupError } from './setup-error';

/**
 * The embedded server's process as seen from outside: whether it runs, the lock of its data
 * directory, and stopping it (embedded.ts supervises it with these).
 */

/** Whether a process of this pid exists (EPERM: it exists, but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the server running on a data directory, from its postmaster.pid; null if none. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isSafeInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * The data directory's lock, beside it: `<dataDir>.lock` holding the pid of the API process that
 * serves it. A lock whose process is gone is stale and taken over. Returns its release.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  // On a fresh checkout the folder that will hold the data directory (.data) does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
      const release = () => {
        try {
          if ((JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid === process.pid) rmSync(path, { force: true });
        } catch {
          // Gone already.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: number | null = null;
      try {
        holder = (JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid;
      } catch {
        holder = null;
      }
      if (holder && holder !== process.pid && processAlive(holder)) {
        throw new DatabaseSetupError(
          `Another Huhang server (process ${holder}) is using the database in ${dataDir}. Stop it first (Ctrl+C in its terminal), or give this one a data directory of its own: HUHANG_DATA_DIR=<folder> npm start.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseSetupError(`Could not take the lock ${path}; remove it if no Huhang server is running.`);
}

/** Stops the server of this pid (a fast shutdown) and waits until it is gone. */
export async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const until = Date.now() + 30_000;
  while (processAlive(pid) && Date.now() < until) await new Promise((resolveWait) => setTimeout(resolveWait, 100));
}
