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
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { LocalDate } from '../../shared/graphql/scalars';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { Team } from '../../teams/team.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { assertInOrder, assertNotBlank, DomainValidationError } from '../../shared/validation';
import { InputErrorReason } from '../../shared/errors/reasons';

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
  /** 土地权属 */
  LAND_TITLE = 'LAND_TITLE',
  /** 家庭 (婚姻, 赡养, 家庭琐事) */
  FAMILY = 'FAMILY',
  /** 经济往来 */
  BUSINESS = 'BUSINESS',
  OTHER = 'OTHER',
}
registerEnumType(DisputeCategory, {
  name: 'DisputeCategory',
  description: 'Kind of dispute.',
  valuesConfig: {
    WAGES: { description: 'Unpaid wages (欠薪).' },
    CONTRACT: { description: 'Contract (合同).' },
    NEIGHBOUR: { description: 'Neighbours (邻里).' },
    WORK_INJURY: { description: 'Work injury (工伤).' },
    LAND: { description: 'Land requisition and relocation (征地拆迁).' },
    LAND_TITLE: { description: 'Who owns or may use land (土地权属).' },
    FAMILY: { description: 'Family matters: marriage, support of elders, household quarrels (家庭琐事).' },
    BUSINESS: { description: 'Business dealings (经济往来).' },
    OTHER: { description: 'Other (其他).' },
  },
});

/** How a dispute was mediated (调解方式). */
export enum MediationMode {
  /** 分类调解: by the kind of dispute, with the mediator suited to it */
  CATEGORIZED = 'CATEGORIZED',
  /** 集中调解: many parties at one sitting */
  CONCENTRATED = 'CONCENTRATED',
  /** 上门调解: at the parties' home */
  DOORSTEP = 'DOORSTEP',
  /** 巡视调解: on the spot, found on a round */
  ROVING = 'ROVING',
  /** 思想疏导: counselling */
  COUNSELLING = 'COUNSELLING',
}
registerEnumType(MediationMode, {
  name: 'MediationMode',
  description: 'How a dispute was mediated (调解方式).',
  valuesConfig: {
    CATEGORIZED: { description: 'By kind of dispute, with the mediator suited to it (分类调解).' },
    CONCENTRATED: { description: 'Many parties at one sitting (集中调解).' },
    DOORSTEP: { description: 'At the parties’ home (上门调解).' },
    ROVING: { description: 'On the spot, found on a round (巡视调解).' },
    COUNSELLING: { description: 'Counselling (思想疏导).' },
  },
});

export enum EscalationRisk {
  NONE = 'NONE',
  /** 民转刑 */
  CIVIL_TO_CRIMINAL = 'CIVIL_TO_CRIMINAL',
  /** 刑转命 */
  CRIMINAL_TO_HOMICIDE = 'CRIMINAL_TO_HOMICIDE',
}
registerEnumType(EscalationRisk, {
  name: 'EscalationRisk',
  description: 'Risk that a dispute escalates.',
  valuesConfig: {
    NONE: { description: 'No escalation risk.' },
    CIVIL_TO_CRIMINAL: { description: 'Civil turning criminal (民转刑).' },
    CRIMINAL_TO_HOMICIDE: { description: 'Criminal turning deadly (刑转命).' },
  },
});

export enum RiskOutcome {
  /** 已化解 */
  DEFUSED = 'DEFUSED',
  /** 稳控 */
  UNDER_CONTROL = 'UNDER_CONTROL',
}
registerEnumType(RiskOutcome, {
  name: 'RiskOutcome',
  description: 'What became of an escalation risk.',
  valuesConfig: {
    DEFUSED: { description: 'Defused (已化解).' },
    UNDER_CONTROL: { description: 'Kept under control (稳控).' },
  },
});

export enum DisputeStatus {
  IDENTIFIED = 'IDENTIFIED',
  MEDIATING = 'MEDIATING',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: 'Where a dispute stands.',
  valuesConfig: {
    IDENTIFIED: { description: 'Found, not yet mediated (已排查).' },
    MEDIATING: { description: 'Being mediated (调解中).' },
    RESOLVED: { description: 'Resolved (已化解).' },
    ESCALATED: { description: 'Handed on to other authorities (已移交).' },
  },
});

/** A dispute found and mediated by the mediation team (矛盾纠纷). */
@ObjectType({ implements: Node, description: 'A dispute found and mediated by the mediation team (矛盾纠纷).' })
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

  @ManyToMany({
    entity: () => Organisation,
    pivotTable: 'dispute_organisation',
    joinColumn: 'dispute_id',
    inverseJoinColumn: 'organisation_id',
  })
  organisations = new Collection<Organisation>(this);

  @Field(() => DisputeCategory, { description: 'Kind of dispute (纠纷类型).' })
  @Enum({ items: () => DisputeCategory })
  category!: DisputeCategory;

  @Field({ description: 'What the dispute is about (纠纷概要).' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => Int, { description: 'Number of parties (当事方数).' })
  @Property({ type: 'integer', default: 2, check: 'parties_count >= 0' })
  partiesCount: number = 2;

  /** Money at stake, e.g. unpaid wages, in yuan. */
  @Field(() => String, { nullable: true, description: 'Money at stake in yuan, as a decimal string (涉及金额).' })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true, check: 'amount_involved >= 0' })
  amountInvolved?: string | null;

  /** Money recovered for a party, e.g. unpaid wages paid after mediation, in yuan. */
  @Field(() => String, {
    nullable: true,
    description: 'Money recovered for a party in yuan, as a decimal string, e.g. wages paid after mediation (追回金额).',
  })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true, check: 'amount_recovered >= 0' })
  amountRecovered?: string | null;

  @Field(() => MediationMode, { nullable: true, description: 'How it was mediated (调解方式); null until recorded.' })
  @Enum({ items: () => MediationMode, nullable: true })
  mediationMode?: MediationMode | null;

  @Field(() => EscalationRisk, { description: 'Risk of turning criminal or deadly (风险类型).' })
  @Enum({ items: () => EscalationRisk, default: EscalationRisk.NONE })
  escalationRisk: EscalationRisk = EscalationRisk.NONE;

  @Field(() => RiskOutcome, { nullable: true, description: 'What became of the risk (风险处置结果).' })
  @Enum({ items: () => RiskOutcome, nullable: true })
  riskOutcome?: RiskOutcome | null;

  @Field(() => DisputeStatus, { description: 'Where the dispute stands (状态).' })
  @Enum({ items: () => DisputeStatus, default: DisputeStatus.IDENTIFIED })
  status: DisputeStatus = DisputeStatus.IDENTIFIED;

  @Field(() => LocalDate, { description: 'Day it was found (排查日期).' })
  @Property({ type: 'date' })
  identifiedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day mediation began (调解开始日期).' })
  @Property({ type: 'date', nullable: true })
  mediationStartedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was resolved (化解日期).' })
  @Property({ type: 'date', nullable: true })
  resolvedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was escalated (移交日期).' })
  @Property({ type: 'date', nullable: true })
  escalatedOn?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.summary, 'summary', 2000);
    // Amounts read as the database keeps them (numeric(14,2)), whether just written or read back.
    if (this.amountInvolved != null) this.amountInvolved = Number(this.amountInvolved).toFixed(2);
    if (this.amountRecovered != null) this.amountRecovered = Number(this.amountRecovered).toFixed(2);
    if (this.amountRecovered != null && this.amountInvolved != null && Number(this.amountRecovered) > Number(this.amountInvolved)) {
      throw new DomainValidationError(
        'amountRecovered',
        `追回金额不能超过涉及金额 ${this.amountInvolved} 元 (cannot exceed the amount involved)`,
        InputErrorReason.RANGE,
      );
    }
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
