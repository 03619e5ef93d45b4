import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../shared/graphql/scalars';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';

@InputType({ description: 'Which parks to list.' })
export class ParkFilter {
  @Field(() => ID, { nullable: true, description: 'Only parks of this program.' })
  @IsOptional()
  programId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or region.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include archived parks.' })
  includeArchived!: boolean;
}

@InputType({ description: 'A new park (工业园区) of a program.' })
export class CreateParkInput extends CreateInput {
  @Field(() => ID, { description: 'The program that protects the park.' })
  programId!: string;

  @Field({ description: 'Name, unique within the program.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field({ defaultValue: '', description: 'Level or designation, e.g. 省级化工园区.' })
  @MaxLength(100)
  level!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it joined its program; no period of the park before it is judged.' })
  startsOn?: string | null;

  @Field({ description: 'Region the park lies in.' })
  @MinLength(1)
  @MaxLength(100)
  region!: string;
}

@InputType({ description: 'Changes to a park; fields left out stay as they are.' })
export class UpdateParkInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New level.' })
  @IsOptional()
  @MaxLength(100)
  level?: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it joined its program.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'New region.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  region?: string;
}

@InputType({ description: 'Which zones to list.' })
export class ZoneFilter {
  @Field(() => ID, { nullable: true, description: 'Only zones of this park (for the root list; a park’s own list has only its zones).' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include archived zones.' })
  includeArchived!: boolean;
}

@InputType({ description: 'A new zone (片区) of a park.' })
export class CreateZoneInput extends CreateInput {
  @Field(() => ID, { description: 'The park the zone belongs to.' })
  parkId!: string;

  @Field({ description: 'Name, unique within the park, e.g. 化工片区.' })
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

@InputType({ description: 'Changes to a zone.' })
export class UpdateZoneInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
}
