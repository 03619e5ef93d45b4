import { LocalDate } from '../../shared/graphql/scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, ArrayUnique, MaxLength } from 'class-validator';
import { TimeRangeInput, ChangeInput, CreateInput } from '../../shared/graphql/inputs';
import { IncidentType } from './incident.entity';

@InputType({ description: 'A police incident at a served place and as much of its timeline as is known.' })
export class RecordIncidentInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The enterprise concerned; its park and zone follow.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The park, when no enterprise is named.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The zone, when no enterprise is named.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => IncidentType, { description: 'Kind of incident.' })
  type!: IncidentType;

  @Field({ defaultValue: '', description: 'What happened.' })
  @MaxLength(4000)
  summary!: string;

  @Field({ description: 'When the report was received.' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When officers were dispatched.' })
  @IsOptional()
  dispatchedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When officers arrived.' })
  @IsOptional()
  arrivedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @IsOptional()
  closedAt?: Date | null;

  @Field({ defaultValue: false, description: 'Handled under the quick-response mechanism.' })
  quickResponse!: boolean;

  @Field({ defaultValue: false, description: 'A criminal-class incident (刑事类警情).' })
  criminal!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the case was cleared (破案); criminal incidents only, not before it was received.',
  })
  @IsOptional()
  clearedOn?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Units that responded jointly.' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  jointUnitIds!: string[];

  @Field({ defaultValue: '', description: 'How it ended.' })
  @MaxLength(4000)
  outcome!: string;
}

@InputType({ description: 'The next steps of an open incident. Times already recorded are final; a closed incident is final.' })
export class UpdateIncidentInput extends ChangeInput {
  @Field(() => Date, { nullable: true, description: 'When officers were dispatched.' })
  @IsOptional()
  dispatchedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When officers arrived.' })
  @IsOptional()
  arrivedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @IsOptional()
  closedAt?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Handled under the quick-response mechanism.' })
  @IsOptional()
  quickResponse?: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the case was cleared (破案), for a criminal incident; it may be recorded after the incident was closed.',
  })
  @IsOptional()
  clearedOn?: string;

  @Field(() => [ID], { nullable: true, description: 'Units that responded jointly (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  jointUnitIds?: string[];

  @Field(() => String, { nullable: true, description: 'What happened.' })
  @IsOptional()
  @MaxLength(4000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'How it ended.' })
  @IsOptional()
  @MaxLength(4000)
  outcome?: string;
}

@InputType({ description: 'Which incidents to list.' })
export class IncidentFilter {
  @Field(() => ID, { nullable: true, description: 'Only incidents in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents in this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents at this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => [IncidentType], { nullable: true, description: 'Only incidents of these types.' })
  @IsOptional()
  @ArrayMaxSize(20)
  types?: IncidentType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or only closed (false) incidents.' })
  @IsOptional()
  open?: boolean | null;

  @Field(() => TimeRangeInput, { nullable: true, description: 'Only incidents received in this span.' })
  @IsOptional()
  @ValidateNested()
  receivedAt?: TimeRangeInput | null;
}
