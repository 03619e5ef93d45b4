import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../bench/processes';

const run = promisify(execFile);

/** A PostgreSQL primary and a streaming replica of it, of the tests' own, in temporary directories. */
export interface ReplicaPair {
  /** The primary as its superuser (`postgres`), database `postgres`. */
  primaryUrl: string;
  /** The replica, likewise. */
  replicaUrl: string;
  /** Runs SQL on the replica as the superuser (pausing replay, say). */
  onReplica(sql: string): Promise<void>;
  /** Stops the replica (the primary keeps running). */
  stopReplica(): Promise<void>;
  /** Stops the primary (fast shutdown); the replica keeps running, in recovery. */
  stopPrimary(): Promise<void>;
  /** Starts the stopped primary again on its port. */
  startPrimary(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The directory of a PostgreSQL installation with initdb, pg_ctl and pg_basebackup (Debian's
 * /usr/lib/postgresql/<version>/bin, the newest), or null. The embedded server has no
 * pg_basebackup, so the replica tests need these.
 */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (['initdb', 'pg_ctl', 'pg_basebackup'].every((tool) => existsSync(join(bin, tool)))) return bin;
  }
  return null;
}

/** PostgreSQL refuses to run as root: as root, each tool runs as the `postgres` user. */
async function tool(bin: string, name: string, args: string[]): Promise<void> {
  const asRoot = userInfo().uid === 0;
  const command = asRoot ? 'runuser' : join(bin, name);
  const argv = asRoot ? ['-u', 'postgres', '--', join(bin, name), ...args] : args;
  await run(command, argv, { timeout: 60_000 });
}

export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const dir = mkdtempSync('/var/tmp/huhang-replica-');
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    [
      `-c port=${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      '-c wal_level=replica',
      '-c max_wal_senders=4',
      '-c hot_standby=on',
      '-c fsync=off',
      '-c synchronous_commit=on',
      '-c jit=off',
    ].join(' ');
  const started: string[] = [];
  const stopServer = async (dataDir: string) => {
    if (!started.includes(dataDir)) return;
    started.splice(started.indexOf(dataDir), 1);
    await tool(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  const stop = async () => {
    for (const dataDir of [...started].reverse()) await stopServer(dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await tool(bin, 'initdb', ['-D', primary, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await tool(bin, 'pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-o', settings(primaryPort), '-w', 'start']);
    started.push(primary);
    await tool(bin, 'pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    await tool(bin, 'pg_ctl', ['-D', replica, '-l', join(dir, 'replica.log'), '-o', settings(replicaPort), '-w', 'start']);
    started.push(replica);
  } catch (error) {
    await stop();
    throw error;
  }
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl,
    onReplica: async (sql) => {
      const client = new Client({ connectionString: replicaUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    stopReplica: () => stopServer(replica),
    stopPrimary: () => stopServer(primary),
    startPrimary: async () => {
      await tool(bin, 'pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-o', settings(primaryPort), '-w', 'start']);
      started.push(primary);
    },
    stop,
  };
}
