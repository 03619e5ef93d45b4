import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../shared/graphql/scalars';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';

@InputType({ description: 'Which programs to list.' })
export class ProgramFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or region.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include archived programs.' })
  includeArchived!: boolean;
}

@InputType({ description: 'A new program (工作机制).' })
export class CreateProgramInput extends CreateInput {
  @Field({ description: 'Name, unique, e.g. 某县公安局护航工业园区工作机制.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field({ description: 'County or region that runs it.' })
  @MinLength(1)
  @MaxLength(100)
  region!: string;

  @Field({ description: 'The bureau that runs it.' })
  @MinLength(1)
  @MaxLength(200)
  bureau!: string;

  @Field({ defaultValue: '', description: 'What the program is and does.' })
  @MaxLength(4000)
  description!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it began; no period before it is judged.' })
  startsOn?: string | null;

  @Field({ defaultValue: 'Asia/Shanghai', description: 'IANA time zone of its calendar.' })
  @MaxLength(64)
  timeZone!: string;
}

@InputType({ description: 'Changes to a program; fields left out stay as they are.' })
export class UpdateProgramInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New region.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  region?: string;

  @Field(() => String, { nullable: true, description: 'New bureau.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  bureau?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it began.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'New IANA time zone.' })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string;
}
