import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { PoliceUnitKind } from './police-unit.entity';

@InputType({ description: 'Which police units to list.' })
export class PoliceUnitFilter {
  @Field(() => ID, { nullable: true, description: 'Only units of this program.' })
  @IsOptional()
  programId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only units stationed in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only units that cover this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => [PoliceUnitKind], { nullable: true, description: 'Only units of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  kinds?: PoliceUnitKind[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or specialism.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include archived units.' })
  includeArchived!: boolean;
}

@InputType({ description: 'A new police unit: station, workstation, branch or monitoring centre.' })
export class CreatePoliceUnitInput extends CreateInput {
  @Field(() => ID, { description: 'The program the unit serves.' })
  programId!: string;

  @Field({ description: 'Name, unique within the program, e.g. 城关派出所.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => PoliceUnitKind, { description: 'Kind of unit.' })
  kind!: PoliceUnitKind;

  @Field(() => String, { nullable: true, description: 'For a branch: its specialism, e.g. 治安, 刑侦.' })
  @IsOptional()
  @MaxLength(50)
  specialism?: string | null;

  @Field(() => ID, { nullable: true, description: 'The park it is stationed in, if any.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Zones it covers (辖区); they must lie in its park.' })
  @ArrayMaxSize(100)
  zoneIds!: string[];
}

@InputType({ description: 'Changes to a police unit; fields left out stay as they are.' })
export class UpdatePoliceUnitInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New specialism.' })
  @IsOptional()
  @MaxLength(50)
  specialism?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The zones it covers from now on (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(100)
  zoneIds?: string[] | null;
}
