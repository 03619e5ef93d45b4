import { Migration } from '@mikro-orm/migrations';

/**
 * Criminal-class incidents (刑事类警情) and the day a case was cleared (破案), so that a program counts
 * its criminal incidents year on year and the cases it solved; drug cases among the kinds.
 */
export class Migration20261202002400_case_clearance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE incident ADD COLUMN criminal boolean NOT NULL DEFAULT false`);
    this.addSql(`ALTER TABLE incident ADD COLUMN cleared_on date NULL`);
    this.addSql(`ALTER TABLE incident ADD CONSTRAINT incident_cleared_check CHECK (cleared_on IS NULL OR criminal)`);
    this.addSql(`ALTER TABLE incident DROP CONSTRAINT incident_type_check`);
    this.addSql(`ALTER TABLE incident ADD CONSTRAINT incident_type_check CHECK (type IN
      ('THEFT', 'FRAUD', 'FIGHT', 'TRAFFIC', 'FIRE_OR_CHEMICAL', 'LABOUR', 'DAMAGE', 'DRUGS', 'OTHER'))`);
  }
}
