import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, IsInt, Max, MaxLength, Min } from 'class-validator';
import { DateRangeInput, CreateInput } from '../../shared/graphql/inputs';
import { PatrolKind } from './patrol.entity';
import { LocalDate } from '../../shared/graphql/scalars';

@InputType({ description: 'A patrol of the patrol and joint-defence team.' })
export class RecordPatrolInput extends CreateInput {
  @Field(() => ID, { description: 'The patrol team.' })
  teamId!: string;

  @Field(() => ID, { nullable: true, description: 'The zone patrolled; leave out for the whole park.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => LocalDate, { description: 'Day of the patrol; not in the future.' })
  patrolledOn!: string;

  @Field(() => PatrolKind, { description: 'On site or by video.' })
  kind!: PatrolKind;

  @Field(() => Int, { defaultValue: 0, description: 'Person-times (人次), 0–1000.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  personTimes!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Hazards found, 0–1000.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  hazardsFound!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Suspicious persons checked, 0–1000.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  suspiciousPersonsChecked!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Suspicious vehicles checked, 0–1000.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  suspiciousVehiclesChecked!: number;

  @Field(() => Int, { defaultValue: 0, description: 'People helped, 0–1000.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  peopleAssisted!: number;

  @Field({ defaultValue: '', description: 'Notes.' })
  @MaxLength(4000)
  notes!: string;
}

@InputType({ description: 'Which patrols to list.' })
export class PatrolFilter {
  @Field(() => ID, { nullable: true, description: 'Only patrols of teams of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only patrols of this team.' })
  @IsOptional()
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only patrols of this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => [PatrolKind], { nullable: true, description: 'Only patrols of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: PatrolKind[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only patrols on these days.' })
  @IsOptional()
  @ValidateNested()
  on?: DateRangeInput | null;
}
