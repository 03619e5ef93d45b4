import { BeforeCreate, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Team } from '../teams/team.entity';
import { Zone } from '../parks/zone.entity';
import { assertNonNegativeInteger } from '../shared/validation';

export enum PatrolKind {
  /** 实地巡逻 */
  ON_SITE = 'ON_SITE',
  /** 视频巡逻 */
  VIDEO = 'VIDEO',
}

/** A patrol by the patrol and joint-defence team, on site or by video (巡逻). */
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

  @Property({ type: 'date' })
  patrolledOn!: string;

  @Enum({ items: () => PatrolKind })
  kind!: PatrolKind;

  /** Person-times on this patrol (人次). */
  @Property({ type: 'integer', default: 0, check: 'person_times >= 0' })
  personTimes: number = 0;

  @Property({ type: 'integer', default: 0, check: 'hazards_found >= 0' })
  hazardsFound: number = 0;

  @Property({ type: 'integer', default: 0, check: 'suspicious_persons_checked >= 0' })
  suspiciousPersonsChecked: number = 0;

  @Property({ type: 'integer', default: 0, check: 'suspicious_vehicles_checked >= 0' })
  suspiciousVehiclesChecked: number = 0;

  @Property({ type: 'integer', default: 0, check: 'people_assisted >= 0' })
  peopleAssisted: number = 0;

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
