import { Migration } from '@mikro-orm/migrations';

const VIEWER_ALL = '(SELECT huhang_viewer_all())';
const ids = (setting: string) => `(SELECT huhang_viewer_ids('huhang.${setting}'))::int[]`;
const IN_PARKS = (column: string) => `${column} = ANY (${ids('viewer_parks')})`;

/**
 * Row-level security on the park-scoped tables, a second wall behind the API's own filters
 * (`Viewer.readScope`): the API's login reads and writes only rows of the parks the request's viewer
 * may read, as the request's transaction says with `SET LOCAL`-style settings (row-security.ts):
 * `huhang.viewer_all` ('on' for a system administrator and the system itself), `huhang.viewer_parks`,
 * `huhang.viewer_programs` and `huhang.viewer_admin_programs` (programs administered in full). With
 * nothing set, the login reads none of these rows. The owner (migrations, commands) is not subject to
 * the policies. Each setting is read once per statement (an InitPlan), not once per row.
 */
export class Migration20261130001900_row_security extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE FUNCTION huhang_viewer_all() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
      $fn$ SELECT coalesce(current_setting('huhang.viewer_all', true), '') = 'on' $fn$`);
    this.addSql(`CREATE FUNCTION huhang_viewer_ids(setting text) RETURNS int[] LANGUAGE sql STABLE PARALLEL SAFE AS
      $fn$ SELECT coalesce(nullif(current_setting(setting, true), '')::int[], '{}'::int[]) $fn$`);
    const policies: Record<string, string> = {
      park: `id = ANY (${ids('viewer_parks')}) OR program_id = ANY (${ids('viewer_admin_programs')})`,
      zone: IN_PARKS('park_id'),
      enterprise: IN_PARKS('park_id'),
      team: IN_PARKS('park_id'),
      dispute: IN_PARKS('park_id'),
      incident: IN_PARKS('park_id'),
      service_request: IN_PARKS('park_id'),
      hazard: IN_PARKS('park_id'),
      engagement: IN_PARKS('park_id'),
      police_unit: `${IN_PARKS('park_id')} OR (park_id IS NULL AND program_id = ANY (${ids('viewer_programs')}))`,
      officer: `unit_id IN (SELECT u.id FROM police_unit u)`,
      visit: `enterprise_id IN (SELECT e.id FROM enterprise e WHERE ${IN_PARKS('e.park_id')})`,
      liaison_assignment: `enterprise_id IN (SELECT e.id FROM enterprise e WHERE ${IN_PARKS('e.park_id')})`,
      recognition: `enterprise_id IN (SELECT e.id FROM enterprise e WHERE ${IN_PARKS('e.park_id')})`,
      team_member: `team_id IN (SELECT t.id FROM team t WHERE ${IN_PARKS('t.park_id')})`,
      patrol: `team_id IN (SELECT t.id FROM team t WHERE ${IN_PARKS('t.park_id')})`,
    };
    for (const [table, condition] of Object.entries(policies)) {
      this.addSql(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      this.addSql(`CREATE POLICY viewer_scope ON "${table}" USING (${VIEWER_ALL} OR ${condition})`);
    }
  }
}
