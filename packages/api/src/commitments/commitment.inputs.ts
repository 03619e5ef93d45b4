import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsInt, IsNumber, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { TranslatedTextInput } from '../shared/i18n/translated';
import { CommitmentArea } from './commitment.entity';
import { Comparator, IndicatorPeriod } from './indicator.entity';

@InputType({ description: 'Which commitments to list.' })
export class CommitmentFilter {
  @Field(() => ID, { nullable: true, description: 'Only commitments of this program.' })
  @IsOptional()
  programId?: string | null;

  @Field(() => [CommitmentArea], { nullable: true, description: 'Only commitments of these areas.' })
  @IsOptional()
  @ArrayMaxSize(4)
  areas?: CommitmentArea[] | null;

  @Field({ defaultValue: false, description: 'Include retired commitments.' })
  includeRetired!: boolean;
}

@InputType({ description: 'A new commitment of a program.' })
export class CreateCommitmentInput extends CreateInput {
  @Field(() => ID, { description: 'The program that publishes it.' })
  programId!: string;

  @Field({ description: 'Short code, unique in the program: a capital letter then up to 9 capitals or digits, e.g. C14.' })
  @Matches(/^[A-Z][0-9A-Z]{1,9}$/, { message: 'code must be a capital letter followed by 1–9 capitals or digits' })
  code!: string;

  @Field(() => CommitmentArea, { description: 'The area it serves.' })
  area!: CommitmentArea;

  @Field(() => TranslatedTextInput, { description: 'Title in each language.' })
  @ValidateNested()
  title!: TranslatedTextInput;

  @Field(() => TranslatedTextInput, { nullable: true, description: 'Description in each language.' })
  @IsOptional()
  @ValidateNested()
  description?: TranslatedTextInput | null;

  @Field(() => ID, { nullable: true, description: 'Lead unit (牵头单位).' })
  @IsOptional()
  leadUnitId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Supporting units (配合单位).' })
  @ArrayMaxSize(30)
  @ArrayUnique()
  supportingUnitIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Position in the published list; last by default.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  sortOrder?: number | null;
}

@InputType({ description: 'Changes to a commitment; fields left out stay as they are.' })
export class UpdateCommitmentInput extends ChangeInput {
  @Field(() => CommitmentArea, { nullable: true, description: 'The area it serves.' })
  @IsOptional()
  area?: CommitmentArea;

  @Field(() => TranslatedTextInput, { nullable: true, description: 'Title in each language.' })
  @IsOptional()
  @ValidateNested()
  title?: TranslatedTextInput;

  @Field(() => TranslatedTextInput, { nullable: true, description: 'Description in each language.' })
  @IsOptional()
  @ValidateNested()
  description?: TranslatedTextInput;

  @Field(() => ID, { nullable: true, description: 'Lead unit.' })
  @IsOptional()
  leadUnitId?: string;

  @Field(() => [ID], { nullable: true, description: 'Supporting units (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ArrayUnique()
  supportingUnitIds?: string[];

  @Field(() => Int, { nullable: true, description: 'Position in the published list.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  sortOrder?: number;
}

@InputType({ description: 'A new indicator of a commitment.' })
export class AddIndicatorInput extends CreateInput {
  @Field(() => ID, { description: 'The commitment.' })
  commitmentId!: string;

  @Field({ description: 'A metric of the catalog, e.g. visitCoverage.' })
  @MaxLength(64)
  metric!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Metric parameters, e.g. { "minutes": 15 }; none by default.' })
  @IsOptional()
  params?: Record<string, unknown> | null;

  @Field(() => Float, { description: 'Target value in the metric’s unit, e.g. 95 for 95 %.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e7)
  @Max(1e7)
  target!: number;

  @Field(() => Comparator, { defaultValue: Comparator.GTE, description: 'How the value is compared with the target.' })
  comparator!: Comparator;

  @Field(() => IndicatorPeriod, { description: 'The period it is judged over.' })
  period!: IndicatorPeriod;

  @Field(() => TranslatedTextInput, { nullable: true, description: 'Label in each language.' })
  @IsOptional()
  @ValidateNested()
  label?: TranslatedTextInput | null;
}

@InputType({ description: 'Changes to an indicator; fields left out stay as they are.' })
export class UpdateIndicatorInput extends ChangeInput {
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Metric parameters.' })
  @IsOptional()
  params?: Record<string, unknown>;

  @Field(() => Float, { nullable: true, description: 'Target value.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e7)
  @Max(1e7)
  target?: number;

  @Field(() => Comparator, { nullable: true, description: 'Comparator.' })
  @IsOptional()
  comparator?: Comparator;

  @Field(() => IndicatorPeriod, { nullable: true, description: 'Period.' })
  @IsOptional()
  period?: IndicatorPeriod;

  @Field(() => TranslatedTextInput, { nullable: true, description: 'Label in each language.' })
  @IsOptional()
  @ValidateNested()
  label?: TranslatedTextInput;
}
