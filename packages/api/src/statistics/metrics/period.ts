import { InputErrorReason } from '../../shared/errors/reasons';
import { DomainValidationError } from '../../shared/validation';
import { addDays, daysBetween, todayInShanghai } from '../../shared/time/calendar';

/** The kinds of reporting period; all follow the Asia/Shanghai calendar. */
export enum PeriodKind {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
  RANGE = 'RANGE',
}

/** A span of calendar days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

/** A reporting period: its calendar days and how much of it has happened. */
export interface Period extends DayRange {
  kind: PeriodKind;
  /** The days that have happened: `to` is clipped to today; null when the period lies in the future. */
  elapsed: DayRange | null;
  /** True while the period is unfinished (today falls inside it). */
  partial: boolean;
}

export type CalendarUnit = PeriodKind.WEEK | PeriodKind.MONTH | PeriodKind.QUARTER | PeriodKind.YEAR;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (date: string) => date.split('-').map(Number) as [number, number, number];

function monthStart(year: number, month: number): string {
  const index = year * 12 + (month - 1);
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** First day of the calendar unit that contains `day`. */
export function unitStart(unit: CalendarUnit, day: string): string {
  const [year, month] = ymd(day);
  switch (unit) {
    case PeriodKind.WEEK: {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(day, -weekday);
    }
    case PeriodKind.MONTH:
      return monthStart(year, month);
    case PeriodKind.QUARTER:
      return monthStart(year, month - ((month - 1) % 3));
    case PeriodKind.YEAR:
      return `${year}-01-01`;
  }
}

/** First day of the unit after the one starting at `start`. */
function nextUnitStart(unit: CalendarUnit, start: string): string {
  const [year, month] = ymd(start);
  switch (unit) {
    case PeriodKind.WEEK:
      return addDays(start, 7);
    case PeriodKind.MONTH:
      return monthStart(year, month + 1);
    case PeriodKind.QUARTER:
      return monthStart(year, month + 3);
    case PeriodKind.YEAR:
      return `${year + 1}-01-01`;
  }
}

/** The whole calendar unit that contains `day`. */
export function unitContaining(unit: CalendarUnit, day: string): DayRange {
  const from = unitStart(unit, day);
  return { from, to: addDays(nextUnitStart(unit, from), -1) };
}

/**
 * Units already worked out, by unit and range: every report of a period asks for the same weeks,
 * months and quarters once per indicator, and the date arithmetic was a tenth of a report's CPU.
 */
const overlapping = new Map<string, readonly DayRange[]>();
const OVERLAPPING_KEPT = 512;

/** The calendar units that overlap `range`, whole (not clipped). */
export function unitsOverlapping(unit: CalendarUnit, range: DayRange): DayRange[] {
  const key = `${unit} ${range.from} ${range.to}`;
  let units = overlapping.get(key);
  if (!units) {
    const out: DayRange[] = [];
    for (let from = unitStart(unit, range.from); from <= range.to; from = nextUnitStart(unit, from)) {
      out.push({ from, to: addDays(nextUnitStart(unit, from), -1) });
    }
    if (overlapping.size >= OVERLAPPING_KEPT) overlapping.clear();
    overlapping.set(key, out);
    units = out;
  }
  // Copies: a caller may change what it is given.
  return units.map((r) => ({ from: r.from, to: r.to }));
}

/** The calendar units that overlap `range`, clipped to it (for series). */
export function unitsWithin(unit: CalendarUnit, range: DayRange): DayRange[] {
  return unitsOverlapping(unit, range).map((r) => ({
    from: r.from < range.from ? range.from : r.from,
    to: r.to > range.to ? range.to : r.to,
  }));
}

export function dayCount(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** The days of `range` that have happened by `today`; null when it lies in the future. */
export function elapsedPart(range: DayRange, today: string): DayRange | null {
  return range.from > today ? null : { from: range.from, to: range.to < today ? range.to : today };
}

/** Makes a period of days, marking what has elapsed by `today`. */
export function periodOf(kind: PeriodKind, range: DayRange, today = todayInShanghai()): Period {
  return { kind, from: range.from, to: range.to, elapsed: elapsedPart(range, today), partial: range.from <= today && today < range.to };
}

/** The period just before: the previous month, quarter or year, or as many days right before a range. */
export function previousPeriod(period: Period, today = todayInShanghai()): Period {
  if (period.kind === PeriodKind.RANGE) {
    const days = dayCount(period);
    return periodOf(PeriodKind.RANGE, { from: addDays(period.from, -days), to: addDays(period.from, -1) }, today);
  }
  return periodOf(period.kind, unitContaining(period.kind, addDays(period.from, -1)), today);
}

/**
 * The part of `range` from `start` on: the range itself when it begins after the start (or there is
 * none), null when it ends before it.
 */
export function fromStart(range: DayRange, start: string | null): DayRange | null {
  if (!start || range.from >= start) return range;
  if (range.to < start) return null;
  return { from: start, to: range.to };
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function sameDayYearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const rest = day.slice(4) === '-02-29' && !leap ? '-02-28' : day.slice(4);
  return `${String(year).padStart(4, '0')}${rest}`;
}

/**
 * The same period a year earlier (同比): the same month, quarter or year, the week 52 weeks before (the
 * same weekdays), or a range's same days. While the period is unfinished, only the days it has had so
 * far are compared: 1–15 October against 1–15 October of the year before (同期).
 */
export function yearAgoPeriod(period: Period, today = todayInShanghai()): Period {
  const whole: DayRange =
    period.kind === PeriodKind.WEEK
      ? { from: addDays(period.from, -364), to: addDays(period.to, -364) }
      : period.kind === PeriodKind.RANGE
        ? { from: sameDayYearBefore(period.from), to: sameDayYearBefore(period.to) }
        : unitContaining(period.kind, sameDayYearBefore(period.from));
  const last =
    period.partial && period.elapsed
      ? period.kind === PeriodKind.WEEK
        ? addDays(period.elapsed.to, -364)
        : sameDayYearBefore(period.elapsed.to)
      : whole.to;
  return periodOf(period.kind, { from: whole.from, to: last < whole.to ? last : whole.to }, today);
}

/** How a client names a period: exactly one of the forms. */
export interface PeriodSpec {
  month?: string | null;
  quarter?: string | null;
  year?: number | null;
  week?: string | null;
  from?: string | null;
  to?: string | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_DAYS = 3 * 366 + 1;

/** Reads a period as a client names it; any other shape is a BAD_USER_INPUT naming the field. */
export function parsePeriod(spec: PeriodSpec, field = 'period', today = todayInShanghai()): Period {
  const forms = (['month', 'quarter', 'year', 'week'] as const).filter((key) => spec[key] != null);
  const ranged = spec.from != null || spec.to != null;
  if (forms.length + (ranged ? 1 : 0) !== 1) {
    throw new DomainValidationError(
      field,
      `${field} 须且只须给出 month、quarter、year、week 或 from/to 之一 (give exactly one of month, quarter, year, week, or from and to)`,
      InputErrorReason.ONE_FORM,
    );
  }
  if (spec.month != null) {
    const match = MONTH.exec(spec.month);
    if (!match)
      throw new DomainValidationError(`${field}.month`, `${field}.month 应为 YYYY-MM (expected YYYY-MM)`, InputErrorReason.FORMAT);
    return periodOf(PeriodKind.MONTH, unitContaining(PeriodKind.MONTH, `${spec.month}-01`), today);
  }
  if (spec.quarter != null) {
    const match = QUARTER.exec(spec.quarter);
    if (!match)
      throw new DomainValidationError(`${field}.quarter`, `${field}.quarter 应为 YYYY-Qn (expected YYYY-Qn)`, InputErrorReason.FORMAT);
    return periodOf(
      PeriodKind.QUARTER,
      unitContaining(PeriodKind.QUARTER, monthStart(Number(match[1]), (Number(match[2]) - 1) * 3 + 1)),
      today,
    );
  }
  if (spec.year != null) {
    if (!Number.isInteger(spec.year) || spec.year < 2000 || spec.year > 2100) {
      throw new DomainValidationError(
        `${field}.year`,
        `${field}.year 应在 2000–2100 之间 (expected a year from 2000 to 2100)`,
        InputErrorReason.RANGE,
      );
    }
    return periodOf(PeriodKind.YEAR, { from: `${spec.year}-01-01`, to: `${spec.year}-12-31` }, today);
  }
  if (spec.week != null) {
    if (!DAY.test(spec.week) || !validDay(spec.week)) {
      throw new DomainValidationError(
        `${field}.week`,
        `${field}.week 应为该周内的一天 YYYY-MM-DD (expected a day of the week)`,
        InputErrorReason.FORMAT,
      );
    }
    return periodOf(PeriodKind.WEEK, unitContaining(PeriodKind.WEEK, spec.week), today);
  }
  return periodOf(PeriodKind.RANGE, parseRange(spec.from, spec.to, field), today);
}

function validDay(day: string): boolean {
  return !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

/** A day range with both ends, in order, at most about three years long. */
export function parseRange(from: string | null | undefined, to: string | null | undefined, field: string): DayRange {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value == null)
      throw new DomainValidationError(`${field}.${name}`, `${field}.${name} 必填 (required with a range)`, InputErrorReason.REQUIRED);
    if (!DAY.test(value) || !validDay(value)) {
      throw new DomainValidationError(`${field}.${name}`, `${field}.${name} 应为 YYYY-MM-DD (expected a date)`, InputErrorReason.FORMAT);
    }
  }
  if (to! < from!)
    throw new DomainValidationError(`${field}.to`, `${field}.to 早于 from (the range ends before it starts)`, InputErrorReason.ORDER);
  if (dayCount({ from: from!, to: to! }) > MAX_RANGE_DAYS) {
    throw new DomainValidationError(`${field}.to`, `${field} 最长三年 (a range is at most three years)`, InputErrorReason.TOO_LONG);
  }
  return { from: from!, to: to! };
}
