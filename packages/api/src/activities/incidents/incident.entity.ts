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
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/graphql/scalars';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { assertInOrder } from '../../shared/validation';

export enum IncidentType {
  THEFT = 'THEFT',
  FRAUD = 'FRAUD',
  FIGHT = 'FIGHT',
  TRAFFIC = 'TRAFFIC',
  FIRE_OR_CHEMICAL = 'FIRE_OR_CHEMICAL',
  LABOUR = 'LABOUR',
  DAMAGE = 'DAMAGE',
  /** 毒品 */
  DRUGS = 'DRUGS',
  OTHER = 'OTHER',
}
registerEnumType(IncidentType, {
  name: 'IncidentType',
  description: 'Kind of incident.',
  valuesConfig: {
    THEFT: { description: 'Theft (盗窃).' },
    FRAUD: { description: 'Fraud (诈骗).' },
    FIGHT: { description: 'Fight (打架斗殴).' },
    TRAFFIC: { description: 'Traffic (交通).' },
    FIRE_OR_CHEMICAL: { description: 'Fire or chemical accident (火灾 / 危化品).' },
    LABOUR: { description: 'Labour dispute call (劳资警情).' },
    DAMAGE: { description: 'Damage to property (损毁财物).' },
    DRUGS: { description: 'Drugs (毒品).' },
    OTHER: { description: 'Other (其他).' },
  },
});

/** A police incident at a served place (警情: 涉企、涉工地、涉厂区 …) with its response timeline. */
@ObjectType({ implements: Node, description: 'A police incident at a served place, with its response timeline (警情).' })
@Entity({ tableName: 'incident' })
@Index({ properties: ['park', 'receivedAt'] })
@Index({ properties: ['enterprise', 'receivedAt'] })
@Check({
  name: 'incident_cleared_check',
  expression: 'cleared_on IS NULL OR criminal',
})
@Check({
  name: 'incident_timeline_check',
  expression:
    '(dispatched_at IS NULL OR dispatched_at >= received_at) AND (arrived_at IS NULL OR arrived_at >= coalesce(dispatched_at, received_at)) AND (closed_at IS NULL OR closed_at >= coalesce(arrived_at, dispatched_at, received_at))',
})
export class Incident extends BaseEntity<'summary' | 'quickResponse' | 'outcome' | 'criminal'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'restrict' })
  enterprise?: Rel<Enterprise> | null;

  @Field(() => IncidentType, { description: 'Kind of incident (警情类型).' })
  @Enum({ items: () => IncidentType })
  type!: IncidentType;

  @Field({ description: 'What happened (简要案情).' })
  @Property({ type: 'text', default: '' })
  summary: string = '';

  /** A criminal-class incident (刑事类警情): a case that may be cleared. */
  @Field({ description: 'A criminal-class incident (刑事类警情), a case that may be cleared (破案).' })
  @Property({ type: 'boolean', default: false })
  criminal: boolean = false;

  /** The day the case was cleared (破案), for a criminal-class incident. */
  @Field(() => LocalDate, { nullable: true, description: 'Day the case was cleared (破案日期); null while unsolved or not criminal.' })
  @Property({ type: 'date', nullable: true })
  clearedOn?: string | null;

  /** When the call or report was received (接警). */
  @Field({ description: 'When the report was received (接警时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;

  /** When officers were dispatched (派警). */
  @Field(() => Date, { nullable: true, description: 'When officers were dispatched (派警时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dispatchedAt?: Date | null;

  /** When officers arrived on the scene (到场). */
  @Field(() => Date, { nullable: true, description: 'When officers arrived (到场时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  arrivedAt?: Date | null;

  /** When the incident was closed (结案 / 处置完毕). */
  @Field(() => Date, { nullable: true, description: 'When it was closed (处置完毕时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  /** Handled under the quick-response mechanism (快速反应机制). */
  @Field({ description: 'Handled under the quick-response mechanism (快速反应机制).' })
  @Property({ type: 'boolean', default: false })
  quickResponse: boolean = false;

  @ManyToMany({ entity: () => PoliceUnit, pivotTable: 'incident_unit', joinColumn: 'incident_id', inverseJoinColumn: 'police_unit_id' })
  jointUnits = new Collection<PoliceUnit>(this);

  @Field({ description: 'How it ended (处置结果).' })
  @Property({ type: 'text', default: '' })
  outcome: string = '';

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertInOrder([
      ['receivedAt', this.receivedAt],
      ['dispatchedAt', this.dispatchedAt],
      ['arrivedAt', this.arrivedAt],
      ['closedAt', this.closedAt],
    ]);
  }
}
