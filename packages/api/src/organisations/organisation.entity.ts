import { BeforeCreate, BeforeUpdate, Check, Entity, Enum, Index, ManyToOne, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';
import { Program } from '../programs/program.entity';
import { Park } from '../parks/park.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { assertCreditCode, assertNotBlank } from '../shared/validation';

/**
 * An organisation that works at the places a program serves (参建单位、驻场单位): a construction
 * company, a specialist subcontractor, a labour company's work team, a dispatch firm. It has a credit
 * code of its own and can work at many places, in a different role at each.
 */
@ObjectType({
  implements: Node,
  description: 'An organisation that works at served places (参建单位): one credit code, many places, a role at each.',
})
@Entity({ tableName: 'organisation' })
@Unique({ properties: ['program', 'creditCode'] })
@Check({ name: 'organisation_credit_code_check', expression: 'huhang_credit_code_valid(credit_code)' })
export class Organisation extends BaseEntity<'archivedAt'> {
  @ManyToOne(() => Program, { deleteRule: 'restrict' })
  program!: Rel<Program>;

  @Field({ description: 'Registered name (单位名称).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Unified social credit code, 18 characters, GB 32100-2015 (统一社会信用代码).' })
  @Property({ type: 'string', length: 18, columnType: 'char(18)' })
  creditCode!: string;

  @Field(() => Date, { nullable: true, description: 'When the organisation was archived; its records stay (归档时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null = null;

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.name, 'name');
    assertCreditCode(this.creditCode, 'creditCode');
  }
}

/** The part an organisation plays at a place: 总包负责制 puts the general contractor over the rest. */
export enum ParticipantRole {
  GENERAL_CONTRACTOR = 'GENERAL_CONTRACTOR',
  SUBCONTRACTOR = 'SUBCONTRACTOR',
  WORK_TEAM = 'WORK_TEAM',
  LABOUR_DISPATCH = 'LABOUR_DISPATCH',
}
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The part an organisation plays at a place.',
  valuesConfig: {
    GENERAL_CONTRACTOR: { description: 'General contractor (总包), answerable for the whole site; works under no one.' },
    SUBCONTRACTOR: { description: 'Subcontractor (分包), under the general contractor.' },
    WORK_TEAM: { description: 'Work team (班组), under the general contractor or a subcontractor.' },
    LABOUR_DISPATCH: { description: 'Labour-dispatch firm (劳务派遣单位), under another participant or on its own.' },
  },
});

/** An organisation working at a place, from a day until a day, under another participant of the same place. */
@ObjectType({
  implements: Node,
  description: 'An organisation working at a place (参建关系): its role, whom it works under, from when until when.',
})
@Entity({ tableName: 'place_participant' })
export class PlaceParticipant extends BaseEntity<'leftOn' | 'parent'> {
  @Index()
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Index()
  @ManyToOne(() => Enterprise, { deleteRule: 'restrict' })
  enterprise!: Rel<Enterprise>;

  @Index()
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Rel<Organisation>;

  @Field(() => ParticipantRole, { description: 'Its role at the place.' })
  @Enum({ items: () => ParticipantRole })
  role!: ParticipantRole;

  @Index()
  @ManyToOne(() => PlaceParticipant, { nullable: true, deleteRule: 'restrict' })
  parent?: Rel<PlaceParticipant> | null = null;

  @Field(() => LocalDate, { description: 'Day it started working at the place (进场日期).' })
  @Property({ type: 'date' })
  joinedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it left the place (退场日期); null while there.' })
  @Property({ type: 'date', nullable: true })
  leftOn?: string | null = null;
}
