import { Migration } from '@mikro-orm/migrations';
import { API_ROLE, grantStatements } from '../shared/db/roles';

/**
 * Least privilege and a tamper-evident audit trail (docs/decisions/0008-database-roles-and-audit-chain.md).
 *
 * - The role `huhang_api` (no login) holds what the API may do; the login the API connects with is a
 *   member of it. It may read and write the domain's tables, but of the audit trail only read and
 *   append: no UPDATE, DELETE or TRUNCATE, and, owning nothing, no ALTER, DROP or trigger change.
 * - Every audit row carries `hash` = sha256(previous row's hash, the row's own text), assigned in
 *   insertion order under the lock of the one-row table `audit_chain_tip`; the row's id and time are
 *   set there too, so a row cannot be back-dated. `npm run audit:verify` walks the chain.
 * - Rows leave only through `huhang_audit_purge(days)`, which runs as the owner, refuses fewer than
 *   180 days, deletes a prefix of the chain and records itself; the API's role may not call it.
 */
export class Migration20261130001500_least_privilege extends Migration {
  override async up(): Promise<void> {
    this.addSql(`DO $do$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${API_ROLE}') THEN
          BEGIN
            CREATE ROLE ${API_ROLE} NOLOGIN;
          EXCEPTION
            WHEN duplicate_object THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'the role ${API_ROLE} does not exist and % may not create it', current_user
                USING HINT = 'Create it as a superuser: CREATE ROLE ${API_ROLE} NOLOGIN; (README, "Security")';
          END;
        END IF;
      END
    $do$`);

    this.addSql(`ALTER TABLE audit_log ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    this.addSql(`CREATE TABLE audit_chain_tip (
      single boolean PRIMARY KEY DEFAULT true CHECK (single),
      last_id bigint,
      last_hash bytea
    )`);

    // The text a row's hash covers: every column but the hashes, as canonical JSON (jsonb orders its keys).
    this.addSql(`CREATE FUNCTION huhang_audit_hash(prev bytea, r audit_log) RETURNS bytea
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $fn$
        SELECT sha256(convert_to(coalesce(encode(prev, 'hex'), '') || '|' || jsonb_build_object(
          'id', r.id, 'at', to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          'actor_type', r.actor_type, 'actor_id', r.actor_id, 'actor_name', r.actor_name, 'action', r.action,
          'entity', r.entity, 'entity_id', r.entity_id, 'outcome', r.outcome, 'before', r.before, 'after', r.after,
          'related', r.related, 'client_address', r.client_address, 'request_id', r.request_id)::text, 'UTF8'))
      $fn$`);

    // Existing rows join the chain in id order.
    this.addSql(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    this.addSql(`DO $do$
      DECLARE r audit_log; prev bytea := NULL; last bigint := NULL;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
          UPDATE audit_log SET prev_hash = prev, hash = huhang_audit_hash(prev, r) WHERE id = r.id RETURNING hash INTO prev;
          last := r.id;
        END LOOP;
        INSERT INTO audit_chain_tip (single, last_id, last_hash) VALUES (true, last, prev);
      END
    $do$`);
    this.addSql(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);

    this.addSql(`CREATE FUNCTION huhang_audit_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        DECLARE prev bytea;
        BEGIN
          -- The tip's row lock orders the chain: held until commit, so the next row sees this one.
          SELECT last_hash INTO prev FROM audit_chain_tip WHERE single FOR UPDATE;
          NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
          NEW.at := now();
          NEW.prev_hash := prev;
          NEW.hash := huhang_audit_hash(prev, NEW);
          UPDATE audit_chain_tip SET last_id = NEW.id, last_hash = NEW.hash WHERE single;
          RETURN NEW;
        END
      $fn$`);
    this.addSql(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION huhang_audit_chain()`);

    // Deleting needs the purge function's setting and the table owner's rights, both.
    this.addSql(`CREATE OR REPLACE FUNCTION huhang_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF tg_op = 'DELETE' AND current_setting('huhang.audit_purge', true) = 'on'
           AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = tg_relid) THEN
          RETURN old;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only (% refused)', tg_op USING ERRCODE = 'insufficient_privilege';
      END
    $fn$`);

    this.addSql(`CREATE FUNCTION huhang_audit_purge(retention_days integer) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        DECLARE deleted bigint; first_kept bigint;
        BEGIN
          IF retention_days IS NULL OR retention_days < 180 THEN
            RAISE EXCEPTION 'audit rows are kept at least 180 days; got %', retention_days USING ERRCODE = 'check_violation';
          END IF;
          -- A prefix of the chain: every row before the first one young enough to keep.
          SELECT min(id) INTO first_kept FROM audit_log WHERE at >= now() - make_interval(days => retention_days);
          PERFORM set_config('huhang.audit_purge', 'on', true);
          DELETE FROM audit_log WHERE first_kept IS NULL OR id < first_kept;
          GET DIAGNOSTICS deleted = ROW_COUNT;
          PERFORM set_config('huhang.audit_purge', 'off', true);
          INSERT INTO audit_log (actor_type, action, entity, outcome, after)
            VALUES ('SYSTEM', 'purgeAuditLog', 'AuditLog', 'SUCCESS',
              jsonb_build_object('deleted', deleted, 'retentionDays', retention_days, 'firstKeptId', first_kept));
          RETURN deleted;
        END
      $fn$`);
    this.addSql(`REVOKE ALL ON FUNCTION huhang_audit_purge(integer) FROM PUBLIC`);

    for (const statement of grantStatements()) this.addSql(statement);
  }
}
