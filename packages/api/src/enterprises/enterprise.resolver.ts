import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMINS, STAFF } from '../shared/auth/role';
import DataLoader from 'dataloader';
import { ref } from '@mikro-orm/core';
import type { Context } from '../context';
import { maskName, maskPhone, personalField } from '../shared/auth/masking';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, idOf, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { todayInShanghai } from '../shared/time/calendar';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { Officer } from '../officers/officer.entity';
import { LiaisonAssignment } from '../liaisons/liaison-assignment.entity';
import { LiaisonAssignmentFilter } from '../liaisons/liaison-assignment.inputs';
import { liaisonAssignmentWhere, LIAISON_ASSIGNMENT_ORDER } from '../liaisons/liaison-assignment.service';
import { Visit } from '../activities/visits/visit.entity';
import { Hazard } from '../activities/hazards/hazard.entity';
import { ServiceRequest } from '../activities/service-requests/service-request.entity';
import { Recognition } from '../activities/recognitions/recognition.entity';
import { HazardFilter, RecognitionFilter, ServiceRequestFilter, VisitFilter } from '../activities/activity.inputs';
import {
  hazardWhere,
  HAZARD_ORDER,
  recognitionWhere,
  RECOGNITION_ORDER,
  serviceRequestWhere,
  SERVICE_REQUEST_ORDER,
  visitWhere,
  VISIT_ORDER,
} from '../activities/activity.filters';
import { Enterprise } from './enterprise.entity';
import { CreateEnterpriseInput, EnterpriseFilter, EnterpriseOrder, UpdateEnterpriseInput } from './enterprise.inputs';
import { archiveEnterprise, createEnterprise, enterpriseOrdering, enterpriseWhere, updateEnterprise } from './enterprise.service';

const EnterpriseConnection = connectionType(Enterprise);
const LiaisonAssignmentConnection = connectionType(LiaisonAssignment);
const VisitConnection = connectionType(Visit);
const HazardConnection = connectionType(Hazard);
const ServiceRequestConnection = connectionType(ServiceRequest);
const RecognitionConnection = connectionType(Recognition);
const EnterprisePayload = payloadType('EnterprisePayload', Enterprise, 'enterprise');

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized(...STAFF)
  @Query(() => EnterpriseConnection, { description: 'Enterprises (园区企业), filtered and ordered; by name by default.' })
  enterprises(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises.' }) filter?: EnterpriseFilter,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Order of the list.' }) orderBy?: EnterpriseOrder,
  ): Promise<Page<Enterprise>> {
    return paginate(em, Enterprise, enterpriseWhere(filter), enterpriseOrdering(orderBy), args);
  }

  @Authorized(...STAFF)
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by its global id; null when there is none.' })
  enterprise(
    @Arg('id', () => ID, { description: 'Global id of the enterprise.' }) id: string,
    @Ctx() { em }: Context,
  ): Promise<Enterprise | null> {
    return em.findOne(Enterprise, { id: idOf(id, 'Enterprise', 'id') });
  }

  @Authorized(...STAFF)
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by its unified social credit code; null when there is none.' })
  enterpriseByCreditCode(
    @Arg('creditCode', { description: 'The 18-character code.' }) creditCode: string,
    @Ctx() { em }: Context,
  ): Promise<Enterprise | null> {
    if (creditCode.length > 18) throw new DomainValidationError('creditCode', 'creditCode 应为 18 位 (18 characters)', 'LENGTH');
    return em.findOne(Enterprise, { creditCode: creditCode.toUpperCase() });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Contact person (联系人). Personal data: whole for staff who may read the enterprise, masked (张**) otherwise.',
  })
  contactPerson(@Root() enterprise: Enterprise, @Ctx() ctx: Context): string | null {
    const record = { entity: 'Enterprise', id: enterprise.id, field: 'contactPerson' };
    return personalField(ctx, record, enterprise.contactPerson, ctx.viewer.seesEnterpriseContacts(), maskName);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Contact phone (联系电话). Personal data: whole for staff who may read the enterprise, masked (138****1234) otherwise.',
  })
  contactPhone(@Root() enterprise: Enterprise, @Ctx() ctx: Context): string | null {
    const record = { entity: 'Enterprise', id: enterprise.id, field: 'contactPhone' };
    return personalField(ctx, record, enterprise.contactPhone, ctx.viewer.seesEnterpriseContacts(), maskPhone);
  }

  @FieldResolver(() => Park, { description: 'The park the enterprise is in.' })
  park(@Root() enterprise: Enterprise): Promise<Park> {
    return ref(enterprise.park).loadOrFail();
  }

  @FieldResolver(() => Zone, { description: 'The zone the enterprise is in.' })
  zone(@Root() enterprise: Enterprise): Promise<Zone> {
    return ref(enterprise.zone).loadOrFail();
  }

  @FieldResolver(() => LiaisonAssignment, { nullable: true, description: 'The current liaison assignment (1+N); null when none.' })
  currentLiaisonAssignment(@Root() enterprise: Enterprise, @Ctx() { em, loaders }: Context): Promise<LiaisonAssignment | null> {
    const loader = loaders.get('current-liaison-assignment', () => {
      return new DataLoader<number, LiaisonAssignment | null>(async (ids) => {
        const rows = await em.find(LiaisonAssignment, { enterprise: { $in: [...ids] }, endsOn: null });
        const byEnterprise = new Map(rows.map((row) => [row.enterprise.id, row]));
        return ids.map((id) => byEnterprise.get(id) ?? null);
      });
    });
    return loader.load(enterprise.id);
  }

  @FieldResolver(() => Officer, {
    nullable: true,
    description: 'The dedicated liaison officer (护航警官) now; null when none is assigned.',
  })
  async liaisonOfficer(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Officer | null> {
    const assignment = await this.currentLiaisonAssignment(enterprise, ctx);
    return assignment ? ref(assignment.officer).loadOrFail() : null;
  }

  @FieldResolver(() => LiaisonAssignmentConnection, { description: 'Liaison assignments of the enterprise, latest first: the history.' })
  liaisonAssignments(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => LiaisonAssignmentFilter, { nullable: true, description: 'Which assignments.' }) filter?: LiaisonAssignmentFilter,
  ): Promise<Page<LiaisonAssignment>> {
    const spec = {
      entity: LiaisonAssignment,
      parent: 'enterprise',
      where: liaisonAssignmentWhere(filter),
      ordering: LIAISON_ASSIGNMENT_ORDER,
    };
    return childPage(em, loaders, spec, enterprise.id, args);
  }

  @FieldResolver(() => VisitConnection, { description: 'Visits to the enterprise, latest first.' })
  visits(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Which visits.' }) filter?: VisitFilter,
  ): Promise<Page<Visit>> {
    return childPage(
      em,
      loaders,
      { entity: Visit, parent: 'enterprise', where: visitWhere(filter), ordering: VISIT_ORDER },
      enterprise.id,
      args,
    );
  }

  @FieldResolver(() => HazardConnection, { description: 'Hazards found at the enterprise, latest first.' })
  hazards(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => HazardFilter, { nullable: true, description: 'Which hazards.' }) filter?: HazardFilter,
  ): Promise<Page<Hazard>> {
    const spec = { entity: Hazard, parent: 'enterprise', where: hazardWhere(filter), ordering: HAZARD_ORDER };
    return childPage(em, loaders, spec, enterprise.id, args);
  }

  @FieldResolver(() => ServiceRequestConnection, { description: 'Service requests of the enterprise, latest first.' })
  serviceRequests(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ServiceRequestFilter, { nullable: true, description: 'Which requests.' }) filter?: ServiceRequestFilter,
  ): Promise<Page<ServiceRequest>> {
    const spec = { entity: ServiceRequest, parent: 'enterprise', where: serviceRequestWhere(filter), ordering: SERVICE_REQUEST_ORDER };
    return childPage(em, loaders, spec, enterprise.id, args);
  }

  @FieldResolver(() => RecognitionConnection, { description: 'Pennants and letters from the enterprise, latest first.' })
  recognitions(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Which recognitions.' }) filter?: RecognitionFilter,
  ): Promise<Page<Recognition>> {
    const spec = { entity: Recognition, parent: 'enterprise', where: recognitionWhere(filter), ordering: RECOGNITION_ORDER };
    return childPage(em, loaders, spec, enterprise.id, args);
  }

  @Authorized(...ADMINS)
  @Mutation(() => EnterprisePayload, { description: 'Registers an enterprise in a zone.' })
  createEnterprise(
    @Arg('input', { description: 'The new enterprise.' }) input: CreateEnterpriseInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Enterprise>> {
    return runMutation(ctx, 'createEnterprise', input, (em) => createEnterprise(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => EnterprisePayload, { description: 'Changes an enterprise.' })
  updateEnterprise(
    @Arg('input', { description: 'The changes.' }) input: UpdateEnterpriseInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Enterprise>> {
    return runMutation(ctx, 'updateEnterprise', input, (em) => updateEnterprise(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => EnterprisePayload, { description: 'Archives an enterprise and ends its liaison assignment; its records stay.' })
  archiveEnterprise(
    @Arg('input', { description: 'The enterprise to archive.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Enterprise>> {
    return runMutation(ctx, 'archiveEnterprise', input, (em) => archiveEnterprise(em, input, todayInShanghai()));
  }
}
