import { Migration } from '@mikro-orm/migrations';

/**
 * The day a program and a park began (启动日期): periods before it are not judged, and a comparison
 * with one has nothing to compare with. Null for records that do not say; they are judged as before.
 */
export class Migration20261130001000_start_dates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ALTER TABLE program ADD COLUMN starts_on date;
      ALTER TABLE park ADD COLUMN starts_on date;
      COMMENT ON COLUMN program.starts_on IS 'The day the program began; statistics judge no period before it.';
      COMMENT ON COLUMN park.starts_on IS 'The day the park joined its program; statistics of the park judge no period before it.';
    `);
  }
}
