import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { DatabaseSetupError, startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  /** Connection URL of the application database. */
  url: string;
  /** `external` when DATABASE_URL chose the server, `embedded` otherwise. */
  kind: 'external' | 'embedded';
  /** Stops the embedded server this process started; a no-op otherwise. */
  stop(): Promise<void>;
}

/** The repository root: the nearest directory above this file whose package.json declares workspaces. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).workspaces) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Finds the PostgreSQL server to use: DATABASE_URL when set, otherwise an embedded server whose
 * data lives under `.data/<name>` (kept across restarts).
 */
export async function openDatabase(options: { name?: string; log?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  const log = options.log ?? ((line: string) => console.log(line));
  const external = process.env.DATABASE_URL;
  if (external) {
    const client = new Client({ connectionString: external, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.end();
    } catch (error) {
      throw new DatabaseSetupError(
        `Cannot connect to the PostgreSQL server of DATABASE_URL (${redact(external)}). Check that it runs and that the URL is right, or unset DATABASE_URL to use the embedded server.`,
        error instanceof Error ? error.message : String(error),
      );
    }
    return { url: external, kind: 'external', stop: async () => undefined };
  }

  const name = options.name ?? 'postgres';
  const dataDir = process.env.HUHANG_DATA_DIR ? resolve(process.env.HUHANG_DATA_DIR, name) : join(repoRoot(), '.data', name);
  const port = process.env.HUHANG_PG_PORT ? Number(process.env.HUHANG_PG_PORT) : undefined;
  const server = await startEmbeddedPostgres({ dataDir, port, log });
  await ensureDatabase(server.adminUrl, 'huhang');
  return { url: withDatabase(server.adminUrl, 'huhang'), kind: 'embedded', stop: () => server.stop() };
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
