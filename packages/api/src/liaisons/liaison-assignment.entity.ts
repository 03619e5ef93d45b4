import { BeforeCreate, Check, BeforeUpdate, Collection, Entity, Index, ManyToMany, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Park } from '../parks/park.entity';
import { PoliceUnit } from '../units/police-unit.entity';
import { Officer } from '../officers/officer.entity';
import { assertInOrder } from '../shared/validation';

/**
 * An enterprise's dedicated liaison officer for a span of days ("1+N": one officer, N supporting
 * branches). Reassignment ends the current row and starts a new one, so history is kept.
 */
@ObjectType({
  implements: Node,
  description: "An enterprise's liaison officer for a span of days, with supporting branches (挂钩民警, 1+N).",
})
@Entity({ tableName: 'liaison_assignment' })
@Check({ name: 'liaison_assignment_dates_check', expression: 'ends_on IS NULL OR ends_on >= starts_on' })
@Index({ properties: ['enterprise', 'startsOn'] })
@Index({ properties: ['officer', 'startsOn'] })
export class LiaisonAssignment extends BaseEntity {
  @ManyToOne(() => Enterprise, { deleteRule: 'restrict' })
  enterprise!: Rel<Enterprise>;

  /** Its enterprise's park, which the database keeps (migration 2900): what the read scope and row-level security ask. */
  @ManyToOne(() => Park, { persist: false })
  park?: Rel<Park>;

  @ManyToOne(() => Officer, { deleteRule: 'restrict' })
  officer!: Rel<Officer>;

  @Field(() => LocalDate, { description: 'First day of the assignment.' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the assignment; null while current.' })
  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;

  /** Supporting police branches, the "N" of 1+N. */
  @ManyToMany({
    entity: () => PoliceUnit,
    pivotTable: 'liaison_assignment_branch',
    joinColumn: 'liaison_assignment_id',
    inverseJoinColumn: 'police_unit_id',
  })
  supportingBranches = new Collection<PoliceUnit>(this);

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertInOrder([
      ['startsOn', this.startsOn],
      ['endsOn', this.endsOn],
    ]);
  }
}
