import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMINS, STAFF } from '../shared/auth/role';
import { ref } from '@mikro-orm/core';
import type { Context } from '../context';
import { maskBadge, maskPhone, personalField } from '../shared/auth/masking';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, idOf, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { PoliceUnit } from '../units/police-unit.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Visit } from '../activities/visits/visit.entity';
import { Recognition } from '../activities/recognitions/recognition.entity';
import { RecognitionFilter, VisitFilter } from '../activities/activity.inputs';
import { recognitionWhere, RECOGNITION_ORDER, visitWhere, VISIT_ORDER } from '../activities/activity.filters';
import { Officer } from './officer.entity';
import { LiaisonAssignment } from '../liaisons/liaison-assignment.entity';
import { CreateOfficerInput, OfficerFilter, UpdateOfficerInput } from './officer.inputs';
import { archiveOfficer, createOfficer, officerWhere, OFFICER_ORDER, updateOfficer } from './officer.service';
import { AssignLiaisonOfficerInput, EndLiaisonAssignmentInput, LiaisonAssignmentFilter } from '../liaisons/liaison-assignment.inputs';
import { assignLiaisonOfficer, endLiaisonAssignment, liaisonAssignmentWhere, LIAISON_ASSIGNMENT_ORDER } from '../liaisons/liaison-assignment.service';

const OfficerConnection = connectionType(Officer);
const LiaisonAssignmentConnection = connectionType(LiaisonAssignment);
const VisitConnection = connectionType(Visit);
const RecognitionConnection = connectionType(Recognition);
const OfficerPayload = payloadType('OfficerPayload', Officer, 'officer');
const LiaisonAssignmentPayload = payloadType('LiaisonAssignmentPayload', LiaisonAssignment, 'liaisonAssignment');

@Resolver(() => Officer)
export class OfficerResolver {
  @Authorized(...STAFF)
  @Query(() => OfficerConnection, { description: 'Officers, by name (民警).' })
  officers(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => OfficerFilter, { nullable: true, description: 'Which officers.' }) filter?: OfficerFilter,
  ): Promise<Page<Officer>> {
    return paginate(em, Officer, officerWhere(filter), OFFICER_ORDER, args);
  }

  @Authorized(...STAFF)
  @Query(() => Officer, { nullable: true, description: 'One officer by global id; null when there is none.' })
  officer(@Arg('id', () => ID, { description: 'Global id of the officer.' }) id: string, @Ctx() { em }: Context): Promise<Officer | null> {
    return em.findOne(Officer, { id: idOf(id, 'Officer', 'id') });
  }

  /** Whether the viewer may see the officer's badge number and phone: administrators of the officer's unit, and the officer. */
  private async entitled(officer: Officer, ctx: Context): Promise<boolean> {
    if (ctx.viewer.isSystemAdmin) return true;
    const unit = await ref(officer.unit).loadOrFail();
    return ctx.viewer.seesOfficerDetails(officer.id, { parkId: unit.park?.id ?? null, programId: unit.program.id });
  }

  @FieldResolver(() => String, {
    description:
      'Badge number (警号). Personal data: whole for administrators of the officer’s unit and the officer, masked (52**23) otherwise.',
  })
  async badgeNumber(@Root() officer: Officer, @Ctx() ctx: Context): Promise<string | null> {
    const record = { entity: 'Officer', id: officer.id, field: 'badgeNumber' };
    return personalField(ctx, record, officer.badgeNumber, await this.entitled(officer, ctx), maskBadge);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Phone (联系电话). Personal data: whole for administrators of the officer’s unit and the officer, masked (138****1234) otherwise.',
  })
  async phone(@Root() officer: Officer, @Ctx() ctx: Context): Promise<string | null> {
    const record = { entity: 'Officer', id: officer.id, field: 'phone' };
    return personalField(ctx, record, officer.phone, await this.entitled(officer, ctx), maskPhone);
  }

  @FieldResolver(() => PoliceUnit, { description: 'The unit the officer belongs to.' })
  unit(@Root() officer: Officer): Promise<PoliceUnit> {
    return ref(officer.unit).loadOrFail();
  }

  @FieldResolver(() => LiaisonAssignmentConnection, { description: 'Enterprises the officer looks after or looked after, latest first.' })
  liaisonAssignments(
    @Root() officer: Officer,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => LiaisonAssignmentFilter, { nullable: true, description: 'Which assignments, e.g. `{ current: true }`.' })
    filter?: LiaisonAssignmentFilter,
  ): Promise<Page<LiaisonAssignment>> {
    const spec = {
      entity: LiaisonAssignment,
      parent: 'officer',
      where: liaisonAssignmentWhere(filter),
      ordering: LIAISON_ASSIGNMENT_ORDER,
    };
    return childPage(em, loaders, spec, officer.id, args);
  }

  @FieldResolver(() => VisitConnection, { description: 'Visits the officer made, latest first.' })
  visits(
    @Root() officer: Officer,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Which visits.' }) filter?: VisitFilter,
  ): Promise<Page<Visit>> {
    return childPage(em, loaders, { entity: Visit, parent: 'officer', where: visitWhere(filter), ordering: VISIT_ORDER }, officer.id, args);
  }

  @FieldResolver(() => RecognitionConnection, { description: 'Pennants and letters naming the officer, latest first.' })
  recognitions(
    @Root() officer: Officer,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Which recognitions.' }) filter?: RecognitionFilter,
  ): Promise<Page<Recognition>> {
    const spec = { entity: Recognition, parent: 'officer', where: recognitionWhere(filter), ordering: RECOGNITION_ORDER };
    return childPage(em, loaders, spec, officer.id, args);
  }

  @Authorized(...ADMINS)
  @Mutation(() => OfficerPayload, { description: 'Adds an officer to a unit.' })
  createOfficer(
    @Arg('input', { description: 'The new officer.' }) input: CreateOfficerInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Officer>> {
    return runMutation(ctx, 'createOfficer', input, (em) => createOfficer(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => OfficerPayload, { description: 'Changes an officer.' })
  updateOfficer(
    @Arg('input', { description: 'The changes.' }) input: UpdateOfficerInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Officer>> {
    return runMutation(ctx, 'updateOfficer', input, (em) => updateOfficer(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => OfficerPayload, { description: 'Archives an officer who has no current liaison assignments.' })
  archiveOfficer(
    @Arg('input', { description: 'The officer to archive.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Officer>> {
    return runMutation(ctx, 'archiveOfficer', input, (em) => archiveOfficer(em, input));
  }
}

@Resolver(() => LiaisonAssignment)
export class LiaisonAssignmentResolver {
  @Authorized(...STAFF)
  @Query(() => LiaisonAssignmentConnection, { description: 'Liaison assignments (挂钩关系), latest first.' })
  liaisonAssignments(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => LiaisonAssignmentFilter, { nullable: true, description: 'Which assignments.' }) filter?: LiaisonAssignmentFilter,
  ): Promise<Page<LiaisonAssignment>> {
    return paginate(em, LiaisonAssignment, liaisonAssignmentWhere(filter), LIAISON_ASSIGNMENT_ORDER, args);
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise.' })
  enterprise(@Root() assignment: LiaisonAssignment): Promise<Enterprise> {
    return ref(assignment.enterprise).loadOrFail();
  }

  @FieldResolver(() => Officer, { description: 'The liaison officer.' })
  officer(@Root() assignment: LiaisonAssignment): Promise<Officer> {
    return ref(assignment.officer).loadOrFail();
  }

  @FieldResolver(() => Boolean, { description: 'The assignment is in force now (no end day yet).' })
  current(@Root() assignment: LiaisonAssignment): boolean {
    return assignment.endsOn == null;
  }

  @FieldResolver(() => [PoliceUnit], { description: 'Supporting police branches, the "N" of 1+N.' })
  async supportingBranches(@Root() assignment: LiaisonAssignment): Promise<PoliceUnit[]> {
    return (await assignment.supportingBranches.load()).getItems();
  }

  @Authorized(...ADMINS)
  @Mutation(() => LiaisonAssignmentPayload, { description: 'Assigns or reassigns the liaison officer of an enterprise; history is kept.' })
  assignLiaisonOfficer(
    @Arg('input', { description: 'Who takes over which enterprise, from when.' }) input: AssignLiaisonOfficerInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<LiaisonAssignment>> {
    return runMutation(ctx, 'assignLiaisonOfficer', input, (em) => assignLiaisonOfficer(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => LiaisonAssignmentPayload, { description: 'Ends a liaison assignment with no successor.' })
  endLiaisonAssignment(
    @Arg('input', { description: 'The assignment and its last day.' }) input: EndLiaisonAssignmentInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<LiaisonAssignment>> {
    return runMutation(ctx, 'endLiaisonAssignment', input, (em) => endLiaisonAssignment(em, input));
  }
}
