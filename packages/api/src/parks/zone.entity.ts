import { Entity, ManyToOne, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { Park } from './park.entity';

@ObjectType({ implements: Node, description: 'A zone of a park, e.g. 化工片区 (园区片区).' })
@Entity({ tableName: 'zone' })
@Unique({ properties: ['park', 'name'] })
// Lets child tables reference (zone, park) together so a row's zone always lies in its park.
@Unique({ properties: ['id', 'park'], name: 'zone_id_park_id_unique' })
export class Zone extends BaseEntity {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Field({ description: 'Name of the zone (片区名称).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => Date, { nullable: true, description: 'When the zone was archived (归档时间); null while active.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;
}
