import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins slow down per username and client address, with growing delays, instead of
 * locking the account: a stranger's failures never keep its owner out from another address. Rows
 * unused for a day are dropped on the next failure.
 */
export class Migration20261130001600_sign_in_throttle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE auth_throttle (
      username varchar(100) NOT NULL,
      client_address varchar(64) NOT NULL,
      failures integer NOT NULL CHECK (failures > 0),
      last_failure_at timestamptz NOT NULL DEFAULT now(),
      next_allowed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (username, client_address)
    )`);
    this.addSql(`CREATE INDEX auth_throttle_last_failure_index ON auth_throttle (last_failure_at)`);
  }
}
