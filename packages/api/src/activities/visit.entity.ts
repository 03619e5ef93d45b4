import { Check, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Officer } from '../officers/officer.entity';
import { Enterprise } from '../enterprises/enterprise.entity';

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

/** A liaison officer's visit to an enterprise (走访). */
@Entity({ tableName: 'visit' })
@Index({ properties: ['enterprise', 'visitedOn'] })
@Index({ properties: ['officer', 'visitedOn'] })
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

  @Property({ type: 'date' })
  visitedOn!: string;

  @Enum({ items: () => VisitActivity, array: true })
  activities: VisitActivity[] = [];

  @Property({ type: 'text', default: '' })
  findings: string = '';
}
