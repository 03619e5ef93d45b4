import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';
import { CREDIT_CODE_SHAPE, CREDIT_CODE_SHAPE_MESSAGE } from '../shared/validation/credit-code';
import { ParticipantRole } from './organisation.entity';

@InputType({ description: 'A new organisation on a program’s register.' })
export class CreateOrganisationInput extends CreateInput {
  @Field(() => ID, { description: 'The program whose places it works at.' })
  programId!: string;

  @Field({ description: 'Registered name.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field({ description: 'Unified social credit code: 18 characters with a valid GB 32100-2015 check character; once per program.' })
  @Matches(CREDIT_CODE_SHAPE, { message: CREDIT_CODE_SHAPE_MESSAGE })
  creditCode!: string;
}

@InputType({ description: 'Changes to an organisation; fields left out stay as they are.' })
export class UpdateOrganisationInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Corrected credit code.' })
  @IsOptional()
  @Matches(CREDIT_CODE_SHAPE, { message: CREDIT_CODE_SHAPE_MESSAGE })
  creditCode?: string;
}

@InputType({ description: 'Which organisations to list.' })
export class OrganisationFilter {
  @Field(() => ID, { nullable: true, description: 'Only organisations of this program.' })
  @IsOptional()
  programId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or of the credit code.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include archived organisations.' })
  includeArchived!: boolean;
}

@InputType({ description: 'An organisation starts working at a place.' })
export class AddPlaceParticipantInput extends CreateInput {
  @Field(() => ID, { description: 'The place (an Enterprise record of any kind).' })
  enterpriseId!: string;

  @Field(() => ID, { description: 'The organisation, of the same program as the place.' })
  organisationId!: string;

  @Field(() => ParticipantRole, { description: 'Its role there; GENERAL_CONTRACTOR only at a construction project, one at a time.' })
  role!: ParticipantRole;

  @Field(() => ID, {
    nullable: true,
    description:
      'The participant it works under, at the same place and still there: the general contractor for a subcontractor, the general contractor or a subcontractor for a work team; none for a general contractor.',
  })
  @IsOptional()
  parentId?: string | null;

  @Field(() => LocalDate, { description: 'Day it started at the place; not in the future, not before the one it works under.' })
  joinedOn!: string;
}

@InputType({ description: 'An organisation has left a place; those working under it leave with it.' })
export class EndPlaceParticipantInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Day it left: not before it started, not in the future.' })
  leftOn!: string;
}

@InputType({ description: 'Which participants to list.' })
export class PlaceParticipantFilter {
  @Field(() => ID, { nullable: true, description: 'Only at places of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only at this place.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this organisation’s.' })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => ParticipantRole, { nullable: true, description: 'Only in this role.' })
  @IsOptional()
  role?: ParticipantRole | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only those at the place on this day.' })
  @IsOptional()
  activeOn?: string | null;
}
