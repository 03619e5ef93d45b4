import { Migration } from '@mikro-orm/migrations';

/** What the complete API needs: archiving programs and zones, and idempotency keys for retried writes. */
export class Migration20261123000200_api extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "program" add column "archived_at" timestamptz null`);
    this.addSql(`alter table "zone" add column "archived_at" timestamptz null`);

    // A record-creating mutation claims its key first; a retry with the same key finds the result.
    this.addSql(`create table "idempotency_key" (
      "key" varchar(100) not null primary key,
      "operation" varchar(100) not null,
      "request_hash" char(64) not null,
      "result_type" varchar(64) null,
      "result_id" integer null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at")`);

    // Lists ordered newest first page by these keys.
    this.addSql(`create index "recognition_officer_received_on_index" on "recognition" ("officer_id", "received_on")`);
    this.addSql(`create index "hazard_found_on_index" on "hazard" ("found_on")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "hazard_found_on_index"`);
    this.addSql(`drop index if exists "recognition_officer_received_on_index"`);
    this.addSql(`drop table if exists "idempotency_key"`);
    this.addSql(`alter table "zone" drop column "archived_at"`);
    this.addSql(`alter table "program" drop column "archived_at"`);
  }
}
