import { BeforeCreate, BeforeUpdate, Check, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { LocalDate } from '../../shared/graphql/scalars';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Patrol } from '../patrols/patrol.entity';
import { Visit } from '../visits/visit.entity';
import { assertInOrder, assertNotBlank } from '../../shared/validation';

export enum HazardSource {
  PATROL = 'PATROL',
  VISIT = 'VISIT',
  INSPECTION = 'INSPECTION',
  REPORT = 'REPORT',
}
registerEnumType(HazardSource, {
  name: 'HazardSource',
  description: 'How a hazard was found.',
  valuesConfig: {
    PATROL: { description: 'On a patrol.' },
    VISIT: { description: 'On a liaison visit.' },
    INSPECTION: { description: 'On an inspection.' },
    REPORT: { description: 'Reported by someone.' },
  },
});

export enum HazardSeverity {
  /** 一般隐患 */
  GENERAL = 'GENERAL',
  /** 重大隐患 */
  MAJOR = 'MAJOR',
}
registerEnumType(HazardSeverity, {
  name: 'HazardSeverity',
  description: 'Severity of a hazard.',
  valuesConfig: {
    GENERAL: { description: 'General hazard (一般隐患).' },
    MAJOR: { description: 'Major hazard (重大隐患).' },
  },
});

/** A safety or security hazard found in an enterprise or a place, with its rectification (隐患排查整改). */
@ObjectType({ implements: Node, description: 'A safety or security hazard with its rectification (隐患排查整改).' })
@Entity({ tableName: 'hazard' })
@Index({ properties: ['park', 'foundOn'] })
@Index({ properties: ['enterprise', 'foundOn'] })
@Check({ name: 'hazard_location_check', expression: 'enterprise_id IS NOT NULL OR length(place) > 0' })
@Check({ name: 'hazard_deadline_check', expression: 'deadline >= found_on' })
@Check({ name: 'hazard_rectified_check', expression: 'rectified_on IS NULL OR rectified_on >= found_on' })
@Check({
  name: 'hazard_source_link_check',
  expression: "(patrol_id IS NULL OR source = 'PATROL') AND (visit_id IS NULL OR source = 'VISIT')",
})
export class Hazard extends BaseEntity<'place' | 'severity' | 'rectifiedOnSite'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'restrict' })
  enterprise?: Rel<Enterprise> | null;

  /** The organisation answerable for putting it right, where one is (整改责任单位): a site's subcontractor, say. */
  @Index()
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  organisation?: Rel<Organisation> | null;

  /** Where the hazard is when it is not inside an enterprise (e.g. a road in the park). */
  @Field({ description: 'Where the hazard is when it is not inside an enterprise (位置).' })
  @Property({ type: 'string', length: 200, default: '' })
  place: string = '';

  @Field(() => HazardSource, { description: 'How it was found (发现途径).' })
  @Enum({ items: () => HazardSource })
  source!: HazardSource;

  @Index()
  @ManyToOne(() => Patrol, { nullable: true, deleteRule: 'restrict' })
  patrol?: Rel<Patrol> | null;

  @Index()
  @ManyToOne(() => Visit, { nullable: true, deleteRule: 'restrict' })
  visit?: Rel<Visit> | null;

  @Field(() => HazardSeverity, { description: 'General or major (隐患等级).' })
  @Enum({ items: () => HazardSeverity, default: HazardSeverity.GENERAL })
  severity: HazardSeverity = HazardSeverity.GENERAL;

  @Field({ description: 'What the hazard is (隐患描述).' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => LocalDate, { description: 'Day it was found (发现日期).' })
  @Property({ type: 'date' })
  foundOn!: string;

  /** Day by which it must be rectified (整改期限). */
  @Field(() => LocalDate, { description: 'Day by which it must be rectified (整改期限).' })
  @Property({ type: 'date' })
  deadline!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was rectified; null while open (整改完成日期).' })
  @Property({ type: 'date', nullable: true })
  rectifiedOn?: string | null;

  /** Ordered and rectified on the spot (当场整改). */
  @Field({ description: 'Ordered and rectified on the spot (当场整改).' })
  @Property({ type: 'boolean', default: false })
  rectifiedOnSite: boolean = false;

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.description, 'description', 2000);
    assertInOrder([
      ['foundOn', this.foundOn],
      ['deadline', this.deadline],
    ]);
    assertInOrder([
      ['foundOn', this.foundOn],
      ['rectifiedOn', this.rectifiedOn],
    ]);
  }
}
