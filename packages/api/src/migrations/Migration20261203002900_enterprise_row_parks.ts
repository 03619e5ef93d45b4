import { Migration } from '@mikro-orm/migrations';

/** The tables whose rows belong to an enterprise and lie in its park. */
const TABLES = ['visit', 'liaison_assignment', 'recognition'] as const;

/**
 * The park of a visit, a liaison assignment and a recognition, kept on the row itself: the
 * enterprise's park, set by the database when the row is written and moved with the enterprise when
 * it moves to another park (a row cannot be given another). Row-level security and the API's read
 * scope then ask `park_id` of the row, as for every other park-scoped table, where they joined the
 * enterprise for each row (the policies built a set of every enterprise of the viewer's parks for
 * each statement: 0.3–0.4 ms a table, about half of what a park administrator's nested read cost
 * more than a system administrator's).
 *
 * No foreign key or index of its own: the column is a copy of `enterprise.park_id`, whose key
 * already keeps the park, and no read starts from it (a park's rows are found through its
 * enterprises or officers); a write pays neither.
 */
export class Migration20261203002900_enterprise_row_parks extends Migration {
  override async up(): Promise<void> {
    // The owner's function: the enterprise is read whatever the writer's row grants (its write
    // checks decide whether it may write the row at all).
    this.addSql(`CREATE FUNCTION huhang_enterprise_row_park() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        SELECT park_id INTO NEW.park_id FROM enterprise WHERE id = NEW.enterprise_id;
        RETURN NEW;
      END
    $fn$`);
    this.addSql(`CREATE FUNCTION huhang_enterprise_moved() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        UPDATE visit SET park_id = NEW.park_id WHERE enterprise_id = NEW.id;
        UPDATE liaison_assignment SET park_id = NEW.park_id WHERE enterprise_id = NEW.id;
        UPDATE recognition SET park_id = NEW.park_id WHERE enterprise_id = NEW.id;
        RETURN NULL;
      END
    $fn$`);
    for (const table of TABLES) {
      this.addSql(`ALTER TABLE "${table}" ADD COLUMN "park_id" int`);
      this.addSql(`UPDATE "${table}" t SET park_id = e.park_id FROM enterprise e WHERE e.id = t.enterprise_id`);
      this.addSql(`ALTER TABLE "${table}" ALTER COLUMN "park_id" SET NOT NULL`);
      this.addSql(`CREATE TRIGGER ${table}_park BEFORE INSERT OR UPDATE OF enterprise_id, park_id ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION huhang_enterprise_row_park()`);
      this.addSql(`ALTER POLICY viewer_scope ON "${table}"
        USING ((SELECT huhang_viewer_all()) OR park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[]))`);
      // Every row was rewritten: fresh statistics for the planner, where autovacuum is off.
      this.addSql(`ANALYZE "${table}"`);
    }
    this.addSql(`CREATE TRIGGER enterprise_moved AFTER UPDATE OF park_id ON enterprise
      FOR EACH ROW WHEN (OLD.park_id IS DISTINCT FROM NEW.park_id) EXECUTE FUNCTION huhang_enterprise_moved()`);
  }
}
