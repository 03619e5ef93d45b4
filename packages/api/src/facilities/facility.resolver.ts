import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related } from '../shared/db/rows';
import { ADMINS } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, paginate, type Page, childPage, connectionType } from '../shared/pagination';
import { runMutation, type MutationPayload, payloadType } from '../shared/graphql';
import { Park } from '../parks/park.entity';
import { Facility } from './facility.entity';
import { FacilityFilter, RecordFacilityInput, RemoveFacilityInput } from './facility.inputs';
import { recordFacility, removeFacility } from './facility.service';
import { FACILITY_ORDER, facilityWhere } from './facility.filters';

const FacilityConnection = connectionType(Facility);
const FacilityPayload = payloadType('FacilityPayload', Facility, 'facility');

@Resolver(() => Facility)
export class FacilityResolver {
  @Authorized(...ADMINS)
  @Query(() => FacilityConnection, { description: 'Facilities of the places in scope (cameras, alarms, police offices …), latest first.' })
  facilities(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => FacilityFilter, { nullable: true, description: 'Which facilities.' }) filter?: FacilityFilter,
  ): Promise<Page<Facility>> {
    return paginate(em, Facility, facilityWhere(filter), FACILITY_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Park, { description: 'The place they serve.' })
  park(@Root() facility: Facility, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, facility.park);
  }

  @Authorized(...ADMINS)
  @Mutation(() => FacilityPayload, { description: 'Records facilities that came into service in a place.' })
  recordFacility(
    @Arg('input', { description: 'The facilities.' }) input: RecordFacilityInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Facility>> {
    return runMutation(ctx, 'recordFacility', input, (em) => recordFacility(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => FacilityPayload, { description: 'Takes facilities out of service on a day; their record stays.' })
  removeFacility(
    @Arg('input', { description: 'The facilities and the day.' }) input: RemoveFacilityInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Facility>> {
    return runMutation(ctx, 'removeFacility', input, (em) => removeFacility(em, input));
  }
}

@Resolver(() => Park)
export class ParkFacilitiesResolver {
  // Where the cameras and posts are is for the place's administrators, as the list is.
  @Authorized(...ADMINS)
  @FieldResolver(() => FacilityConnection, { description: 'Facilities installed in the place, latest first.' })
  facilities(
    @Root() park: Park,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => FacilityFilter, { nullable: true, description: 'Which facilities.' }) filter?: FacilityFilter,
  ): Promise<Page<Facility>> {
    const spec = { entity: Facility, parent: 'park', where: facilityWhere(filter), ordering: FACILITY_ORDER };
    return childPage(em, loaders, spec, park.id, args, info);
  }
}
