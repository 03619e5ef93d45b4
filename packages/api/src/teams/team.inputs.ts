import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';
import { TeamType } from './team.entity';
import { TeamMemberKind } from './team-member.entity';

@InputType({ description: 'Which teams to list.' })
export class TeamFilter {
  @Field(() => ID, { nullable: true, description: 'Only teams of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only teams that work this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => [TeamType], { nullable: true, description: 'Only teams of these types.' })
  @IsOptional()
  @ArrayMaxSize(3)
  types?: TeamType[] | null;

  @Field({ defaultValue: false, description: 'Include disbanded teams.' })
  includeArchived!: boolean;
}

@InputType({ description: 'A new team of a park.' })
export class CreateTeamInput extends CreateInput {
  @Field(() => ID, { description: 'The park it works.' })
  parkId!: string;

  @Field(() => ID, { nullable: true, description: 'The zone it works; leave out for the whole park.' })
  @IsOptional()
  zoneId?: string | null;

  @Field({ description: 'Name of the team.' })
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => TeamType, { description: 'Which of the three teams.' })
  type!: TeamType;
}

@InputType({ description: 'Changes to a team.' })
export class UpdateTeamInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'The zone it works from now on; null for the whole park.' })
  @IsOptional()
  zoneId?: string | null;
}

@InputType({ description: 'Which team members to list.' })
export class TeamMemberFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only current (true) or only former (false) members.' })
  @IsOptional()
  current?: boolean | null;

  @Field(() => [TeamMemberKind], { nullable: true, description: 'Only members of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  kinds?: TeamMemberKind[] | null;
}

@InputType({ description: 'A new member of a team: an officer by id, anyone else by name.' })
export class AddTeamMemberInput extends CreateInput {
  @Field(() => ID, { description: 'The team.' })
  teamId!: string;

  @Field(() => TeamMemberKind, { description: 'Who the member is.' })
  kind!: TeamMemberKind;

  @Field(() => ID, { nullable: true, description: 'The officer, for kind OFFICER.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The enterprise a guard works for, for kind ENTERPRISE_GUARD.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of a member who is not an officer.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone (personal data).' })
  @IsOptional()
  @MaxLength(20)
  phone?: string | null;

  @Field(() => LocalDate, { description: 'Day the member joins.' })
  joinedOn!: string;
}

@InputType({ description: 'A member leaves a team; the membership stays in the history.' })
export class RemoveTeamMemberInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Last day in the team.' })
  leftOn!: string;
}
