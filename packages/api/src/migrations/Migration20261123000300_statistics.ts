import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes the compliance engine reads: each activity by park (or team, or zone) and the day it is judged
 * on, carrying the columns its aggregates need so that they are answered from the index alone.
 */
export class Migration20261123000300_statistics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "service_request_park_id_due_at_index" on "service_request" ("park_id", "due_at") include ("resolved_at")`);
    this.addSql(
      `create index "service_request_appointment_index" on "service_request" ("park_id", "appointment_at") include ("served_at") where "channel" = 'APPOINTMENT'`,
    );
    this.addSql(`create index "service_request_park_id_resolved_at_index" on "service_request" ("park_id", "resolved_at")`);
    this.addSql(`create index "hazard_park_id_deadline_index" on "hazard" ("park_id", "deadline") include ("rectified_on")`);
    this.addSql(`drop index "incident_park_id_received_at_index"`);
    this.addSql(`create index "incident_park_id_received_at_index" on "incident" ("park_id", "received_at") include ("arrived_at")`);
    this.addSql(`drop index "dispute_park_id_identified_on_index"`);
    this.addSql(
      `create index "dispute_park_id_identified_on_index" on "dispute" ("park_id", "identified_on") include ("status", "escalation_risk", "risk_outcome")`,
    );
    this.addSql(`drop index "patrol_team_id_patrolled_on_index"`);
    this.addSql(`create index "patrol_team_id_patrolled_on_index" on "patrol" ("team_id", "patrolled_on") include ("kind")`);
    this.addSql(`drop index "patrol_zone_id_patrolled_on_index"`);
    this.addSql(`create index "patrol_zone_id_patrolled_on_index" on "patrol" ("zone_id", "patrolled_on") include ("kind")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "service_request_park_id_due_at_index"`);
    this.addSql(`drop index "service_request_appointment_index"`);
    this.addSql(`drop index "service_request_park_id_resolved_at_index"`);
    this.addSql(`drop index "hazard_park_id_deadline_index"`);
  }
}
