import { Migration } from '@mikro-orm/migrations';

/**
 * A committed write's new data version is told to every API process (NOTIFY `huhang_data` with the
 * program's id), so that each drops the public answers it keeps for that program at once, not only
 * the process that wrote.
 */
export class Migration20261130001800_data_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE FUNCTION huhang_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('huhang_data', NEW.program_id::text);
        RETURN NEW;
      END
    $fn$`);
    this.addSql(`CREATE TRIGGER data_version_changed AFTER INSERT OR UPDATE ON data_version
      FOR EACH ROW EXECUTE FUNCTION huhang_data_changed()`);
  }
}
