import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CreateInput } from '../../shared/graphql/inputs';
import { LocalDate } from '../../shared/graphql/scalars';
import { EngagementType } from './engagement.entity';
import { RecognitionKind } from '../recognitions/recognition.entity';

@InputType({ description: 'A meeting, event or bulletin held in a park.' })
export class RecordEngagementInput extends CreateInput {
  @Field(() => ID, { description: 'The park.' })
  parkId!: string;

  @Field(() => EngagementType, { description: 'Kind of engagement.' })
  type!: EngagementType;

  @Field({ description: 'Title.' })
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @Field(() => LocalDate, { description: 'Day it was held; not in the future.' })
  heldOn!: string;

  @Field(() => ID, { nullable: true, description: 'The organizing unit.' })
  @IsOptional()
  organizerId?: string | null;

  @Field(() => Int, { defaultValue: 0, description: 'Number of attendees, 0–100000.' })
  @IsInt()
  @Min(0)
  @Max(100000)
  attendees!: number;

  @Field(() => [ID], { defaultValue: [], description: 'Enterprises that took part; they must be in the park.' })
  @ArrayMaxSize(1000)
  @ArrayUnique()
  enterpriseIds!: string[];
}

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
