import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';

/** What a day of the working calendar is, where it is not what its weekday says. */
export enum CalendarDayKind {
  /** A public holiday on a weekday (法定节假日, 放假). */
  HOLIDAY = 'HOLIDAY',
  /** A weekend day worked in lieu (调休上班). */
  WORKDAY = 'WORKDAY',
  /** A day as its weekday says, overriding the published calendar. */
  ORDINARY = 'ORDINARY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'What a day of the working calendar is.',
  valuesConfig: {
    HOLIDAY: { description: 'A day off on a weekday: a public holiday (放假).' },
    WORKDAY: { description: 'A weekend day worked in lieu (调休上班).' },
    ORDINARY: { description: 'As its weekday says: Monday to Friday worked, the weekend off.' },
  },
});

/**
 * A day of the working calendar that time limits count in working days (办结时限): the State Council's
 * published holidays and make-up working days, filled from the `chinese-days` package by migration
 * and changed by system administrators. A day without a row is worked Monday to Friday.
 */
@ObjectType({ implements: Node, description: 'A day of the working calendar that is not what its weekday says (节假日与调休).' })
@Entity({ tableName: 'calendar_day' })
@Unique({ properties: ['day'] })
export class CalendarDay extends BaseEntity<'name' | 'source'> {
  @Field(() => LocalDate, { description: 'The day.' })
  @Property({ type: 'date' })
  day!: string;

  @Field(() => CalendarDayKind, { description: 'Holiday, make-up working day, or ordinary.' })
  @Enum({ items: () => CalendarDayKind })
  kind!: CalendarDayKind;

  @Field({ description: 'Why, e.g. 国庆节.' })
  @Property({ type: 'string', length: 100, default: '' })
  name: string = '';

  @Field({ description: 'Where the day comes from: the package and version it was filled from, or "admin".' })
  @Property({ type: 'string', length: 100, default: 'admin' })
  source: string = 'admin';
}
