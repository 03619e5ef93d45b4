import { Check, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { LocalDate } from '../../shared/graphql/scalars';
import { Officer } from '../../officers/officer.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Park } from '../../parks/park.entity';

export enum VisitActivity {
  /** 安全检查 */
  SAFETY_INSPECTION = 'SAFETY_INSPECTION',
  /** 流动人口管理 */
  FLOATING_POPULATION = 'FLOATING_POPULATION',
  /** 安全防范宣传 */
  SECURITY_PUBLICITY = 'SECURITY_PUBLICITY',
  /** 法律咨询 */
  LEGAL_CONSULTATION = 'LEGAL_CONSULTATION',
  /** 收集诉求 */
  REQUEST_COLLECTION = 'REQUEST_COLLECTION',
}
registerEnumType(VisitActivity, {
  name: 'VisitActivity',
  description: 'What a liaison officer does on a visit.',
  valuesConfig: {
    SAFETY_INSPECTION: { description: 'Safety inspection (安全检查).' },
    FLOATING_POPULATION: { description: 'Floating population registration (流动人口管理).' },
    SECURITY_PUBLICITY: { description: 'Security awareness publicity (安全防范宣传).' },
    LEGAL_CONSULTATION: { description: 'Legal consultation (法律咨询).' },
    REQUEST_COLLECTION: { description: 'Collecting the enterprise’s requests (收集诉求).' },
  },
});

/** A liaison officer's visit to an enterprise (走访). */
@ObjectType({ implements: Node, description: "A liaison officer's visit to an enterprise (走访)." })
@Entity({ tableName: 'visit' })
@Index({ properties: ['enterprise', 'visitedOn', 'id'] })
@Index({ properties: ['officer', 'visitedOn', 'id'] })
@Index({ properties: ['visitedOn'] })
@Check({ name: 'visit_activities_check', expression: 'cardinality(activities) > 0' })
@Check({
  name: 'visit_activities_known_check',
  expression: `activities <@ ARRAY[${Object.values(VisitActivity)
    .map((value) => `'${value}'`)
    .join(', ')}]::text[]`,
})
export class Visit extends BaseEntity<'activities' | 'findings'> {
  @ManyToOne(() => Officer, { deleteRule: 'restrict' })
  officer!: Rel<Officer>;

  @ManyToOne(() => Enterprise, { deleteRule: 'restrict' })
  enterprise!: Rel<Enterprise>;

  /** Its enterprise's park, which the database keeps (migration 2900): what the read scope and row-level security ask. */
  @ManyToOne(() => Park, { persist: false })
  park?: Rel<Park>;

  @Field(() => LocalDate, { description: 'Day of the visit (走访日期).' })
  @Property({ type: 'date' })
  visitedOn!: string;

  @Field(() => [VisitActivity], { description: 'What was done (走访内容).' })
  @Enum({ items: () => VisitActivity, array: true })
  activities: VisitActivity[] = [];

  @Field({ description: 'What the officer found or was asked (走访情况).' })
  @Property({ type: 'text', default: '' })
  findings: string = '';
}
