import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Commitment, type Translated } from './commitment.entity';

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

/** A measurable indicator of a commitment: a metric from the catalog, its parameters and a target. */
@Entity({ tableName: 'indicator' })
export class Indicator extends BaseEntity<'params' | 'comparator' | 'sortOrder'> {
  @Index()
  @ManyToOne(() => Commitment, { deleteRule: 'cascade' })
  commitment!: Rel<Commitment>;

  /** Name of a metric of the catalog, e.g. `visitCoverage`. */
  @Property({ type: 'string', length: 64 })
  metric!: string;

  /** Metric parameters, e.g. `{ "minutes": 15 }`. */
  @Property({ type: 'json', default: '{}' })
  params: Record<string, unknown> = {};

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  target!: string;

  @Enum({ items: () => Comparator, default: Comparator.GTE })
  comparator: Comparator = Comparator.GTE;

  @Enum({ items: () => IndicatorPeriod })
  period!: IndicatorPeriod;

  @Property({ type: 'json', nullable: true })
  label?: Translated | null;

  @Property({ type: 'integer', default: 0 })
  sortOrder: number = 0;
}
