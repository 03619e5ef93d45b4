import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { CreateInput, ChangeInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';

@InputType({ description: 'Which liaison assignments to list.' })
export class LiaisonAssignmentFilter {
  @Field(() => ID, { nullable: true, description: 'Only assignments of this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assignments of this officer.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only current (true) or only ended (false) assignments.' })
  @IsOptional()
  current?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only assignments in force on this day.' })
  @IsOptional()
  activeOn?: string | null;
}

@InputType({
  description: 'Make an officer the liaison officer of an enterprise from a day on; the current assignment ends the day before.',
})
export class AssignLiaisonOfficerInput extends CreateInput {
  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId!: string;

  @Field(() => ID, { description: 'The officer who takes it over.' })
  officerId!: string;

  @Field(() => LocalDate, { description: 'First day of the new assignment.' })
  startsOn!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Supporting police branches, the "N" of 1+N.' })
  @ArrayMaxSize(20)
  supportingBranchIds!: string[];
}

@InputType({ description: 'End a liaison assignment without a successor.' })
export class EndLiaisonAssignmentInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Last day of the assignment.' })
  endsOn!: string;
}
