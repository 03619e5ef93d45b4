import { Migration } from '@mikro-orm/migrations';

/**
 * An officer's unit's park and program, kept on the officer's row: set by the database when the row
 * is written and moved with the unit when the unit is given another park or program (an officer
 * cannot be given others). Row-level security and the API's read scope ask them of the officer
 * itself, as they ask `police_unit` of a unit, where they joined the unit for each officer: a
 * park administrator's nested read built a hash of one officer and scanned every unit against it
 * for each of 50 officers, and the policy built a set of every unit the viewer may read. Counted
 * with callgrind on the bench data set, that was nine tenths of what the park administrator's
 * nested read cost more than the system administrator's (docs/PERFORMANCE.md).
 *
 * No foreign key or index of their own, as for the enterprise's park on a visit (migration 2900):
 * they are a copy of the unit's columns, whose keys already keep them, and no read starts from them.
 */
export class Migration20261204003100_officer_unit_scope extends Migration {
  override async up(): Promise<void> {
    // The owner's functions: the unit is read whatever the writer's row grants (its write checks
    // decide whether it may write the officer at all).
    this.addSql(`CREATE FUNCTION huhang_officer_unit_scope() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        SELECT park_id, program_id INTO NEW.unit_park_id, NEW.unit_program_id FROM police_unit WHERE id = NEW.unit_id;
        RETURN NEW;
      END
    $fn$`);
    this.addSql(`CREATE FUNCTION huhang_police_unit_moved() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        UPDATE officer SET unit_park_id = NEW.park_id, unit_program_id = NEW.program_id WHERE unit_id = NEW.id;
        RETURN NULL;
      END
    $fn$`);
    this.addSql(`ALTER TABLE "officer" ADD COLUMN "unit_park_id" int, ADD COLUMN "unit_program_id" int`);
    this.addSql(
      `UPDATE "officer" o SET unit_park_id = u.park_id, unit_program_id = u.program_id FROM police_unit u WHERE u.id = o.unit_id`,
    );
    this.addSql(`ALTER TABLE "officer" ALTER COLUMN "unit_program_id" SET NOT NULL`);
    this.addSql(`CREATE TRIGGER officer_unit_scope BEFORE INSERT OR UPDATE OF unit_id, unit_park_id, unit_program_id ON "officer"
      FOR EACH ROW EXECUTE FUNCTION huhang_officer_unit_scope()`);
    this.addSql(`CREATE TRIGGER police_unit_moved AFTER UPDATE OF park_id, program_id ON police_unit
      FOR EACH ROW WHEN (OLD.park_id IS DISTINCT FROM NEW.park_id OR OLD.program_id IS DISTINCT FROM NEW.program_id)
      EXECUTE FUNCTION huhang_police_unit_moved()`);
    // The same rows as before: those of a unit the viewer may read (police_unit's policy).
    this.addSql(`ALTER POLICY viewer_scope ON "officer" USING ((SELECT huhang_viewer_all())
      OR unit_park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[])
      OR (unit_park_id IS NULL AND unit_program_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_programs'))::int[])))`);
    // Every row was rewritten: fresh statistics for the planner, where autovacuum is off.
    this.addSql(`ANALYZE "officer"`);
  }
}
