import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, ArrayUnique, IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DateRangeInput, CreateInput } from '../../shared/graphql/inputs';
import { EngagementType } from './engagement.entity';
import { LocalDate } from '../../shared/graphql/scalars';

@InputType({ description: 'A meeting, event or bulletin held in a park.' })
export class RecordEngagementInput extends CreateInput {
  @Field(() => ID, { description: 'The park.' })
  parkId!: string;

  @Field(() => EngagementType, { description: 'Kind of engagement.' })
  type!: EngagementType;

  @Field({ description: 'Title.' })
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @Field(() => LocalDate, { description: 'Day it was held; not in the future.' })
  heldOn!: string;

  @Field(() => ID, { nullable: true, description: 'The organizing unit.' })
  @IsOptional()
  organizerId?: string | null;

  @Field(() => Int, { defaultValue: 0, description: 'Number of attendees, 0–100000.' })
  @IsInt()
  @Min(0)
  @Max(100000)
  attendees!: number;

  @Field(() => [ID], { defaultValue: [], description: 'Enterprises that took part; they must be in the park.' })
  @ArrayMaxSize(1000)
  @ArrayUnique()
  enterpriseIds!: string[];
}

@InputType({ description: 'Which engagements to list.' })
export class EngagementFilter {
  @Field(() => ID, { nullable: true, description: 'Only engagements in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only engagements this enterprise took part in.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => [EngagementType], { nullable: true, description: 'Only engagements of these types.' })
  @IsOptional()
  @ArrayMaxSize(20)
  types?: EngagementType[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only engagements held on these days.' })
  @IsOptional()
  @ValidateNested()
  heldOn?: DateRangeInput | null;
}
