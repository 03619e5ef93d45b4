import { Migration } from '@mikro-orm/migrations';

/** A version per program that every committed write raises: what cached public answers are checked against. */
export class Migration20261130000600_data_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE data_version (
        program_id int PRIMARY KEY REFERENCES program (id) ON DELETE CASCADE,
        version bigint NOT NULL DEFAULT 0,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      COMMENT ON TABLE data_version IS 'Raised by every committed write to a program; cached public answers carry the version they were computed at.';
    `);
  }
}
