import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, MaxLength } from 'class-validator';
import { DateRangeInput, CreateInput } from '../../shared/graphql/inputs';
import { RecognitionKind } from './recognition.entity';
import { LocalDate } from '../../shared/graphql/scalars';

@InputType({ description: 'A thank-you pennant or letter from an enterprise.' })
export class RecordRecognitionInput extends CreateInput {
  @Field(() => ID, { description: 'The enterprise that gave it.' })
  enterpriseId!: string;

  @Field(() => RecognitionKind, { description: 'Pennant or letter.' })
  kind!: RecognitionKind;

  @Field(() => LocalDate, { description: 'Day it was received; not in the future.' })
  receivedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The officer it names.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit it names.' })
  @IsOptional()
  unitId?: string | null;

  @Field({ defaultValue: '', description: 'What it says.' })
  @MaxLength(2000)
  message!: string;
}

@InputType({ description: 'Which recognitions to list.' })
export class RecognitionFilter {
  @Field(() => ID, { nullable: true, description: 'Only recognitions from enterprises of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only recognitions from this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only recognitions naming this officer.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => [RecognitionKind], { nullable: true, description: 'Only recognitions of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: RecognitionKind[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only recognitions received on these days.' })
  @IsOptional()
  @ValidateNested()
  receivedOn?: DateRangeInput | null;
}
