import { Migration } from '@mikro-orm/migrations';

/**
 * Two-factor sign-in (TOTP, RFC 6238): a user's authenticator secret, confirmed once a code from it
 * has been entered; the last time step used, so a code works once; one-time recovery codes, kept as
 * hashes; and sessions opened by a user who must enrol before doing anything else.
 */
export class Migration20261130001700_two_factor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE user_totp (
      user_id integer PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
      secret text NOT NULL,
      confirmed_at timestamptz,
      last_step bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    this.addSql(`CREATE TABLE user_recovery_code (
      id serial PRIMARY KEY,
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      UNIQUE (user_id, code_hash)
    )`);
    this.addSql(`ALTER TABLE auth_session ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false`);
  }
}
