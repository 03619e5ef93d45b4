import { Field, ID, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { CreateInput } from '../../shared/graphql/inputs';
import { LocalDate } from '../../shared/graphql/scalars';
import { PatrolKind } from './patrol.entity';

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
