import { Client } from 'pg';

/**
 * The database roles (docs/decisions/0008-database-roles-and-audit-chain.md):
 * - the owner: runs the migrations and owns every table, function and trigger;
 * - `huhang_api`: a role without login holding what the API may do;
 * - the API's login (`huhang_app` where Huhang creates it), a member of `huhang_api`.
 */
export const API_ROLE = 'huhang_api';
/** The login the embedded server, the tests and the benchmarks create for the API. */
export const APP_LOGIN = 'huhang_app';
/** The login that owns the embedded server's database. */
export const OWNER_LOGIN = 'huhang_owner';

/**
 * Tables the API reads but never writes (the chain's end, the visited days and the patrols by day are
 * kept only by the owner's triggers), and tables it may only read and append to.
 */
const READ_ONLY = ['mikro_orm_migrations', 'audit_chain_tip', 'visit_year', 'patrol_day'];
const APPEND_ONLY = ['audit_log'];

/**
 * What `huhang_api` may do, as statements the owner runs after every migration (idempotent, so a
 * table a later migration adds is granted too): read and write the domain's tables, use their
 * sequences, only read and append to the audit trail, nothing else.
 */
export function grantStatements(): string[] {
  return [
    `GRANT USAGE ON SCHEMA public TO ${API_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${API_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${API_ROLE}`,
    // A table a later migration adds is left out until it exists (the list is also run by earlier migrations).
    `DO $do$
      DECLARE t text;
      BEGIN
        FOREACH t IN ARRAY ARRAY[${[...READ_ONLY, ...APPEND_ONLY].map((name) => `'${name}'`).join(', ')}] LOOP
          IF to_regclass(quote_ident(t)) IS NOT NULL THEN
            EXECUTE format('REVOKE ALL ON %I FROM ${API_ROLE}', t);
            EXECUTE format('GRANT %s ON %I TO ${API_ROLE}', CASE WHEN t = ANY (ARRAY[${APPEND_ONLY.map((name) => `'${name}'`).join(', ')}]) THEN 'SELECT, INSERT' ELSE 'SELECT' END, t);
          END IF;
        END LOOP;
      END
    $do$`,
    `REVOKE ALL ON FUNCTION huhang_audit_purge(integer) FROM PUBLIC, ${API_ROLE}`,
  ];
}

/** What `huhang_api` may do in the job queue's schema (graphile_worker, which the owner installs): take and finish jobs. */
export function jobQueueGrantStatements(): string[] {
  return [
    `GRANT USAGE ON SCHEMA graphile_worker TO ${API_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${API_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${API_ROLE}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${API_ROLE}`,
  ];
}

/** Creates the API's role and a login in it with this password (as a superuser or a role with CREATEROLE). */
export async function ensureApiLogin(adminUrl: string, login: string, password: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await createRole(client, API_ROLE, 'NOLOGIN');
    await createRole(client, login, 'LOGIN');
    await client.query(`ALTER ROLE ${identifier(login)} LOGIN PASSWORD ${literal(password)}`);
    await client.query(`GRANT ${API_ROLE} TO ${identifier(login)}`);
  } finally {
    await client.end();
  }
}

/** Creates a role unless it exists; another process creating it at the same moment is fine. */
export async function createRole(client: Client, name: string, options: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  if (rowCount) return;
  try {
    await client.query(`CREATE ROLE ${identifier(name)} ${options}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42710') throw error; // duplicate_object
  }
}

/** `url` with another user and password. */
export function asLogin(url: string, login: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export interface RoleCheck {
  user: string;
  superuser: boolean;
  /** The role owns the audit table (or is a member of its owner): it could change or drop it. */
  ownsAudit: boolean;
  /** The role may change or delete audit rows. */
  mayRewriteAudit: boolean;
  /** Row-level security does not bind the role (BYPASSRLS): the second wall between parks would be down. */
  bypassesRls: boolean;
}

/** What the role of `url` may do to the audit trail. */
export async function checkRole(url: string): Promise<RoleCheck> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<RoleCheck>(`
      SELECT current_user AS "user", r.rolsuper AS superuser, r.rolbypassrls AS "bypassesRls",
             coalesce(pg_has_role(current_user, c.relowner, 'USAGE'), false) AS "ownsAudit",
             CASE WHEN c.oid IS NULL THEN false ELSE has_table_privilege(current_user, c.oid, 'UPDATE, DELETE, TRUNCATE') END AS "mayRewriteAudit"
        FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('public.audit_log')
       WHERE r.rolname = current_user`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
