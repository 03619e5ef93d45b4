import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull, relatedMany } from '../../shared/db/rows';
import { ADMINS } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Engagement } from './engagement.entity';
import { RecordEngagementInput, EngagementFilter } from './engagement.inputs';
import { recordEngagement } from './engagement.service';
import { ENGAGEMENT_ORDER, engagementWhere } from './engagement.filters';

const EngagementConnection = connectionType(Engagement);
const EngagementPayload = payloadType('EngagementPayload', Engagement, 'engagement');

@Resolver(() => Engagement)
export class EngagementResolver {
  @Authorized(...ADMINS)
  @Query(() => EngagementConnection, { description: 'Meetings, events and bulletins (警企互动), latest first.' })
  engagements(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EngagementFilter, { nullable: true, description: 'Which engagements.' }) filter?: EngagementFilter,
  ): Promise<Page<Engagement>> {
    return paginate(em, Engagement, engagementWhere(filter), ENGAGEMENT_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() engagement: Engagement, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, engagement.park);
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'The organizing unit.' })
  async organizer(@Root() engagement: Engagement, @Ctx() ctx: Context): Promise<PoliceUnit | null> {
    return relatedOrNull(ctx, engagement.organizer);
  }

  @FieldResolver(() => [Enterprise], { description: 'Enterprises that took part.' })
  async enterprises(@Root() engagement: Engagement, @Ctx() ctx: Context): Promise<Enterprise[]> {
    return await relatedMany(ctx, engagement, 'enterprises');
  }

  @Authorized(...ADMINS)
  @Mutation(() => EngagementPayload, { description: 'Records a meeting, event or bulletin.' })
  recordEngagement(
    @Arg('input', { description: 'The engagement.' }) input: RecordEngagementInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Engagement>> {
    return runMutation(ctx, 'recordEngagement', input, (em) => recordEngagement(em, input));
  }
}
