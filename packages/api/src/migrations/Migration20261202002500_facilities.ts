import { Migration } from '@mikro-orm/migrations';

/**
 * Facilities of a place (设施): cameras counted in channels, alarms, access control, police offices,
 * sentry posts and mediation rooms, each in service from a day until taken out. Behind the same
 * row-level security as every park-scoped table.
 */
export class Migration20261202002500_facilities extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create table "facility" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1,
      "park_id" int not null,
      "kind" text check ("kind" in ('CAMERA', 'ALARM_BUTTON', 'PERIMETER_ALARM', 'ACCESS_CONTROL', 'POLICE_OFFICE', 'SENTRY_POST', 'MEDIATION_ROOM', 'OTHER')) not null,
      "quantity" int not null, "location" varchar(200) not null default '', "installed_on" date not null, "removed_on" date null,
      constraint facility_quantity_check check (quantity between 1 and 100000),
      constraint facility_removed_on_check check (removed_on is null or removed_on >= installed_on))`);
    this.addSql(`create index "facility_park_id_kind_index" on "facility" ("park_id", "kind")`);
    this.addSql(
      `alter table "facility" add constraint "facility_park_id_foreign" foreign key ("park_id") references "park" ("id") on update cascade on delete restrict`,
    );
    this.addSql(`ALTER TABLE "facility" ENABLE ROW LEVEL SECURITY`);
    this.addSql(
      `CREATE POLICY viewer_scope ON "facility" USING ((SELECT huhang_viewer_all()) OR park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[]))`,
    );
  }
}
