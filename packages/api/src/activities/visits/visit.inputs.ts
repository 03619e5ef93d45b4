import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, ArrayMinSize, ArrayUnique, MaxLength } from 'class-validator';
import { DateRangeInput, ChangeInput, CreateInput } from '../../shared/graphql/inputs';
import { LocalDate } from '../../shared/graphql/scalars';
import { VisitActivity } from './visit.entity';

@InputType({ description: 'A liaison officer’s visit to an enterprise.' })
export class RecordVisitInput extends CreateInput {
  @Field(() => ID, { description: 'The officer who visited.' })
  officerId!: string;

  @Field(() => ID, { description: 'The enterprise visited.' })
  enterpriseId!: string;

  @Field(() => LocalDate, { description: 'Day of the visit; not in the future.' })
  visitedOn!: string;

  @Field(() => [VisitActivity], { description: 'What was done; at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  activities!: VisitActivity[];

  @Field({ defaultValue: '', description: 'What the officer found or was asked.' })
  @MaxLength(4000)
  findings!: string;
}

@InputType({ description: 'Corrections to a visit; fields left out stay as they are.' })
export class UpdateVisitInput extends ChangeInput {
  @Field(() => [VisitActivity], { nullable: true, description: 'What was done.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  activities?: VisitActivity[];

  @Field(() => String, { nullable: true, description: 'What the officer found or was asked.' })
  @IsOptional()
  @MaxLength(4000)
  findings?: string;
}

@InputType({ description: 'Which visits to list.' })
export class VisitFilter {
  @Field(() => ID, { nullable: true, description: 'Only visits to enterprises of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only visits to this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only visits by this officer.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only visits on these days.' })
  @IsOptional()
  @ValidateNested()
  on?: DateRangeInput | null;
}
