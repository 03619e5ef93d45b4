import { Authorized, Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMINS } from '../../shared/auth/role';
import { ref } from '@mikro-orm/core';
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
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => EngagementFilter, { nullable: true, description: 'Which engagements.' }) filter?: EngagementFilter,
  ): Promise<Page<Engagement>> {
    return paginate(em, Engagement, engagementWhere(filter), ENGAGEMENT_ORDER, args);
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() engagement: Engagement): Promise<Park> {
    return ref(engagement.park).loadOrFail();
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'The organizing unit.' })
  async organizer(@Root() engagement: Engagement): Promise<PoliceUnit | null> {
    return engagement.organizer ? ref(engagement.organizer).loadOrFail() : null;
  }

  @FieldResolver(() => [Enterprise], { description: 'Enterprises that took part.' })
  async enterprises(@Root() engagement: Engagement): Promise<Enterprise[]> {
    return (await engagement.enterprises.load()).getItems();
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
