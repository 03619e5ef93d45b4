import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';
import { FacilityKind } from './facility.entity';

@InputType({ description: 'Facilities that came into service in a place.' })
export class RecordFacilityInput extends CreateInput {
  @Field(() => ID, { description: 'The place (park, site, community …) they serve.' })
  parkId!: string;

  @Field(() => FacilityKind, { description: 'What they are.' })
  kind!: FacilityKind;

  @Field(() => Int, { description: 'How many units (camera channels, buttons, offices …); 1 to 100,000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @Field({ defaultValue: '', description: 'Where they are.' })
  @MaxLength(200)
  location!: string;

  @Field(() => LocalDate, { description: 'Day they came into service; not in the future.' })
  installedOn!: string;
}

@InputType({ description: 'Facilities taken out of service.' })
export class RemoveFacilityInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Day they were taken out of service: not before they came in, not in the future.' })
  removedOn!: string;
}

@InputType({ description: 'Which facilities to list.' })
export class FacilityFilter {
  @Field(() => ID, { nullable: true, description: 'Only facilities of this place.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => [FacilityKind], { nullable: true, description: 'Only facilities of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: FacilityKind[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only facilities in service on this day.' })
  @IsOptional()
  inServiceOn?: string | null;
}
