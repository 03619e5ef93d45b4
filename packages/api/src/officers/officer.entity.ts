import { InputErrorReason } from '../shared/errors/reasons';
import { PHONE_SQL_PATTERN } from '../shared/validation/phone';
import { BeforeCreate, Check, BeforeUpdate, Entity, Index, ManyToOne, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { PoliceUnit } from '../units/police-unit.entity';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import { assertNotBlank, assertPhone, DomainValidationError } from '../shared/validation';

export const BADGE_NUMBER_PATTERN = /^[0-9A-Z]{6,8}$/;

@ObjectType({ implements: Node, description: 'A police officer; as liaison officer (护航警官 / 挂钩民警) serves assigned enterprises.' })
@Entity({ tableName: 'officer' })
@Check({ name: 'officer_badge_number_check', expression: "badge_number ~ '^[0-9A-Z]{6,8}$'" })
@Check({ name: 'officer_phone_check', expression: `phone ~ ${PHONE_SQL_PATTERN}` })
export class Officer extends BaseEntity<'title'> {
  @Field({ description: 'Full name (姓名).' })
  @Property({ type: 'string', length: 50 })
  name!: string;

  /** Personal data: shown only to those entitled. */
  @Property({ type: 'string', length: 8 })
  @Unique()
  badgeNumber!: string;

  @Index()
  @ManyToOne(() => PoliceUnit, { deleteRule: 'restrict' })
  unit!: Rel<PoliceUnit>;

  /** Its unit's park (none for a county unit), which the database keeps (migration 3100): what the read scope and row-level security ask. */
  @ManyToOne(() => Park, { persist: false })
  unitPark?: Rel<Park>;

  /** Its unit's program, which the database keeps (migration 3100). */
  @ManyToOne(() => Program, { persist: false })
  unitProgram?: Rel<Program>;

  /** Personal data: shown only to those entitled. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Field({ description: 'Rank or role, e.g. 社区民警, 副所长 (职务).' })
  @Property({ type: 'string', length: 50, default: '' })
  title: string = '';

  @Field(() => Date, { nullable: true, description: 'When the officer left the program; their records stay (归档时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.name, 'name', 50);
    if (!BADGE_NUMBER_PATTERN.test(this.badgeNumber)) {
      throw new DomainValidationError(
        'badgeNumber',
        '警号应为 6 至 8 位数字或大写字母 (6–8 digits or capital letters)',
        InputErrorReason.FORMAT,
      );
    }
    if (this.phone) this.phone = assertPhone(this.phone, 'phone');
  }
}
