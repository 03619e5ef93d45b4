import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../../shared/db/rows';
import { maskName, maskPhone, personalField } from '../../shared/auth/masking';
import { ADMINS, STAFF } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, connectionType, paginate, type Page, childPage } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { ServiceRequest } from './service-request.entity';
import {
  AssignServiceRequestInput,
  EvaluateServiceRequestInput,
  ReceiveServiceRequestInput,
  ResolveServiceRequestInput,
  ServiceRequestStepInput,
  ServiceRequestFilter,
  ServiceRequestOrder,
} from './service-request.inputs';
import {
  assignServiceRequest,
  evaluateServiceRequest,
  receiveServiceRequest,
  resolveServiceRequest,
  startServiceRequest,
} from './service-request.service';
import { serviceRequestOrdering, serviceRequestWhere } from './service-request.filters';

const ServiceRequestConnection = connectionType(ServiceRequest);
const ServiceRequestPayload = payloadType('ServiceRequestPayload', ServiceRequest, 'serviceRequest');

@Resolver(() => ServiceRequest)
export class ServiceRequestResolver {
  @Authorized(...STAFF)
  @Query(() => ServiceRequestConnection, { description: 'Service requests (诉求), latest first.' })
  serviceRequests(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ServiceRequestFilter, { nullable: true, description: 'Which requests.' }) filter?: ServiceRequestFilter,
    @Arg('orderBy', () => ServiceRequestOrder, { nullable: true, description: 'Order of the list; latest received first by default.' })
    orderBy?: ServiceRequestOrder,
  ): Promise<Page<ServiceRequest>> {
    return paginate(em, ServiceRequest, serviceRequestWhere(filter), serviceRequestOrdering(orderBy), args, { loaders, info });
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Resolved within its time limit; null while unresolved and within it.' })
  resolvedInTime(@Root() request: ServiceRequest): boolean | null {
    if (request.resolvedAt) return request.resolvedAt <= request.dueAt;
    return request.dueAt < new Date() ? false : null;
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() request: ServiceRequest, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, request.park);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation asking or concerned at the place, where one is named.',
  })
  async organisation(@Root() request: ServiceRequest, @Ctx() ctx: Context): Promise<Organisation | null> {
    return relatedOrNull(ctx, request.organisation);
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise asking, or the one a person’s request concerns; null for a person’s own matter or a channel’s request (see requesterKind).',
  })
  enterprise(@Root() request: ServiceRequest, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return relatedOrNull(ctx, request.enterprise);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Name of the person asking (诉求人), for a PERSON request that recorded it. Personal data: whole for the administrators who handle the request, masked (张**) otherwise.',
  })
  async requesterName(@Root() request: ServiceRequest, @Ctx() ctx: Context): Promise<string | null> {
    const record = { entity: 'ServiceRequest', id: request.id, field: 'requesterName' };
    return personalField(ctx, record, request.requesterName, await this.handles(request, ctx), maskName);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Phone of the person asking. Personal data: whole for the administrators who handle the request, masked (138****1234) otherwise.',
  })
  async requesterPhone(@Root() request: ServiceRequest, @Ctx() ctx: Context): Promise<string | null> {
    const record = { entity: 'ServiceRequest', id: request.id, field: 'requesterPhone' };
    return personalField(ctx, record, request.requesterPhone, await this.handles(request, ctx), maskPhone);
  }

  /** Whether the viewer administers the request's park: they handle it and may see who asked. */
  private async handles(request: ServiceRequest, ctx: Context): Promise<boolean> {
    if (!request.requesterName && !request.requesterPhone) return false;
    const park = await related(ctx, request.park);
    return ctx.viewer.writable({ parkId: park.id, programId: park.program.id });
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'The unit handling it; null until assigned.' })
  async assignedUnit(@Root() request: ServiceRequest, @Ctx() ctx: Context): Promise<PoliceUnit | null> {
    return relatedOrNull(ctx, request.assignedUnit);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ServiceRequestPayload, { description: 'Receives a request: status RECEIVED, with its time limit.' })
  receiveServiceRequest(
    @Arg('input', { description: 'The request.' }) input: ReceiveServiceRequestInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<ServiceRequest>> {
    return runMutation(ctx, 'receiveServiceRequest', input, (em) => receiveServiceRequest(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ServiceRequestPayload, { description: 'RECEIVED or ASSIGNED → ASSIGNED to a unit.' })
  assignServiceRequest(
    @Arg('input', { description: 'The request, the unit and the time.' }) input: AssignServiceRequestInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<ServiceRequest>> {
    return runMutation(ctx, 'assignServiceRequest', input, (em) => assignServiceRequest(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ServiceRequestPayload, { description: 'ASSIGNED → IN_PROGRESS.' })
  startServiceRequest(
    @Arg('input', { description: 'The request and the time.' }) input: ServiceRequestStepInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<ServiceRequest>> {
    return runMutation(ctx, 'startServiceRequest', input, (em) => startServiceRequest(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ServiceRequestPayload, { description: 'ASSIGNED or IN_PROGRESS → RESOLVED.' })
  resolveServiceRequest(
    @Arg('input', { description: 'The request, the time and the resolution.' }) input: ResolveServiceRequestInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<ServiceRequest>> {
    return runMutation(ctx, 'resolveServiceRequest', input, (em) => resolveServiceRequest(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ServiceRequestPayload, {
    description: 'RESOLVED → EVALUATED with the enterprise’s satisfaction; an unresolved request cannot be evaluated.',
  })
  evaluateServiceRequest(
    @Arg('input', { description: 'The request, the time and the satisfaction.' }) input: EvaluateServiceRequestInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<ServiceRequest>> {
    return runMutation(ctx, 'evaluateServiceRequest', input, (em) => evaluateServiceRequest(em, input));
  }
}

@Resolver(() => Enterprise)
export class EnterpriseServiceRequestsResolver {
  @FieldResolver(() => ServiceRequestConnection, { description: 'Service requests of the enterprise, latest first.' })
  serviceRequests(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ServiceRequestFilter, { nullable: true, description: 'Which requests.' }) filter?: ServiceRequestFilter,
    @Arg('orderBy', () => ServiceRequestOrder, { nullable: true, description: 'Order of the list; latest received first by default.' })
    orderBy?: ServiceRequestOrder,
  ): Promise<Page<ServiceRequest>> {
    const spec = {
      entity: ServiceRequest,
      parent: 'enterprise',
      where: serviceRequestWhere(filter),
      ordering: serviceRequestOrdering(orderBy),
    };
    return childPage(em, loaders, spec, enterprise.id, args, info);
  }
}
