import { Field, InputType, Int } from 'type-graphql';
import { LocalDate } from '../shared/graphql/scalars';

@InputType({
  description:
    'A reporting period on the calendar of the program’s time zone (Asia/Shanghai unless it says otherwise): exactly one of `month`, `quarter`, `year`, `week`, or `from` with `to`.',
})
export class PeriodInput {
  @Field(() => String, { nullable: true, description: 'A month, `YYYY-MM`, e.g. 2026-11.' })
  month?: string | null;

  @Field(() => String, { nullable: true, description: 'A quarter, `YYYY-Qn`, e.g. 2026-Q4.' })
  quarter?: string | null;

  @Field(() => Int, { nullable: true, description: 'A calendar year, e.g. 2026.' })
  year?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'The week (Monday to Sunday) containing this day.' })
  week?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day of a range of days (at most three years), with `to`.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of a range of days, included, with `from`.' })
  to?: string | null;
}
