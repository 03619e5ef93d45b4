import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../../shared/db/rows';
import { ADMINS, STAFF } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, connectionType, paginate, type Page, childPage } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { todayInShanghai } from '../../shared/time/calendar';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Hazard } from './hazard.entity';
import { Patrol } from '../patrols/patrol.entity';
import { Visit } from '../visits/visit.entity';
import { RectifyHazardInput, ReportHazardInput, HazardFilter, HazardState } from './hazard.inputs';
import { rectifyHazard, reportHazard } from './hazard.service';
import { HAZARD_ORDER, hazardWhere } from './hazard.filters';

const HazardConnection = connectionType(Hazard);
const HazardPayload = payloadType('HazardPayload', Hazard, 'hazard');

@Resolver(() => Hazard)
export class HazardResolver {
  @Authorized(...STAFF)
  @Query(() => HazardConnection, { description: 'Hazards (隐患), latest found first.' })
  hazards(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => HazardFilter, { nullable: true, description: 'Which hazards.' }) filter?: HazardFilter,
  ): Promise<Page<Hazard>> {
    return paginate(em, Hazard, hazardWhere(filter), HAZARD_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => HazardState, { description: 'Open, overdue or rectified, today in Asia/Shanghai.' })
  state(@Root() hazard: Hazard): HazardState {
    if (hazard.rectifiedOn) return HazardState.RECTIFIED;
    return hazard.deadline < todayInShanghai() ? HazardState.OVERDUE : HazardState.OPEN;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Rectified by its deadline; null while open and within it.' })
  rectifiedByDeadline(@Root() hazard: Hazard): boolean | null {
    if (hazard.rectifiedOn) return hazard.rectifiedOn <= hazard.deadline;
    return hazard.deadline < todayInShanghai() ? false : null;
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() hazard: Hazard, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, hazard.park);
  }

  @FieldResolver(() => Zone, { nullable: true, description: 'The zone, if known.' })
  async zone(@Root() hazard: Hazard, @Ctx() ctx: Context): Promise<Zone | null> {
    return relatedOrNull(ctx, hazard.zone);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation answerable for putting it right, where one is named.',
  })
  async organisation(@Root() hazard: Hazard, @Ctx() ctx: Context): Promise<Organisation | null> {
    return relatedOrNull(ctx, hazard.organisation);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise it is in; null for a place outside enterprises.' })
  async enterprise(@Root() hazard: Hazard, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return relatedOrNull(ctx, hazard.enterprise);
  }

  @FieldResolver(() => Patrol, { nullable: true, description: 'The patrol that found it.' })
  async patrol(@Root() hazard: Hazard, @Ctx() ctx: Context): Promise<Patrol | null> {
    return relatedOrNull(ctx, hazard.patrol);
  }

  @FieldResolver(() => Visit, { nullable: true, description: 'The visit that found it.' })
  async visit(@Root() hazard: Hazard, @Ctx() ctx: Context): Promise<Visit | null> {
    return relatedOrNull(ctx, hazard.visit);
  }

  @Authorized(...ADMINS)
  @Mutation(() => HazardPayload, { description: 'Reports a hazard found by a patrol, a visit, an inspection or a report.' })
  reportHazard(
    @Arg('input', { description: 'The hazard.' }) input: ReportHazardInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Hazard>> {
    return runMutation(ctx, 'reportHazard', input, (em) => reportHazard(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => HazardPayload, { description: 'Records that a hazard was rectified; a rectified hazard is an INVALID_TRANSITION.' })
  rectifyHazard(
    @Arg('input', { description: 'The hazard and the day.' }) input: RectifyHazardInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Hazard>> {
    return runMutation(ctx, 'rectifyHazard', input, (em) => rectifyHazard(em, input));
  }
}

@Resolver(() => Enterprise)
export class EnterpriseHazardsResolver {
  @FieldResolver(() => HazardConnection, { description: 'Hazards found at the enterprise, latest first.' })
  hazards(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => HazardFilter, { nullable: true, description: 'Which hazards.' }) filter?: HazardFilter,
  ): Promise<Page<Hazard>> {
    const spec = { entity: Hazard, parent: 'enterprise', where: hazardWhere(filter), ordering: HAZARD_ORDER };
    return childPage(em, loaders, spec, enterprise.id, args, info);
  }
}
