import { Migration } from '@mikro-orm/migrations';

/**
 * An idempotency key belongs to the caller that sent it (a user, or the system for tools): one
 * caller's key no longer blocks the same key for everyone else, and no caller can read another's
 * result by guessing its key.
 */
export class Migration20261130001200_idempotency_owner extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ALTER TABLE idempotency_key ADD COLUMN owner varchar(64) NOT NULL DEFAULT '';
      ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
      ALTER TABLE idempotency_key ADD PRIMARY KEY (owner, key);
      COMMENT ON COLUMN idempotency_key.owner IS 'Who sent the key: USER:<id>, KEY:<id> or SYSTEM; keys are unique per owner.';
    `);
  }
}
