import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

function start(dataDir: string): Promise<Started> {
  const env = { ...process.env, HUHANG_DATA_DIR: dataDir, PORT: '0' } as NodeJS.ProcessEnv;
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

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', (code) => resolve(code));
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

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'huhang-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('keeps data written before a stop across the next start', async () => {
    const first = await start(dataDir);
    let token: string;
    try {
      expect(first.output()).toMatch(/writing the Weng'an demo program/);
      token = await signIn(first.apiUrl, 'admin');
      expect(await parkNames(first.apiUrl, token)).toEqual(['华阳街道在建工地', '瓮安工业园区']);
      // The demo park administrator sees its own park only.
      expect(await parkNames(first.apiUrl, await signIn(first.apiUrl, 'wengan-park'))).toEqual(['瓮安工业园区']);
      const sql = new Client({ connectionString: `postgres://postgres:huhang-local@127.0.0.1:${first.dbPort}/huhang` });
      await sql.connect();
      await sql.query(
        `INSERT INTO park (program_id, name, level, region) SELECT id, '重启测试园区', '县级', '测试县' FROM program LIMIT 1`,
      );
      await sql.end();
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await start(dataDir);
    try {
      expect(second.output()).not.toMatch(/writing the Weng'an demo program/);
      expect(second.output()).not.toMatch(/creating an embedded PostgreSQL cluster/);
      // The access token of the first run still works: the signing key and the session are kept in the database.
      expect(await parkNames(second.apiUrl, token)).toEqual(['华阳街道在建工地', '瓮安工业园区', '重启测试园区']);
      // The example pages' demo key works from whatever port the server listens on (here a free one).
      const origin = new URL(second.apiUrl).origin;
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
      expect(await stop(second)).toBe(0);
    }
  });
});
