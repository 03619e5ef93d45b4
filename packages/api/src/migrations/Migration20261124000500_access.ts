import { Migration } from '@mikro-orm/migrations';

/**
 * Access control: users with roles and the parks or programs they administer, sign-in sessions
 * (refresh tokens, stored as hashes), publishable embed keys bound to a scope and to origins, and the
 * secret that signs access tokens when HUHANG_JWT_SECRET does not give one.
 */
export class Migration20261124000500_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "app_user" (
      "id" serial primary key,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "version" integer not null default 1,
      "username" varchar(50) not null,
      "display_name" varchar(100) not null,
      "role" text not null check ("role" in ('SYSTEM_ADMIN', 'PROGRAM_ADMIN', 'PARK_ADMIN', 'OFFICER')),
      "password_hash" varchar(200) not null,
      "officer_id" integer null references "officer" ("id") on update cascade on delete restrict,
      "failed_logins" integer not null default 0 check ("failed_logins" >= 0),
      "locked_until" timestamptz null,
      "last_login_at" timestamptz null,
      "disabled_at" timestamptz null,
      constraint "app_user_officer_role_check" check (("role" = 'OFFICER') = ("officer_id" is not null))
    )`);
    this.addSql(`create unique index "app_user_username_unique" on "app_user" (lower("username"))`);
    this.addSql(`create unique index "app_user_officer_unique" on "app_user" ("officer_id") where "officer_id" is not null`);
    this.addSql(`create table "app_user_park" (
      "app_user_id" integer not null references "app_user" ("id") on update cascade on delete cascade,
      "park_id" integer not null references "park" ("id") on update cascade on delete restrict,
      primary key ("app_user_id", "park_id")
    )`);
    this.addSql(`create table "app_user_program" (
      "app_user_id" integer not null references "app_user" ("id") on update cascade on delete cascade,
      "program_id" integer not null references "program" ("id") on update cascade on delete restrict,
      primary key ("app_user_id", "program_id")
    )`);

    this.addSql(`create table "auth_session" (
      "id" uuid primary key,
      "user_id" integer not null references "app_user" ("id") on update cascade on delete cascade,
      "refresh_hash" char(64) not null unique,
      "previous_hash" char(64) null,
      "created_at" timestamptz not null default now(),
      "refreshed_at" timestamptz not null default now(),
      "expires_at" timestamptz not null,
      "revoked_at" timestamptz null,
      "revoked_reason" varchar(50) null,
      "client_address" varchar(64) null
    )`);
    this.addSql(`create index "auth_session_user_index" on "auth_session" ("user_id")`);
    this.addSql(`create index "auth_session_previous_hash_index" on "auth_session" ("previous_hash")`);

    this.addSql(`create table "embed_key" (
      "id" serial primary key,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "version" integer not null default 1,
      "name" varchar(100) not null,
      "prefix" varchar(20) not null,
      "key_hash" char(64) not null unique,
      "program_id" integer not null references "program" ("id") on update cascade on delete restrict,
      "park_id" integer null references "park" ("id") on update cascade on delete restrict,
      "allowed_origins" text[] not null check (cardinality("allowed_origins") between 1 and 20),
      "created_by_id" integer null references "app_user" ("id") on update cascade on delete set null,
      "last_used_at" timestamptz null,
      "revoked_at" timestamptz null
    )`);
    this.addSql(`create index "embed_key_program_index" on "embed_key" ("program_id")`);
    this.addSql(`create index "embed_key_park_index" on "embed_key" ("park_id")`);

    this.addSql(`create table "auth_secret" (
      "name" varchar(50) primary key,
      "secret" text not null,
      "created_at" timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "auth_secret"`);
    this.addSql(`drop table if exists "embed_key"`);
    this.addSql(`drop table if exists "auth_session"`);
    this.addSql(`drop table if exists "app_user_program"`);
    this.addSql(`drop table if exists "app_user_park"`);
    this.addSql(`drop table if exists "app_user"`);
  }
}
