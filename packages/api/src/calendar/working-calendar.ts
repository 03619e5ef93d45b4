import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../shared/time/calendar';
import { CalendarDayKind } from './calendar-day.entity';

const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Which days are worked: Monday to Friday, but for the holidays and make-up days it knows. */
export class WorkingCalendar {
  constructor(private readonly days: ReadonlyMap<string, CalendarDayKind> = new Map()) {}

  isWorkingDay(day: string): boolean {
    const kind = this.days.get(day);
    if (kind === CalendarDayKind.HOLIDAY) return false;
    if (kind === CalendarDayKind.WORKDAY) return true;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * `days` working days after an instant, at the same time of day (Asia/Shanghai): received on
   * Wednesday 30 September 2026 at 10:00, three working days are due on Saturday 10 October at 10:00
   * (1–7 October off, 10 October worked in lieu).
   */
  addWorkingDays(start: Date, days: number): Date {
    let current = start.getTime();
    let left = days;
    while (left > 0) {
      current += DAY_MS;
      if (this.isWorkingDay(new Date(current + OFFSET_MS).toISOString().slice(0, 10))) left -= 1;
    }
    return new Date(current);
  }
}

/** The calendar's exceptions from `from` for `spanDays` days (enough for any time limit counted from `from`). */
export async function loadWorkingCalendar(em: EntityManager, from: string, spanDays = 120): Promise<WorkingCalendar> {
  const rows = await em
    .getConnection()
    .execute<
      Array<{ day: string; kind: CalendarDayKind }>
    >(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day WHERE day BETWEEN ?::date AND ?::date`, [from, addDays(from, spanDays)]);
  return new WorkingCalendar(new Map(rows.map((row) => [row.day, row.kind])));
}
