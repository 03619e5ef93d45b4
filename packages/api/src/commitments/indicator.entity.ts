import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../shared/graphql/node';
import type { Translated } from '../shared/i18n/translated';
import { Commitment } from './commitment.entity';

export enum Comparator {
  GTE = 'GTE',
  GT = 'GT',
  LTE = 'LTE',
  LT = 'LT',
  EQ = 'EQ',
}

export enum IndicatorPeriod {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(Comparator, {
  name: 'Comparator',
  description: 'How a measured value is compared with its target.',
  valuesConfig: {
    GTE: { description: 'At least the target (≥).' },
    GT: { description: 'More than the target (>).' },
    LTE: { description: 'At most the target (≤).' },
    LT: { description: 'Less than the target (<).' },
    EQ: { description: 'Exactly the target (=).' },
  },
});
registerEnumType(IndicatorPeriod, {
  name: 'IndicatorPeriod',
  description: 'The period an indicator is judged over, in the program’s calendar.',
  valuesConfig: {
    WEEK: { description: 'Each week (Monday to Sunday).' },
    MONTH: { description: 'Each calendar month.' },
    QUARTER: { description: 'Each calendar quarter.' },
    YEAR: { description: 'Each calendar year.' },
  },
});

/** A measurable indicator of a commitment: a metric from the catalog, its parameters and a target. */
@ObjectType({
  implements: Node,
  description: 'A measurable indicator of a commitment: a metric of the catalog, its parameters, a target (考核指标).',
})
@Entity({ tableName: 'indicator' })
export class Indicator extends BaseEntity<'params' | 'comparator' | 'sortOrder'> {
  @Index()
  @ManyToOne(() => Commitment, { deleteRule: 'cascade' })
  commitment!: Rel<Commitment>;

  @Field({ description: 'Name of a metric of the catalog, e.g. `visitCoverage` (指标口径).' })
  @Property({ type: 'string', length: 64 })
  metric!: string;

  /** Metric parameters, e.g. `{ "minutes": 15 }`. */
  @Property({ type: 'json', default: '{}' })
  params: Record<string, unknown> = {};

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  target!: string;

  @Field(() => Comparator, { description: 'How the value is compared with the target.' })
  @Enum({ items: () => Comparator, default: Comparator.GTE })
  comparator: Comparator = Comparator.GTE;

  @Field(() => IndicatorPeriod, { description: 'The period it is judged over.' })
  @Enum({ items: () => IndicatorPeriod })
  period!: IndicatorPeriod;

  @Property({ type: 'json', nullable: true })
  label?: Translated | null;

  @Field(() => Int, { description: 'Position among the commitment’s indicators.' })
  @Property({ type: 'integer', default: 0 })
  sortOrder: number = 0;
}
