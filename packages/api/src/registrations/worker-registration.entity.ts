import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';
import { Park } from '../parks/park.entity';
import { Enterprise } from '../enterprises/enterprise.entity';

/**
 * One person working at a place, as registered with the police (流动人口/从业人员登记): the day
 * registered, the day gone, and the result of the latest check of the registration's "一标三实" data
 * (standard address, actual population, actual housing, actual units) against the person on site.
 * Huhang keeps no name or identity number: those stay in the police's own register; it counts.
 */
@ObjectType({
  implements: Node,
  description:
    'A worker registered at a place (从业人员登记): registered, gone, and whether the latest check found the "一标三实" data accurate. No name or identity number is kept.',
})
@Entity({ tableName: 'worker_registration' })
@Index({ properties: ['park', 'registeredOn'] })
@Index({ properties: ['park', 'checkedOn'] })
export class WorkerRegistration extends BaseEntity<'leftOn' | 'checkedOn' | 'accurate'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Index()
  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'restrict' })
  enterprise?: Rel<Enterprise> | null;

  @Field(() => LocalDate, { description: 'Day registered (登记日期).' })
  @Property({ type: 'date' })
  registeredOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the person left the place (离场日期); null while there.' })
  @Property({ type: 'date', nullable: true })
  leftOn?: string | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the latest check of the registration (核查日期).' })
  @Property({ type: 'date', nullable: true })
  checkedOn?: string | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Whether that check found the "一标三实" data accurate; null before any check.' })
  @Property({ type: 'boolean', nullable: true })
  accurate?: boolean | null = null;
}
