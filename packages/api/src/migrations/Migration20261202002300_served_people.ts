import { Migration } from '@mikro-orm/migrations';

/**
 * What programs beyond an industrial park record:
 * - disputes of families and over land title, how each was mediated (分类 / 集中 / 上门 / 巡视调解,
 *   思想疏导) and the money recovered for a party (e.g. wages paid after mediation);
 * - service requests from people (a resident, a worker) and through public channels (hotline 12345, an
 *   app, a mini-program), not only from enterprises; residence permits and identity cards among what
 *   is asked for;
 * - staff posts counted apart: auxiliary police (辅警), police assistants (警务助理), fire auxiliaries
 *   (消防协勤) and grid workers (网格员).
 */
export class Migration20261202002300_served_people extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE dispute DROP CONSTRAINT dispute_category_check`);
    this.addSql(`ALTER TABLE dispute ADD CONSTRAINT dispute_category_check CHECK (category IN
      ('WAGES', 'CONTRACT', 'NEIGHBOUR', 'WORK_INJURY', 'LAND', 'LAND_TITLE', 'FAMILY', 'BUSINESS', 'OTHER'))`);
    this.addSql(`ALTER TABLE dispute ADD COLUMN mediation_mode text NULL
      CONSTRAINT dispute_mediation_mode_check CHECK (mediation_mode IN ('CATEGORIZED', 'CONCENTRATED', 'DOORSTEP', 'ROVING', 'COUNSELLING'))`);
    this.addSql(`ALTER TABLE dispute ADD COLUMN amount_recovered numeric(14,2) NULL
      CONSTRAINT dispute_amount_recovered_check CHECK (amount_recovered >= 0)`);

    this.addSql(`ALTER TABLE service_request ALTER COLUMN enterprise_id DROP NOT NULL`);
    this.addSql(`ALTER TABLE service_request ADD COLUMN requester_kind text NOT NULL DEFAULT 'ENTERPRISE'
      CONSTRAINT service_request_requester_kind_check CHECK (requester_kind IN ('ENTERPRISE', 'PERSON', 'CHANNEL'))`);
    this.addSql(`ALTER TABLE service_request ADD COLUMN requester_name varchar(50) NULL`);
    this.addSql(`ALTER TABLE service_request ADD COLUMN requester_phone varchar(20) NULL
      CONSTRAINT service_request_requester_phone_check CHECK (requester_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8}(-[0-9]{1,6})?)$')`);
    this.addSql(`ALTER TABLE service_request ADD CONSTRAINT service_request_requester_check CHECK (
      (requester_kind <> 'ENTERPRISE' OR enterprise_id IS NOT NULL)
      AND (requester_kind = 'PERSON' OR (requester_name IS NULL AND requester_phone IS NULL)))`);
    this.addSql(`ALTER TABLE service_request DROP CONSTRAINT service_request_kind_check`);
    this.addSql(`ALTER TABLE service_request ADD CONSTRAINT service_request_kind_check CHECK (kind IN
      ('VEHICLE_ACCESS', 'HOUSEHOLD_REGISTRATION', 'RESIDENCE_PERMIT', 'ID_CARD', 'VEHICLE_ADMINISTRATION', 'LEGAL_AID', 'EXIT_ENTRY', 'SECURITY', 'OTHER'))`);
    this.addSql(`ALTER TABLE service_request DROP CONSTRAINT service_request_source_check`);
    this.addSql(`ALTER TABLE service_request ADD CONSTRAINT service_request_source_check CHECK (source IN
      ('VISIT', 'PHONE', 'WECHAT_GROUP', 'MEETING', 'WALK_IN', 'HOTLINE_12345', 'APP', 'MINI_PROGRAM'))`);

    this.addSql(`ALTER TABLE team_member DROP CONSTRAINT team_member_kind_check`);
    this.addSql(`ALTER TABLE team_member ADD CONSTRAINT team_member_kind_check CHECK (kind IN
      ('OFFICER', 'AUXILIARY_POLICE', 'POLICE_ASSISTANT', 'FIRE_AUXILIARY', 'GRID_WORKER', 'ENTERPRISE_GUARD', 'COMMUNITY_MEMBER'))`);
  }
}
