import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { LocalDate } from '../../shared/graphql/scalars';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { PoliceUnit } from '../../units/police-unit.entity';

export enum EngagementType {
  /** 警企季度恳谈会 */
  QUARTERLY_MEETING = 'QUARTERLY_MEETING',
  /** 警企座谈会 */
  FORUM = 'FORUM',
  /** 警企党建联谊 */
  PARTY_BUILDING = 'PARTY_BUILDING',
  /** 法律服务进企业 */
  LEGAL_PUBLICITY = 'LEGAL_PUBLICITY',
  /** 培训 */
  TRAINING = 'TRAINING',
  /** 治安形势通报 */
  SECURITY_BULLETIN = 'SECURITY_BULLETIN',
  /** 矛盾纠纷研判会 */
  ANALYSIS_MEETING = 'ANALYSIS_MEETING',
  /** 应急演练 */
  DRILL = 'DRILL',
}
registerEnumType(EngagementType, {
  name: 'EngagementType',
  description: 'Kind of police–enterprise engagement.',
  valuesConfig: {
    QUARTERLY_MEETING: { description: 'Quarterly meeting (警企季度恳谈会).' },
    FORUM: { description: 'Forum (座谈会).' },
    PARTY_BUILDING: { description: 'Party-building partnership event (党建联谊).' },
    LEGAL_PUBLICITY: { description: 'Legal services into enterprises (法律服务进企业).' },
    TRAINING: { description: 'Training (培训).' },
    SECURITY_BULLETIN: { description: 'Security situation bulletin (治安形势通报).' },
    ANALYSIS_MEETING: { description: 'Dispute analysis meeting (矛盾纠纷研判会).' },
    DRILL: { description: 'Emergency drill with the place: fire, evacuation, an attack (应急演练).' },
  },
});

/** A meeting, event or bulletin of the program (警企互动活动). */
@ObjectType({ implements: Node, description: 'A meeting, event or bulletin of the program (警企互动活动).' })
@Entity({ tableName: 'engagement' })
@Index({ properties: ['park', 'heldOn'] })
@Index({ properties: ['type', 'heldOn'] })
export class Engagement extends BaseEntity<'attendees'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Field(() => EngagementType, { description: 'Kind of engagement (活动类型).' })
  @Enum({ items: () => EngagementType })
  type!: EngagementType;

  @Field({ description: 'Title (活动名称).' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => LocalDate, { description: 'Day it was held (举办日期).' })
  @Property({ type: 'date' })
  heldOn!: string;

  @ManyToOne(() => PoliceUnit, { nullable: true, deleteRule: 'restrict' })
  organizer?: Rel<PoliceUnit> | null;

  @Field(() => Int, { description: 'Number of attendees (参加人数).' })
  @Property({ type: 'integer', default: 0, check: 'attendees >= 0' })
  attendees: number = 0;

  /** Enterprises that took part; legal publicity counts per enterprise. */
  @ManyToMany({
    entity: () => Enterprise,
    pivotTable: 'engagement_enterprise',
    joinColumn: 'engagement_id',
    inverseJoinColumn: 'enterprise_id',
  })
  enterprises = new Collection<Enterprise>(this);
}
