import {
  BeforeCreate,
  BeforeUpdate,
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { Team } from '../teams/team.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { assertInOrder, assertNotBlank } from '../shared/validation';

export enum DisputeCategory {
  /** 欠薪 */
  WAGES = 'WAGES',
  /** 合同 */
  CONTRACT = 'CONTRACT',
  /** 邻里 */
  NEIGHBOUR = 'NEIGHBOUR',
  /** 工伤 */
  WORK_INJURY = 'WORK_INJURY',
  /** 征地拆迁 */
  LAND = 'LAND',
  /** 经济往来 */
  BUSINESS = 'BUSINESS',
  OTHER = 'OTHER',
}

export enum EscalationRisk {
  NONE = 'NONE',
  /** 民转刑 */
  CIVIL_TO_CRIMINAL = 'CIVIL_TO_CRIMINAL',
  /** 刑转命 */
  CRIMINAL_TO_HOMICIDE = 'CRIMINAL_TO_HOMICIDE',
}

export enum RiskOutcome {
  /** 已化解 */
  DEFUSED = 'DEFUSED',
  /** 稳控 */
  UNDER_CONTROL = 'UNDER_CONTROL',
}

export enum DisputeStatus {
  IDENTIFIED = 'IDENTIFIED',
  MEDIATING = 'MEDIATING',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}

/** A dispute found and mediated by the mediation team (矛盾纠纷). */
@Entity({ tableName: 'dispute' })
@Index({ properties: ['park', 'identifiedOn'] })
@Index({ properties: ['status'] })
@Check({ name: 'dispute_resolved_check', expression: "(status = 'RESOLVED') = (resolved_on IS NOT NULL)" })
@Check({ name: 'dispute_escalated_check', expression: "(status = 'ESCALATED') = (escalated_on IS NOT NULL)" })
@Check({ name: 'dispute_mediation_check', expression: "status = 'IDENTIFIED' OR mediation_started_on IS NOT NULL OR status = 'ESCALATED'" })
@Check({ name: 'dispute_risk_outcome_requires_risk', expression: "risk_outcome IS NULL OR escalation_risk <> 'NONE'" })
@Check({
  name: 'dispute_dates_check',
  expression:
    '(mediation_started_on IS NULL OR mediation_started_on >= identified_on) AND (resolved_on IS NULL OR resolved_on >= identified_on) AND (escalated_on IS NULL OR escalated_on >= identified_on)',
})
export class Dispute extends BaseEntity<'partiesCount' | 'escalationRisk' | 'status'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @Index()
  @ManyToOne(() => Team, { nullable: true, deleteRule: 'restrict' })
  team?: Rel<Team> | null;

  @ManyToMany({ entity: () => Enterprise, pivotTable: 'dispute_enterprise', joinColumn: 'dispute_id', inverseJoinColumn: 'enterprise_id' })
  enterprises = new Collection<Enterprise>(this);

  @Enum({ items: () => DisputeCategory })
  category!: DisputeCategory;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'integer', default: 2, check: 'parties_count >= 0' })
  partiesCount: number = 2;

  /** Money at stake, e.g. unpaid wages, in yuan. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true, check: 'amount_involved >= 0' })
  amountInvolved?: string | null;

  @Enum({ items: () => EscalationRisk, default: EscalationRisk.NONE })
  escalationRisk: EscalationRisk = EscalationRisk.NONE;

  @Enum({ items: () => RiskOutcome, nullable: true })
  riskOutcome?: RiskOutcome | null;

  @Enum({ items: () => DisputeStatus, default: DisputeStatus.IDENTIFIED })
  status: DisputeStatus = DisputeStatus.IDENTIFIED;

  @Property({ type: 'date' })
  identifiedOn!: string;

  @Property({ type: 'date', nullable: true })
  mediationStartedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  resolvedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  escalatedOn?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.summary, 'summary', 2000);
    assertInOrder([
      ['identifiedOn', this.identifiedOn],
      ['mediationStartedOn', this.mediationStartedOn],
      ['resolvedOn', this.resolvedOn],
    ]);
    assertInOrder([
      ['identifiedOn', this.identifiedOn],
      ['escalatedOn', this.escalatedOn],
    ]);
  }
}
