import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_EMBED_KEY, DEMO_PASSWORD } from './demo/users';
import { repoRoot } from './shared/db/database';

/**
 * `npm start` as a user runs it (the compiled entry point, an embedded PostgreSQL in a data
 * directory of its own): data written before a stop is there after the next start.
 */
interface Started {
  child: ChildProcess;
  output: () => string;
  apiUrl: string;
  dbPort: number;
}

function start(dataDir: string, extra: Record<string, string> = {}): Promise<Started> {
  const env = { ...process.env, HUHANG_DATA_DIR: dataDir, PORT: '0', ...extra } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(repoRoot(), 'packages/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const api = /GraphQL API\s+(http:\/\/localhost:\d+\/graphql)/.exec(output);
      const db = /embedded PostgreSQL: postgres:\/\/huhang_app:\*\*\*@127\.0\.0\.1:(\d+)\//.exec(output);
      if (api && db) {
        clearTimeout(timer);
        resolve({ child, output: () => output, apiUrl: api[1]!, dbPort: Number(db[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

/** Stops a server with SIGTERM; resolves to its exit code and, when that is not 0, what it printed last. */
function stop(started: Started): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', (code) => resolve({ code, output: code === 0 ? '' : started.output().slice(-4000) }));
    started.child.kill('SIGTERM');
  });
}

/** Signs in as a demo user; returns the access token. */
async function signIn(apiUrl: string, username: string): Promise<string> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { username, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`signing in failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

/** The four demo programs' parks and places, in pinyin order. */
const DEMO_PARKS = [
  '厂区生产区',
  '厂区员工生活区',
  '厂区周边',
  '殿前街道',
  '禾山街道',
  '湖里街道',
  '华阳街道在建工地',
  '江头街道',
  '金山街道',
  '九龙小区',
  '双龙小镇',
  '天菇小镇',
  '瓮安工业园区',
  '五福小镇',
];

async function parkNames(apiUrl: string, token: string): Promise<string[]> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ parks { nodes { name } } }' }),
  });
  const body = (await response.json()) as { data?: { parks: { nodes: Array<{ name: string }> } }; errors?: unknown };
  if (!body.data) throw new Error(`the API answered with errors: ${JSON.stringify(body.errors)}`);
  return body.data.parks.nodes.map((park) => park.name);
}

let parent: string;
let dataDir: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'huhang-start-'));
  // Run as root, PostgreSQL runs as postgres, which must enter the directory for it to be used.
  chmodSync(parent, 0o755);
  // As on a fresh checkout, where .data does not exist yet.
  dataDir = join(parent, 'not-made-yet');
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('npm start', () => {
  it('keeps data written before a stop across the next start', async () => {
    const first = await start(dataDir);
    let token: string;
    try {
      expect(first.output()).toMatch(/writing the demo programs/);
      token = await signIn(first.apiUrl, 'admin');
      expect(await parkNames(first.apiUrl, token)).toEqual(DEMO_PARKS);
      // The demo park administrator sees its own park only.
      expect(await parkNames(first.apiUrl, await signIn(first.apiUrl, 'wengan-park'))).toEqual(['瓮安工业园区']);
      const sql = new Client({ connectionString: `postgres://postgres:huhang-local@127.0.0.1:${first.dbPort}/huhang` });
      await sql.connect();
      await sql.query(
        `INSERT INTO park (program_id, name, level, region) SELECT id, '重启测试园区', '县级', '测试县' FROM program LIMIT 1`,
      );
      await sql.end();
    } finally {
      expect(await stop(first)).toEqual({ code: 0, output: '' });
    }

    const second = await start(dataDir);
    try {
      expect(second.output()).not.toMatch(/writing the demo programs/);
      expect(second.output()).not.toMatch(/creating an embedded PostgreSQL cluster/);
      // The access token of the first run still works: the signing key and the session are kept in the database.
      const afterRestart = await parkNames(second.apiUrl, token);
      expect(afterRestart.filter((name) => name !== '重启测试园区')).toEqual(DEMO_PARKS);
      expect(afterRestart).toContain('重启测试园区');
      // The example pages' demo key works from whatever port the server listens on (here a free one);
      // the first run's port gave way, so that starts on ever new ports never fill the key's 20 origins.
      const origin = new URL(second.apiUrl).origin;
      const keys = new Client({ connectionString: `postgres://postgres:huhang-local@127.0.0.1:${second.dbPort}/huhang` });
      await keys.connect();
      const { rows: ports } = await keys.query<{ port: string }>(
        `SELECT DISTINCT substring(o FROM ':([0-9]+)$') AS port FROM embed_key, unnest(allowed_origins) AS o WHERE o ~ '^http://(localhost|127[.]0[.]0[.]1):'`,
      );
      await keys.end();
      expect(ports.map((row) => row.port)).toEqual([new URL(second.apiUrl).port]);
      expect(second.output()).toContain(`Demo embed key   ${DEMO_EMBED_KEY}`);
      for (const page of [origin, origin.replace('localhost', '127.0.0.1')]) {
        const response = await fetch(second.apiUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-huhang-key': DEMO_EMBED_KEY, origin: page },
          body: JSON.stringify({ query: '{ parks { nodes { name } } }' }),
        });
        const body = (await response.json()) as { data?: { parks: { nodes: Array<{ name: string }> } }; errors?: unknown };
        const parks = body.data?.parks.nodes.map((park) => park.name) ?? [];
        expect({ page, status: response.status, wengAn: parks.includes('瓮安工业园区') }).toEqual({ page, status: 200, wengAn: true });
      }
    } finally {
      expect(await stop(second)).toEqual({ code: 0, output: '' });
    }
  });
});

/** The pid of the embedded server running on a data directory, from its postmaster.pid. */
function postmasterPid(dir: string): number {
  return Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks the API until it answers 200 on /readyz, for up to 30 s. */
async function ready(apiUrl: string): Promise<boolean> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const response = await fetch(apiUrl.replace('/graphql', '/readyz')).catch(() => null);
    if (response?.status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('a refused setting', () => {
  /** Runs the entry point to its end; its exit code and all it printed. */
  const run = (extra: Record<string, string>, dir: string): Promise<{ code: number | null; output: string }> =>
    new Promise((resolve) => {
      const env = { ...process.env, HUHANG_DATA_DIR: dir, PORT: '0', ...extra } as NodeJS.ProcessEnv;
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [join(repoRoot(), 'packages/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });

  it.each([
    ['HUHANG_RATE_LIMIT', '0', 'HUHANG_RATE_LIMIT must be a whole number of at least 1'],
    ['HUHANG_IDLE_GC_SECONDS', 'soon', 'HUHANG_IDLE_GC_SECONDS must be a whole number of seconds from 1 to 3600, or off; it is "soon"'],
    ['HUHANG_TRUSTED_PROXIES', '10.0.0.0/99', 'HUHANG_TRUSTED_PROXIES: "10.0.0.0/99" has no valid prefix length'],
    ['HUHANG_TWO_FACTOR_ROLES', 'KING', 'HUHANG_TWO_FACTOR_ROLES names an unknown role "KING"'],
    ['HUHANG_WORKERS', '65', 'HUHANG_WORKERS must be a whole number from 1 to 64; it is "65"'],
  ])(
    '%s=%s stops npm start at once with one line naming it, before any database is made',
    async (name, value, message) => {
      const dir = join(parent, `refused-${name}`);
      const { code, output } = await run({ [name]: value }, dir);
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toEqual([expect.stringContaining(`[config] ${message}`)]);
      expect(() => readdirSync(dir)).toThrow(/ENOENT/);
    },
    30_000,
  );
});

describe('the embedded database, supervised', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'huhang-supervised-'));
    // Run as root, PostgreSQL runs as postgres, which must enter the directory to be found there.
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused to a second server, restarted when it dies, and adopted and stopped after the API was killed', async () => {
    const first = await start(dir);
    let firstStopped = false;
    try {
      // A second `npm start` on the same data directory refuses, and says what to do.
      const second = await start(dir).then(
        (started) => ({ started, output: started.output() }),
        (error: Error) => ({ started: null, output: error.message }),
      );
      if (second.started) await stop(second.started);
      expect(second.started).toBeNull();
      expect(second.output).toMatch(/Another Huhang server \(process \d+\) is using the database/);
      expect(second.output).toContain('HUHANG_DATA_DIR');

      // The database dies: it is started again on its port, and the API answers again by itself.
      const token = await signIn(first.apiUrl, 'admin');
      const killed = postmasterPid(dir);
      process.kill(killed, 'SIGKILL');
      // Until its backends notice, old connections may still answer: wait for the new server itself.
      const until = Date.now() + 30_000;
      for (;;) {
        let now: number | null = null;
        try {
          now = postmasterPid(dir);
        } catch {
          now = null; // its pid file is being written
        }
        if ((now && now !== killed && alive(now)) || Date.now() > until) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(postmasterPid(dir)).not.toBe(killed);
      expect(await ready(first.apiUrl)).toBe(true);
      expect(await parkNames(first.apiUrl, token)).toContain('瓮安工业园区');
      expect(first.output()).toMatch(/starting it again[\s\S]*running again on port/);

      // The API is killed outright: its database keeps running, orphaned.
      const orphan = postmasterPid(dir);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      firstStopped = true;
      expect(alive(orphan)).toBe(true);
    } finally {
      if (!firstStopped) await stop(first);
    }

    // The next start adopts it, and stops it when it stops.
    const third = await start(dir);
    const adopted = postmasterPid(dir);
    expect(third.output()).toMatch(/adopting the embedded PostgreSQL/);
    expect(await parkNames(third.apiUrl, await signIn(third.apiUrl, 'admin'))).toContain('瓮安工业园区');
    expect(await stop(third)).toEqual({ code: 0, output: '' });
    expect(alive(adopted)).toBe(false);
  }, 120_000);
});

/** The pids of a process's children running the API (its workers). */
function workerPids(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === parent && command.includes('main.js')) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

describe('several worker processes (HUHANG_WORKERS)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'huhang-workers-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serve one port from two processes over one database, replace a worker that dies, and stop with the database', async () => {
    const started = await start(dir, { HUHANG_WORKERS: '2' });
    let stopped = false;
    try {
      expect(started.output()).toContain('2 worker processes');
      const workers = workerPids(started.child.pid!);
      expect(workers).toHaveLength(2);
      const token = await signIn(started.apiUrl, 'admin');
      for (let i = 0; i < 10; i++) expect(await parkNames(started.apiUrl, token)).toContain('瓮安工业园区');

      // A worker killed outright is replaced, and the port keeps answering meanwhile.
      process.kill(workers[0]!, 'SIGKILL');
      const until = Date.now() + 20_000;
      let now = workerPids(started.child.pid!);
      while ((now.length < 2 || now.includes(workers[0]!)) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        now = workerPids(started.child.pid!);
      }
      expect(now).toHaveLength(2);
      expect(now).not.toContain(workers[0]);
      expect(await parkNames(started.apiUrl, token)).toContain('瓮安工业园区');

      const database = postmasterPid(dir);
      expect(await stop(started)).toEqual({ code: 0, output: '' });
      stopped = true;
      expect(now.some(alive)).toBe(false);
      expect(alive(database)).toBe(false);
    } finally {
      if (!stopped) await stop(started);
    }
  }, 120_000);
});
