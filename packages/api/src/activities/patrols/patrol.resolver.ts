import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../../shared/db/rows';
import { STAFF } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, paginate, type Page, childPage, connectionType } from '../../shared/pagination';
import { runMutation, type MutationPayload, payloadType } from '../../shared/graphql';
import { Patrol } from './patrol.entity';
import { Team } from '../../teams/team.entity';
import { Zone } from '../../parks/zone.entity';
import { RecordPatrolInput, PatrolFilter } from './patrol.inputs';
import { recordPatrol } from './patrol.service';
import { PATROL_ORDER, patrolWhere } from './patrol.filters';

const PatrolConnection = connectionType(Patrol);
const PatrolPayload = payloadType('PatrolPayload', Patrol, 'patrol');

@Resolver(() => Patrol)
export class PatrolResolver {
  @Authorized(...STAFF)
  @Query(() => PatrolConnection, { description: 'Patrols (巡逻), latest first.' })
  patrols(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PatrolFilter, { nullable: true, description: 'Which patrols.' }) filter?: PatrolFilter,
  ): Promise<Page<Patrol>> {
    return paginate(em, Patrol, patrolWhere(filter), PATROL_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Team, { description: 'The patrol team.' })
  team(@Root() patrol: Patrol, @Ctx() ctx: Context): Promise<Team> {
    return related(ctx, patrol.team);
  }

  @FieldResolver(() => Zone, { nullable: true, description: 'The zone patrolled; null for the whole park.' })
  async zone(@Root() patrol: Patrol, @Ctx() ctx: Context): Promise<Zone | null> {
    return relatedOrNull(ctx, patrol.zone);
  }

  @Authorized(...STAFF)
  @Mutation(() => PatrolPayload, { description: 'Records a patrol, on site or by video. Send an idempotency key for safe retries.' })
  recordPatrol(
    @Arg('input', { description: 'The patrol.' }) input: RecordPatrolInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Patrol>> {
    return runMutation(ctx, 'recordPatrol', input, (em) => recordPatrol(em, input));
  }
}

@Resolver(() => Team)
export class TeamPatrolsResolver {
  @FieldResolver(() => PatrolConnection, { description: 'Patrols of the team, latest first.' })
  patrols(
    @Root() team: Team,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PatrolFilter, { nullable: true, description: 'Which patrols.' }) filter?: PatrolFilter,
  ): Promise<Page<Patrol>> {
    return childPage(
      em,
      loaders,
      { entity: Patrol, parent: 'team', where: patrolWhere(filter), ordering: PATROL_ORDER },
      team.id,
      args,
      info,
    );
  }
}
