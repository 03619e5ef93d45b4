import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Park } from '../parks/park.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { PoliceUnit } from '../units/police-unit.entity';

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
}

/** A meeting, event or bulletin of the program (警企互动活动). */
@Entity({ tableName: 'engagement' })
@Index({ properties: ['park', 'heldOn'] })
@Index({ properties: ['type', 'heldOn'] })
export class Engagement extends BaseEntity<'attendees'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Enum({ items: () => EngagementType })
  type!: EngagementType;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'date' })
  heldOn!: string;

  @ManyToOne(() => PoliceUnit, { nullable: true, deleteRule: 'restrict' })
  organizer?: Rel<PoliceUnit> | null;

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
