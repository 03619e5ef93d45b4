import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { DatabaseSetupError, startEmbeddedPostgres } from './embedded';
import { APP_LOGIN, OWNER_LOGIN, asLogin, createRole, ensureApiLogin } from './roles';

/** The embedded server's logins; it listens on 127.0.0.1 only. */
const EMBEDDED_OWNER_PASSWORD = 'huhang-owner-local';
const EMBEDDED_APP_PASSWORD = 'huhang-app-local';

export interface DatabaseHandle {
  /** Connection URL of the application database, as the API's role (`huhang_api`). */
  url: string;
  /** The same database as its owner, who runs the migrations and the audit purge. */
  ownerUrl: string;
  /** The embedded server's superuser, on its `postgres` database (to create databases); external servers have none. */
  adminUrl?: string;
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
 * Finds the PostgreSQL server to use: DATABASE_URL (the API's login) and DATABASE_OWNER_URL (the
 * owner's, for migrations; DATABASE_URL when unset) when set, otherwise an embedded server whose data
 * lives under `.data/<name>` (kept across restarts), where the owner and the API's login are created.
 */
export async function openDatabase(
  options: {
    name?: string;
    log?: (line: string) => void;
    /** `npm start`: hold the data directory (see EmbeddedOptions.exclusive). */ exclusive?: boolean;
  } = {},
): Promise<DatabaseHandle> {
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
    return { url: external, ownerUrl: process.env.DATABASE_OWNER_URL || external, kind: 'external', stop: async () => undefined };
  }

  const name = options.name ?? 'postgres';
  const dataDir = process.env.HUHANG_DATA_DIR ? resolve(process.env.HUHANG_DATA_DIR, name) : join(repoRoot(), '.data', name);
  const port = process.env.HUHANG_PG_PORT ? Number(process.env.HUHANG_PG_PORT) : undefined;
  const server = await startEmbeddedPostgres({ dataDir, port, log, exclusive: options.exclusive });
  const ownerUrl = await ensureOwnedDatabase(server.adminUrl, 'huhang', log);
  await ensureApiLogin(server.adminUrl, APP_LOGIN, EMBEDDED_APP_PASSWORD);
  return {
    url: asLogin(withDatabase(server.adminUrl, 'huhang'), APP_LOGIN, EMBEDDED_APP_PASSWORD),
    ownerUrl,
    adminUrl: server.adminUrl,
    kind: 'embedded',
    stop: () => server.stop(),
  };
}

/**
 * The embedded server's database, owned by `huhang_owner`; returns the owner's URL. A database made
 * before the roles existed stays with the superuser that made it, which then runs the migrations.
 */
async function ensureOwnedDatabase(adminUrl: string, database: string, log: (line: string) => void): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await createRole(client, OWNER_LOGIN, `LOGIN PASSWORD '${EMBEDDED_OWNER_PASSWORD}'`);
    const { rows } = await client.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rows.length) await client.query(`CREATE DATABASE "${database}" OWNER ${OWNER_LOGIN}`);
    else if (rows[0]!.owner !== OWNER_LOGIN) {
      log(`[db] the database "${database}" predates its owner role; migrations run as ${rows[0]!.owner}`);
      return withDatabase(adminUrl, database);
    }
  } finally {
    await client.end();
  }
  return asLogin(withDatabase(adminUrl, database), OWNER_LOGIN, EMBEDDED_OWNER_PASSWORD);
}

/** A URL that may create databases on the server: the embedded superuser's, else the owner's. */
export function serverAdminUrl(db: DatabaseHandle): string {
  return db.adminUrl ?? db.ownerUrl;
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
