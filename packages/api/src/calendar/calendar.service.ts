import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarDay } from './calendar-day.entity';
import type { SetCalendarDayInput } from './calendar.inputs';

/** Sets what a day is (the row is made or changed); later time limits count with it, earlier ones stay as set. */
export async function setCalendarDay(em: EntityManager, input: SetCalendarDayInput): Promise<CalendarDay> {
  const known = await em.findOne(CalendarDay, { day: input.day });
  const name = input.name?.trim() ?? '';
  if (known) {
    known.kind = input.kind;
    known.name = name;
    known.source = 'admin';
    return known;
  }
  return em.create(CalendarDay, { day: input.day, kind: input.kind, name, source: 'admin' });
}
