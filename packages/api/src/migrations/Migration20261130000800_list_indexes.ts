import { Migration } from '@mikro-orm/migrations';

/** Indexes for the lists read most: a park's or zone's enterprises by name, the default order of every enterprise list. */
export class Migration20261130000800_list_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE INDEX enterprise_park_name_index ON enterprise (park_id, name, id) WHERE archived_at IS NULL;
      CREATE INDEX enterprise_zone_name_index ON enterprise (zone_id, name, id) WHERE archived_at IS NULL;
    `);
  }
}
