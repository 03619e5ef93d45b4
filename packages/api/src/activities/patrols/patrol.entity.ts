import { BeforeCreate, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { LocalDate } from '../../shared/graphql/scalars';
import { Team } from '../../teams/team.entity';
import { Zone } from '../../parks/zone.entity';
import { assertNonNegativeInteger } from '../../shared/validation';

export enum PatrolKind {
  /** 实地巡逻 */
  ON_SITE = 'ON_SITE',
  /** 视频巡逻 */
  VIDEO = 'VIDEO',
}
registerEnumType(PatrolKind, {
  name: 'PatrolKind',
  description: 'How a patrol is done.',
  valuesConfig: {
    ON_SITE: { description: 'On site (实地巡逻).' },
    VIDEO: { description: 'By video (视频巡逻).' },
  },
});

/** A patrol by the patrol and joint-defence team, on site or by video (巡逻). */
@ObjectType({ implements: Node, description: 'A patrol by the patrol and joint-defence team, on site or by video (巡逻).' })
@Entity({ tableName: 'patrol' })
@Index({ properties: ['team', 'patrolledOn'] })
@Index({ properties: ['zone', 'patrolledOn'] })
export class Patrol extends BaseEntity<
  'personTimes' | 'hazardsFound' | 'suspiciousPersonsChecked' | 'suspiciousVehiclesChecked' | 'peopleAssisted' | 'notes'
> {
  @ManyToOne(() => Team, { deleteRule: 'restrict' })
  team!: Rel<Team>;

  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @Field(() => LocalDate, { description: 'Day of the patrol (巡逻日期).' })
  @Property({ type: 'date' })
  patrolledOn!: string;

  @Field(() => PatrolKind, { description: 'On site or by video (巡逻方式).' })
  @Enum({ items: () => PatrolKind })
  kind!: PatrolKind;

  /** Person-times on this patrol (人次). */
  @Field(() => Int, { description: 'Person-times on the patrol (巡逻人次).' })
  @Property({ type: 'integer', default: 0, check: 'person_times >= 0' })
  personTimes: number = 0;

  @Field(() => Int, { description: 'Hazards found (发现隐患).' })
  @Property({ type: 'integer', default: 0, check: 'hazards_found >= 0' })
  hazardsFound: number = 0;

  @Field(() => Int, { description: 'Suspicious persons checked (盘查可疑人员).' })
  @Property({ type: 'integer', default: 0, check: 'suspicious_persons_checked >= 0' })
  suspiciousPersonsChecked: number = 0;

  @Field(() => Int, { description: 'Suspicious vehicles checked (盘查可疑车辆).' })
  @Property({ type: 'integer', default: 0, check: 'suspicious_vehicles_checked >= 0' })
  suspiciousVehiclesChecked: number = 0;

  @Field(() => Int, { description: 'People helped (救助群众).' })
  @Property({ type: 'integer', default: 0, check: 'people_assisted >= 0' })
  peopleAssisted: number = 0;

  @Field({ description: 'Notes (备注).' })
  @Property({ type: 'text', default: '' })
  notes: string = '';

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNonNegativeInteger(this.personTimes, 'personTimes');
    assertNonNegativeInteger(this.hazardsFound, 'hazardsFound');
    assertNonNegativeInteger(this.suspiciousPersonsChecked, 'suspiciousPersonsChecked');
    assertNonNegativeInteger(this.suspiciousVehiclesChecked, 'suspiciousVehiclesChecked');
    assertNonNegativeInteger(this.peopleAssisted, 'peopleAssisted');
  }
}
