import { Migration } from '@mikro-orm/migrations';

/** Emergency drills held with a place (应急演练): fire, evacuation, an attack on the gate. */
export class Migration20261202002600_drills extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE engagement DROP CONSTRAINT engagement_type_check`);
    this.addSql(`ALTER TABLE engagement ADD CONSTRAINT engagement_type_check CHECK (type IN
      ('QUARTERLY_MEETING', 'FORUM', 'PARTY_BUILDING', 'LEGAL_PUBLICITY', 'TRAINING', 'SECURITY_BULLETIN', 'ANALYSIS_MEETING', 'DRILL'))`);
  }
}
