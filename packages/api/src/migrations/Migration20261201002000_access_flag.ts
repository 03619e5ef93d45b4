import { Migration } from '@mikro-orm/migrations';

/**
 * A transaction that changes what a viewer may read also says so to itself: the access trigger sets
 * `huhang.access_changed` for the transaction (undone with a rolled-back savepoint), and the API reads
 * it in the message that commits a mutation. The process that wrote then drops the viewers it keeps
 * only after such a mutation, not after every one; other processes still learn it from the
 * notification.
 */
export class Migration20261201002000_access_flag extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION huhang_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('huhang.access_changed', 'on', true);
        PERFORM pg_notify('huhang_access', TG_TABLE_NAME);
        RETURN NULL;
      END $$;
    `);
  }
}
