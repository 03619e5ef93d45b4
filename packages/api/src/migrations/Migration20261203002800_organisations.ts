import { Migration } from '@mikro-orm/migrations';

/**
 * Served places get a kind (an enterprise, a construction project, a campus, a community, an area of a
 * district), and places get their participants: organisations with a credit code of their own (a
 * general contractor, its subcontractors, their work teams, labour-dispatch firms) that can work at
 * many places of a program; a dispute names the organisations it involves, a hazard the one answerable,
 * a request the one asking or concerned. Behind the same row-level
 * security as the other tables: organisations by program, participants by the place's park.
 */
export class Migration20261203002800_organisations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "enterprise" add column "kind" text check ("kind" in
      ('ENTERPRISE', 'CONSTRUCTION_PROJECT', 'CAMPUS', 'COMMUNITY', 'AREA')) not null default 'ENTERPRISE'`);

    this
      .addSql(`create table "organisation" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1,
      "program_id" int not null, "name" varchar(200) not null, "credit_code" char(18) not null, "archived_at" timestamptz null,
      constraint organisation_credit_code_check check (huhang_credit_code_valid(credit_code)))`);
    this.addSql(
      `alter table "organisation" add constraint "organisation_program_id_credit_code_unique" unique ("program_id", "credit_code")`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete restrict`,
    );

    this
      .addSql(`create table "place_participant" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1,
      "park_id" int not null, "enterprise_id" int not null, "organisation_id" int not null,
      "role" text check ("role" in ('GENERAL_CONTRACTOR', 'SUBCONTRACTOR', 'WORK_TEAM', 'LABOUR_DISPATCH')) not null,
      "parent_id" int null, "joined_on" date not null, "left_on" date null,
      constraint place_participant_left_on_check check (left_on is null or left_on >= joined_on),
      constraint place_participant_parent_check check ((role = 'GENERAL_CONTRACTOR') = (parent_id is null) or role = 'LABOUR_DISPATCH'))`);
    this.addSql(`create index "place_participant_enterprise_id_index" on "place_participant" ("enterprise_id")`);
    this.addSql(`create index "place_participant_organisation_id_index" on "place_participant" ("organisation_id")`);
    this.addSql(`create index "place_participant_park_id_index" on "place_participant" ("park_id")`);
    this.addSql(`create index "place_participant_parent_id_index" on "place_participant" ("parent_id")`);
    // One general contractor at a time; an organisation in one role at a place at a time.
    this.addSql(`create unique index "place_participant_general_contractor_unique" on "place_participant" ("enterprise_id")
      where role = 'GENERAL_CONTRACTOR' and left_on is null`);
    this
      .addSql(`create unique index "place_participant_organisation_id_unique" on "place_participant" ("enterprise_id", "organisation_id", "role")
      where left_on is null`);
    for (const [column, table] of [
      ['park_id', 'park'],
      ['enterprise_id', 'enterprise'],
      ['organisation_id', 'organisation'],
      ['parent_id', 'place_participant'],
    ]) {
      this.addSql(
        `alter table "place_participant" add constraint "place_participant_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on update cascade on delete restrict`,
      );
    }

    this.addSql(`create table "dispute_organisation" ("dispute_id" int not null, "organisation_id" int not null,
      constraint "dispute_organisation_pkey" primary key ("dispute_id", "organisation_id"))`);
    this.addSql(`create index "dispute_organisation_organisation_id_index" on "dispute_organisation" ("organisation_id")`);
    this.addSql(
      `alter table "dispute_organisation" add constraint "dispute_organisation_dispute_id_foreign" foreign key ("dispute_id") references "dispute" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "dispute_organisation" add constraint "dispute_organisation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict`,
    );

    // The organisation answerable for a hazard, and the one asking or concerned in a request.
    for (const table of ['hazard', 'service_request']) {
      this.addSql(`alter table "${table}" add column "organisation_id" int null`);
      this.addSql(`create index "${table}_organisation_id_index" on "${table}" ("organisation_id")`);
      this.addSql(
        `alter table "${table}" add constraint "${table}_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict`,
      );
    }

    this.addSql(`ALTER TABLE "organisation" ENABLE ROW LEVEL SECURITY`);
    this.addSql(
      `CREATE POLICY viewer_scope ON "organisation" USING ((SELECT huhang_viewer_all()) OR program_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_programs'))::int[]))`,
    );
    this.addSql(`ALTER TABLE "place_participant" ENABLE ROW LEVEL SECURITY`);
    this.addSql(
      `CREATE POLICY viewer_scope ON "place_participant" USING ((SELECT huhang_viewer_all()) OR park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[]))`,
    );
  }
}
