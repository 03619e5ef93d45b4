import { Migration } from '@mikro-orm/migrations';

/**
 * What a signed-in viewer may see is read from these tables. A committed change to any of them
 * notifies `huhang_access`, so that every API process drops the viewers it keeps at once: a
 * sign-out, a disabled user, a changed password or new grants take effect on the next request.
 */
export const ACCESS_TABLES = [
  'app_user',
  'app_user_park',
  'app_user_program',
  'auth_session',
  'park',
  'officer',
  'police_unit',
  'liaison_assignment',
  'team_member',
];

export class Migration20261130000700_access_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE FUNCTION huhang_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('huhang_access', TG_TABLE_NAME);
        RETURN NULL;
      END $$;
      COMMENT ON FUNCTION huhang_access_changed() IS 'Tells the API processes (LISTEN huhang_access) that what a viewer may read has changed.';
    `);
    for (const table of ACCESS_TABLES) {
      this.addSql(`CREATE TRIGGER ${table}_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION huhang_access_changed();`);
    }
  }
}
