import { Migration } from '@mikro-orm/migrations';

/**
 * The notice of a raised data version names the version too (`program:version`): a process that
 * hears the notice of its own commit, which it already knows, keeps the answers it cached since.
 * Counting notices instead made each write drop them twice, the second time whenever the notice came.
 */
export class Migration20261203003000_data_notify_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION huhang_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('huhang_data', NEW.program_id::text || ':' || NEW.version::text);
        RETURN NEW;
      END
    $fn$`);
  }
}
