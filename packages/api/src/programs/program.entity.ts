import { Collection, Entity, OneToMany, Property, Unique } from '@mikro-orm/core';
import { LocalDate } from '../shared/graphql/scalars';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import type { Park } from '../parks/park.entity';
import type { Commitment } from '../commitments/commitment.entity';

@ObjectType({
  implements: Node,
  description: 'A county bureau program that protects one or more industrial parks (工作机制).',
})
@Entity({ tableName: 'program' })
export class Program extends BaseEntity<'description' | 'timeZone'> {
  @Field({ description: 'Name of the program (机制名称).' })
  @Property({ type: 'string', length: 200 })
  @Unique()
  name!: string;

  @Field({ description: 'County or region that runs the program (所属区县).' })
  @Property({ type: 'string', length: 100 })
  region!: string;

  @Field({ description: 'The bureau that runs the program (主办单位).' })
  @Property({ type: 'string', length: 200 })
  bureau!: string;

  @Field({ description: 'What the program is and does (机制简介).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field({ description: "IANA time zone of the program's calendar (时区): the days, months and years of its statistics follow it." })
  @Property({ type: 'string', length: 64, default: 'Asia/Shanghai' })
  timeZone: string = 'Asia/Shanghai';

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the program began (启动日期); no period before it is judged. Null when not given.',
  })
  @Property({ type: 'date', nullable: true })
  startsOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the program was archived (归档时间); null while active.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @OneToMany('Park', 'program')
  parks = new Collection<Park>(this);

  @OneToMany('Commitment', 'program')
  commitments = new Collection<Commitment>(this);
}
