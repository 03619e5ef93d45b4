import { Migration } from '@mikro-orm/migrations';

/**
 * An officer's and an enterprise's visits are listed newest first, ties by id: with the id in the
 * index, a page (`visits(first: 3)`) is read from the index alone, without sorting the owner's visits.
 */
export class Migration20261130001400_visit_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE INDEX visit_officer_id_visited_on_id_index ON visit (officer_id, visited_on, id);
      CREATE INDEX visit_enterprise_id_visited_on_id_index ON visit (enterprise_id, visited_on, id);
      DROP INDEX visit_officer_id_visited_on_index;
      DROP INDEX visit_enterprise_id_visited_on_index;
    `);
  }
}
