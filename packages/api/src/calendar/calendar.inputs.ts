import { Field, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { CreateInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';
import { CalendarDayKind } from './calendar-day.entity';

@InputType({ description: 'What a day of the working calendar is: a holiday, a make-up working day, or ordinary again.' })
export class SetCalendarDayInput extends CreateInput {
  @Field(() => LocalDate, { description: 'The day.' })
  day!: string;

  @Field(() => CalendarDayKind, { description: 'HOLIDAY (off on a weekday), WORKDAY (worked on a weekend) or ORDINARY.' })
  kind!: CalendarDayKind;

  @Field(() => String, { nullable: true, description: 'Why, e.g. 国庆节.' })
  @IsOptional()
  @MaxLength(100)
  name?: string | null;
}
