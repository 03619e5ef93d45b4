import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './database';
import { effectiveDataDir, reachableByPostgresUser } from './embedded';
import { findFreePort, onFreePort } from './embedded-ports';
import { DatabaseSetupError } from './setup-error';

const run = promisify(execFile);

const asRoot = userInfo().uid === 0;

describe('the embedded PostgreSQL data directory', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'huhang-reach-'));
    chmodSync(base, 0o755);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  (asRoot ? it : it.skip)('as root, detects a parent the postgres user cannot enter and falls back', () => {
    const closed = join(base, 'closed');
    mkdirSync(join(closed, 'repo'), { recursive: true });
    chmodSync(closed, 0o700);
    const wanted = join(closed, 'repo', '.data', 'postgres');
    expect(reachableByPostgresUser(wanted)).toBe(false);
    const lines: string[] = [];
    const used = effectiveDataDir(wanted, (line) => lines.push(line));
    expect(used).toMatch(/^\/var\/tmp\/huhang-pg-[0-9a-f]{12}$/);
    expect(effectiveDataDir(wanted, () => undefined)).toBe(used); // the same stand-in every start
    expect(lines.join('\n')).toMatch(/cannot enter/);
  });

  it('uses the directory asked for when it is reachable', () => {
    const open = join(base, 'open', 'repo', '.data', 'postgres');
    mkdirSync(join(base, 'open', 'repo'), { recursive: true });
    expect(reachableByPostgresUser(open)).toBe(true);
    expect(effectiveDataDir(open, () => undefined)).toBe(open);
  });
});

describe('embedded PostgreSQL servers starting at once', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'huhang-ports-'));
    chmodSync(base, 0o755);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('each start, on ports of their own', async () => {
    // In a process of its own, as `npm start` runs it (the binaries' package is an ES module). The
    // clusters are made first, so that both starts look for a port at about the same moment.
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(join(repoRoot(), 'packages/api/dist/shared/db/embedded.js'))});
      const { Client } = require('pg');
      (async () => {
        const dirs = ${JSON.stringify(['a', 'b'].map((name) => join(base, name)))};
        for (const dataDir of dirs) await (await startEmbeddedPostgres({ dataDir, port: 55710 })).stop();
        const servers = await Promise.all(dirs.map((dataDir) => startEmbeddedPostgres({ dataDir, port: 55710 })));
        const seen = [];
        for (const server of servers) {
          const client = new Client({ connectionString: server.adminUrl });
          await client.connect();
          const { rows } = await client.query('SHOW data_directory');
          await client.end();
          seen.push({ port: server.port, dataDir: server.dataDir, answered: rows[0].data_directory });
        }
        await Promise.all(servers.map((server) => server.stop()));
        console.log(JSON.stringify(seen));
      })().catch((error) => { console.error(error); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: repoRoot() });
    const seen = JSON.parse(stdout.trim().split('\n').pop()!) as Array<{ port: number; dataDir: string; answered: string }>;
    expect(new Set(seen.map((server) => server.port)).size).toBe(2);
    for (const server of seen) expect(server.answered).toBe(server.dataDir);
  }, 120_000);
});

describe('a port taken between the check and the bind', () => {
  it('is passed over for the next free one', async () => {
    const preferred = await findFreePort(55730);
    const blockers: Server[] = [];
    const tried: number[] = [];
    try {
      const { port, started } = await onFreePort(
        preferred,
        async (free) => {
          tried.push(free);
          // Another process binds the port just after it was found free, as a second server starting at once does.
          if (free === preferred) blockers.push(await listening(free));
          const server = await listening(free).catch((error: NodeJS.ErrnoException) => {
            // What launch() reports when PostgreSQL cannot bind.
            throw new DatabaseSetupError(
              'did not start',
              `LOG:  could not bind IPv4 address "127.0.0.1": ${error.code === 'EADDRINUSE' ? 'Address already in use' : error.message}`,
            );
          });
          blockers.push(server);
          return server;
        },
        () => undefined,
      );
      expect(tried[0]).toBe(preferred);
      expect(port).toBeGreaterThan(preferred);
      expect((started.address() as { port: number }).port).toBe(port);
    } finally {
      await Promise.all(blockers.map((server) => new Promise((done) => server.close(done))));
    }
  });

  it('is not retried when the server failed for another reason', async () => {
    const preferred = await findFreePort(55760);
    let calls = 0;
    await expect(
      onFreePort(
        preferred,
        async () => {
          calls++;
          throw new DatabaseSetupError('did not start', 'FATAL:  data directory has wrong ownership');
        },
        () => undefined,
      ),
    ).rejects.toThrow(/wrong ownership/);
    expect(calls).toBe(1);
  });
});

function listening(port: number): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolveListen(server));
  });
}
