import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../access/context';
import { STAFF, SYSTEM_ADMINS } from '../shared/auth/role';
import { payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { LocalDate } from '../shared/graphql/scalars';
import { findRows } from '../shared/db/rows';
import { DomainValidationError } from '../shared/validation';
import { InputErrorReason } from '../shared/errors/reasons';
import { daysBetween } from '../shared/time/calendar';
import { CalendarDay } from './calendar-day.entity';
import { SetCalendarDayInput } from './calendar.inputs';
import { setCalendarDay } from './calendar.service';

const CalendarDayPayload = payloadType('CalendarDayPayload', CalendarDay, 'calendarDay');

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Authorized(...STAFF)
  @Query(() => [CalendarDay], {
    description: 'The working calendar between two days (at most 3 years): the holidays and make-up working days time limits count with.',
  })
  async calendarDays(
    @Arg('from', () => LocalDate, { description: 'First day, included.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day, included.' }) to: string,
    @Ctx() { em }: Context,
  ): Promise<CalendarDay[]> {
    if (to < from) throw new DomainValidationError('to', 'to 不能早于 from (to is before from)', InputErrorReason.RANGE);
    if (daysBetween(from, to) > 3 * 366) throw new DomainValidationError('to', '至多 3 年 (at most 3 years)', InputErrorReason.RANGE);
    return findRows(em, CalendarDay, { where: { day: { $gte: from, $lte: to } }, orderBy: [{ day: 'asc' }] });
  }

  @Authorized(...SYSTEM_ADMINS)
  @Mutation(() => CalendarDayPayload, {
    description:
      'Sets what a day of the working calendar is (system administrators): a holiday, a make-up working day, or ordinary again. Time limits set later count with it.',
  })
  setCalendarDay(
    @Arg('input', { description: 'The day and what it is.' }) input: SetCalendarDayInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<CalendarDay>> {
    return runMutation(ctx, 'setCalendarDay', input, (em) => setCalendarDay(em, input));
  }
}
