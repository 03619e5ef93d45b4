import { PHONE_SQL_PATTERN } from '../shared/validation/phone';
import { BeforeCreate, BeforeUpdate, Check, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';
import { Officer } from '../officers/officer.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Team } from './team.entity';
import { assertInOrder, assertPhone } from '../shared/validation';

export enum TeamMemberKind {
  /** 民警 */
  OFFICER = 'OFFICER',
  /** 辅警 */
  AUXILIARY_POLICE = 'AUXILIARY_POLICE',
  /** 警务助理 */
  POLICE_ASSISTANT = 'POLICE_ASSISTANT',
  /** 消防协勤 */
  FIRE_AUXILIARY = 'FIRE_AUXILIARY',
  /** 网格员 */
  GRID_WORKER = 'GRID_WORKER',
  /** 企业保安 */
  ENTERPRISE_GUARD = 'ENTERPRISE_GUARD',
  /** 社区治保会人员 */
  COMMUNITY_MEMBER = 'COMMUNITY_MEMBER',
}

registerEnumType(TeamMemberKind, {
  name: 'TeamMemberKind',
  description: 'Who a team member is (队员类别).',
  valuesConfig: {
    OFFICER: { description: 'Police officer (民警).' },
    AUXILIARY_POLICE: { description: 'Auxiliary police (辅警).' },
    POLICE_ASSISTANT: {
      description: 'Police assistant (警务助理). Records made before auxiliary police were counted apart may hold 辅警 here too.',
    },
    FIRE_AUXILIARY: { description: 'Fire auxiliary (消防协勤).' },
    GRID_WORKER: { description: 'Grid worker of the community (网格员).' },
    ENTERPRISE_GUARD: { description: 'Enterprise security guard (企业保安).' },
    COMMUNITY_MEMBER: { description: 'Community security committee member (社区治保会人员).' },
  },
});

/** A member of a team; officers are linked to their record, others are named here. */
@ObjectType({ implements: Node, description: 'A member of a police–enterprise team (队员).' })
@Entity({ tableName: 'team_member' })
@Check({ name: 'team_member_officer_link_check', expression: "(kind = 'OFFICER') = (officer_id IS NOT NULL)" })
@Check({ name: 'team_member_guard_link_check', expression: "kind <> 'ENTERPRISE_GUARD' OR enterprise_id IS NOT NULL" })
@Check({ name: 'team_member_phone_check', expression: `phone ~ ${PHONE_SQL_PATTERN}` })
@Check({ name: 'team_member_dates_check', expression: 'left_on IS NULL OR left_on >= joined_on' })
export class TeamMember extends BaseEntity {
  @Index()
  @ManyToOne(() => Team, { deleteRule: 'cascade' })
  team!: Rel<Team>;

  @Field(() => TeamMemberKind, { description: 'Who the member is.' })
  @Enum({ items: () => TeamMemberKind })
  kind!: TeamMemberKind;

  @Index()
  @ManyToOne(() => Officer, { nullable: true, deleteRule: 'restrict' })
  officer?: Rel<Officer> | null;

  /** The enterprise a guard works for. */
  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'restrict' })
  enterprise?: Rel<Enterprise> | null;

  /** Name of a member who is not an officer (officers take theirs from the officer record). */
  @Property({ type: 'string', length: 50, nullable: true })
  name?: string | null;

  /** Personal data. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Field(() => LocalDate, { description: 'Day the member joined (入队日期).' })
  @Property({ type: 'date' })
  joinedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the member left; null while a member (离队日期).' })
  @Property({ type: 'date', nullable: true })
  leftOn?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    if (this.phone) this.phone = assertPhone(this.phone, 'phone');
    assertInOrder([
      ['joinedOn', this.joinedOn],
      ['leftOn', this.leftOn],
    ]);
  }
}
