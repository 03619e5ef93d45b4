import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../shared/db/rows';
import { ADMINS, STAFF } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { Officer } from '../officers/officer.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Team } from './team.entity';
import { TeamMember } from './team-member.entity';
import { AddTeamMemberInput, CreateTeamInput, RemoveTeamMemberInput, TeamFilter, TeamMemberFilter, UpdateTeamInput } from './team.inputs';
import {
  addTeamMember,
  archiveTeam,
  createTeam,
  removeTeamMember,
  teamMemberWhere,
  TEAM_MEMBER_ORDER,
  teamWhere,
  TEAM_ORDER,
  updateTeam,
} from './team.service';

const TeamConnection = connectionType(Team);
const TeamMemberConnection = connectionType(TeamMember);
const TeamPayload = payloadType('TeamPayload', Team, 'team');
const TeamMemberPayload = payloadType('TeamMemberPayload', TeamMember, 'teamMember');

@Resolver(() => Team)
export class TeamResolver {
  @Authorized(...STAFF)
  @Query(() => TeamConnection, { description: 'Police–enterprise teams, by type and name.' })
  teams(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => TeamFilter, { nullable: true, description: 'Which teams.' }) filter?: TeamFilter,
  ): Promise<Page<Team>> {
    return paginate(em, Team, teamWhere(filter), TEAM_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Park, { description: 'The park the team works.' })
  park(@Root() team: Team, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, team.park);
  }

  @FieldResolver(() => Zone, { nullable: true, description: 'The zone the team works; null for the whole park.' })
  async zone(@Root() team: Team, @Ctx() ctx: Context): Promise<Zone | null> {
    return relatedOrNull(ctx, team.zone);
  }

  @FieldResolver(() => TeamMemberConnection, { description: 'Members, in the order they joined.' })
  members(
    @Root() team: Team,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => TeamMemberFilter, { nullable: true, description: 'Which members.' }) filter?: TeamMemberFilter,
  ): Promise<Page<TeamMember>> {
    const spec = { entity: TeamMember, parent: 'team', where: teamMemberWhere(filter), ordering: TEAM_MEMBER_ORDER };
    return childPage(em, loaders, spec, team.id, args, info);
  }

  @Authorized(...ADMINS)
  @Mutation(() => TeamPayload, { description: 'Forms a team in a park.' })
  createTeam(@Arg('input', { description: 'The new team.' }) input: CreateTeamInput, @Ctx() ctx: Context): Promise<MutationPayload<Team>> {
    return runMutation(ctx, 'createTeam', input, (em) => createTeam(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => TeamPayload, { description: 'Changes a team.' })
  updateTeam(@Arg('input', { description: 'The changes.' }) input: UpdateTeamInput, @Ctx() ctx: Context): Promise<MutationPayload<Team>> {
    return runMutation(ctx, 'updateTeam', input, (em) => updateTeam(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => TeamPayload, { description: 'Disbands a team; its patrols and members stay in the history.' })
  archiveTeam(
    @Arg('input', { description: 'The team to disband.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Team>> {
    return runMutation(ctx, 'archiveTeam', input, (em) => archiveTeam(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => TeamMemberPayload, { description: 'Adds a member to a team.' })
  addTeamMember(
    @Arg('input', { description: 'The new member.' }) input: AddTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<TeamMember>> {
    return runMutation(ctx, 'addTeamMember', input, (em) => addTeamMember(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => TeamMemberPayload, { description: 'Records that a member left a team.' })
  removeTeamMember(
    @Arg('input', { description: 'The member and the last day.' }) input: RemoveTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<TeamMember>> {
    return runMutation(ctx, 'removeTeamMember', input, (em) => removeTeamMember(em, input));
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @FieldResolver(() => Team, { description: 'The team.' })
  team(@Root() member: TeamMember, @Ctx() ctx: Context): Promise<Team> {
    return related(ctx, member.team);
  }

  @FieldResolver(() => Officer, { nullable: true, description: 'The officer, for an officer member.' })
  async officer(@Root() member: TeamMember, @Ctx() ctx: Context): Promise<Officer | null> {
    return relatedOrNull(ctx, member.officer);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise a guard works for.' })
  async enterprise(@Root() member: TeamMember, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return relatedOrNull(ctx, member.enterprise);
  }

  @FieldResolver(() => String, {
    description:
      'Display name: the officer’s name for officers, the recorded name for others; "民警" for an officer the viewer may not read (of another park).',
  })
  async displayName(@Root() member: TeamMember, @Ctx() ctx: Context): Promise<string> {
    if (!member.officer) return member.name ?? '';
    // An officer out of the viewer's scope reads as nothing, not as an error that blanks the team.
    const officer = await relatedOrNull(ctx, member.officer);
    return officer?.name ?? member.name ?? '民警';
  }
}

@Resolver(() => Park)
export class ParkTeamsResolver {
  @FieldResolver(() => TeamConnection, { description: 'The police–enterprise teams that work the park.' })
  teams(
    @Root() park: Park,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => TeamFilter, { nullable: true, description: 'Which teams.' }) filter?: TeamFilter,
  ): Promise<Page<Team>> {
    return childPage(em, loaders, { entity: Team, parent: 'park', where: teamWhere(filter), ordering: TEAM_ORDER }, park.id, args, info);
  }
}
