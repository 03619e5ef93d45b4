import { Collection, Entity, Index, ManyToOne, OneToMany, Property, type Rel, Unique } from '@mikro-orm/core';
import { LocalDate } from '../shared/graphql/scalars';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { Program } from '../programs/program.entity';
import type { Zone } from './zone.entity';

@ObjectType({ implements: Node, description: 'An industrial park protected by a program (工业园区).' })
@Entity({ tableName: 'park' })
@Unique({ properties: ['program', 'name'] })
export class Park extends BaseEntity<'level'> {
  @Index()
  @ManyToOne(() => Program, { deleteRule: 'restrict' })
  program!: Rel<Program>;

  @Field({ description: 'Name of the park (园区名称).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Level or designation, e.g. 省级化工园区 (园区级别).' })
  @Property({ type: 'string', length: 100, default: '' })
  level: string = '';

  @Field({ description: 'Region the park lies in (所在地区).' })
  @Property({ type: 'string', length: 100 })
  region!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the park joined its program (纳入日期); no period of the park before it is judged. Null when not given.',
  })
  @Property({ type: 'date', nullable: true })
  startsOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the park was archived (归档时间); null while active.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @OneToMany('Zone', 'park')
  zones = new Collection<Zone>(this);
}
