import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail: one row per successful mutation (and, with access control, per read of personal data).
 * Rows cannot be changed or deleted; only the purge command, which sets `huhang.audit_purge` for its own
 * transaction, deletes rows older than the retention period.
 */
export class Migration20261123000400_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" (
      "id" bigserial primary key,
      "at" timestamptz not null default now(),
      "actor_type" text not null check ("actor_type" in ('USER', 'KEY', 'ANONYMOUS', 'SYSTEM')),
      "actor_id" integer null,
      "actor_name" varchar(100) null,
      "action" varchar(100) not null,
      "entity" varchar(64) null,
      "entity_id" integer null,
      "outcome" text not null default 'SUCCESS' check ("outcome" in ('SUCCESS', 'REFUSED')),
      "before" jsonb null,
      "after" jsonb null,
      "related" jsonb null,
      "client_address" varchar(64) null,
      "request_id" uuid null
    )`);
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at")`);
    this.addSql(`create index "audit_log_entity_index" on "audit_log" ("entity", "entity_id")`);
    this.addSql(`create index "audit_log_actor_index" on "audit_log" ("actor_type", "actor_id", "at")`);
    this.addSql(`create or replace function huhang_audit_append_only() returns trigger language plpgsql as $fn$
      begin
        if tg_op = 'DELETE' and current_setting('huhang.audit_purge', true) = 'on' then
          return old;
        end if;
        raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end
    $fn$`);
    this.addSql(
      `create trigger "audit_log_append_only" before update or delete on "audit_log" for each row execute function huhang_audit_append_only()`,
    );
    this.addSql(
      `create trigger "audit_log_no_truncate" before truncate on "audit_log" for each statement execute function huhang_audit_append_only()`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log"`);
    this.addSql(`drop function if exists huhang_audit_append_only()`);
  }
}
