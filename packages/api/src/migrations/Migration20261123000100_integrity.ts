import { Migration } from '@mikro-orm/migrations';

/** Rules the entity metadata cannot express: cross-table consistency and assignment history. */
export class Migration20261123000100_integrity extends Migration {
  override async up(): Promise<void> {
    // An enterprise's zone lies in the enterprise's park.
    this.addSql(
      `alter table "enterprise" add constraint "enterprise_zone_in_park_foreign" foreign key ("zone_id", "park_id") references "zone" ("id", "park_id") on update cascade on delete restrict`,
    );

    // One liaison officer at a time per enterprise; history rows never overlap.
    this.addSql(`create extension if not exists btree_gist`);
    this.addSql(
      `alter table "liaison_assignment" add constraint "liaison_assignment_no_overlap" exclude using gist ("enterprise_id" with =, daterange("starts_on", "ends_on", '[]') with &&)`,
    );
    this.addSql(
      `create unique index "liaison_assignment_current_unique" on "liaison_assignment" ("enterprise_id") where "ends_on" is null`,
    );

    // Links to enterprises and units are records too: deleting what they point at is refused.
    for (const [table, column, target] of [
      ['dispute_enterprise', 'enterprise_id', 'enterprise'],
      ['engagement_enterprise', 'enterprise_id', 'enterprise'],
      ['incident_unit', 'police_unit_id', 'police_unit'],
      ['liaison_assignment_branch', 'police_unit_id', 'police_unit'],
      ['commitment_supporting_unit', 'police_unit_id', 'police_unit'],
      ['police_unit_zone', 'zone_id', 'zone'],
    ] as const) {
      this.addSql(`alter table "${table}" drop constraint "${table}_${column}_foreign"`);
      this.addSql(
        `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on update cascade on delete restrict`,
      );
      this.addSql(`create index "${table}_${column}_index" on "${table}" ("${column}")`);
    }

    // Case-insensitive name search on the lists people browse.
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create index "enterprise_name_trgm_index" on "enterprise" using gin ("name" gin_trgm_ops)`);
    this.addSql(`create index "officer_name_trgm_index" on "officer" using gin ("name" gin_trgm_ops)`);
  }
}
