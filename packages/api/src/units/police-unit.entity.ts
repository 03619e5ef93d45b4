import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { Program } from '../programs/program.entity';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';

export enum PoliceUnitKind {
  /** 派出所 */
  STATION = 'STATION',
  /** 警务站 / 警务室 */
  WORKSTATION = 'WORKSTATION',
  /** 警种 (治安, 刑侦, 交警 …) */
  BRANCH = 'BRANCH',
  /** 监控中心 */
  MONITORING_CENTRE = 'MONITORING_CENTRE',
}
registerEnumType(PoliceUnitKind, {
  name: 'PoliceUnitKind',
  description: 'Kind of police unit.',
  valuesConfig: {
    STATION: { description: 'Police station (派出所).' },
    WORKSTATION: { description: 'Park workstation or community office (警务站 / 警务室).' },
    BRANCH: { description: 'Specialised branch (警种), e.g. 治安, 刑侦, 交警.' },
    MONITORING_CENTRE: { description: 'Park monitoring centre (监控中心).' },
  },
});

@ObjectType({ implements: Node, description: 'A police station, park workstation, branch or monitoring centre (公安单位).' })
@Entity({ tableName: 'police_unit' })
@Unique({ properties: ['program', 'name'] })
export class PoliceUnit extends BaseEntity {
  @Index()
  @ManyToOne(() => Program, { deleteRule: 'restrict' })
  program!: Rel<Program>;

  @Field({ description: 'Name of the unit (单位名称).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => PoliceUnitKind, { description: 'Kind of unit (单位类型).' })
  @Enum({ items: () => PoliceUnitKind })
  kind!: PoliceUnitKind;

  @Field(() => String, { nullable: true, description: 'For a branch: its specialism, e.g. 治安, 刑侦, 交警 (警种).' })
  @Property({ type: 'string', length: 50, nullable: true })
  specialism?: string | null;

  @Index()
  @ManyToOne(() => Park, { nullable: true, deleteRule: 'restrict' })
  park?: Rel<Park> | null;

  /** Zones a workstation or station covers (辖区). */
  @ManyToMany({ entity: () => Zone, pivotTable: 'police_unit_zone', joinColumn: 'police_unit_id', inverseJoinColumn: 'zone_id' })
  zones = new Collection<Zone>(this);

  @Field(() => Date, { nullable: true, description: 'When the unit was archived; null while active (归档时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;
}
