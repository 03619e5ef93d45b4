import { Migration } from '@mikro-orm/migrations';

/**
 * Workers registered at a place (从业人员登记) and the latest check of their "一标三实" data: counts
 * and a check result only, no name or identity number. Behind the same row-level security as every
 * park-scoped table.
 */
export class Migration20261202002700_worker_registrations extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create table "worker_registration" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1,
      "park_id" int not null, "enterprise_id" int null, "registered_on" date not null, "left_on" date null, "checked_on" date null, "accurate" boolean null,
      constraint worker_registration_left_on_check check (left_on is null or left_on >= registered_on),
      constraint worker_registration_checked_on_check check (checked_on is null or checked_on >= registered_on),
      constraint worker_registration_check_result_check check ((checked_on is null) = (accurate is null)))`);
    this.addSql(`create index "worker_registration_enterprise_id_index" on "worker_registration" ("enterprise_id")`);
    this.addSql(`create index "worker_registration_park_id_registered_on_index" on "worker_registration" ("park_id", "registered_on")`);
    this.addSql(`create index "worker_registration_park_id_checked_on_index" on "worker_registration" ("park_id", "checked_on")`);
    this.addSql(
      `alter table "worker_registration" add constraint "worker_registration_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "worker_registration" add constraint "worker_registration_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict`,
    );
    this.addSql(`ALTER TABLE "worker_registration" ENABLE ROW LEVEL SECURITY`);
    this.addSql(
      `CREATE POLICY viewer_scope ON "worker_registration" USING ((SELECT huhang_viewer_all()) OR park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[]))`,
    );
  }
}
