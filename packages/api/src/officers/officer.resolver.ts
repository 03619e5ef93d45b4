import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull, rowsById } from '../shared/db/rows';
import { ADMINS, STAFF } from '../shared/auth/role';
import type { Context } from '../access/context';
import { maskBadge, maskPhone, personalField } from '../shared/auth/masking';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, idOf, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { PoliceUnit } from '../units/police-unit.entity';
import { Officer } from './officer.entity';
import { CreateOfficerInput, OfficerFilter, OfficerOrder, UpdateOfficerInput } from './officer.inputs';
import { archiveOfficer, createOfficer, officerOrdering, officerWhere, updateOfficer } from './officer.service';

const OfficerConnection = connectionType(Officer);
const OfficerPayload = payloadType('OfficerPayload', Officer, 'officer');

@Resolver(() => Officer)
export class OfficerResolver {
  @Authorized(...STAFF)
  @Query(() => OfficerConnection, { description: 'Officers, by name (民警).' })
  officers(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OfficerFilter, { nullable: true, description: 'Which officers.' }) filter?: OfficerFilter,
    @Arg('orderBy', () => OfficerOrder, { nullable: true, description: 'Order of the list; by name by default.' }) orderBy?: OfficerOrder,
  ): Promise<Page<Officer>> {
    return paginate(em, Officer, officerWhere(filter), officerOrdering(orderBy), args, { loaders, info });
  }

  @Authorized(...STAFF)
  @Query(() => Officer, { nullable: true, description: 'One officer by global id; null when there is none.' })
  officer(
    @Arg('id', () => ID, { description: 'Global id of the officer.' }) id: string,
    @Ctx() { em, loaders }: Context,
  ): Promise<Officer | null> {
    return rowsById({ em, loaders }, Officer).load(idOf(id, 'Officer', 'id'));
  }

  /** Whether the viewer may see the officer's badge number and phone: administrators of the officer's unit, and the officer. */
  private async entitled(officer: Officer, ctx: Context): Promise<boolean> {
    if (ctx.viewer.isSystemAdmin) return true;
    // A viewer who may not read the unit administers none of it (a sign-in's answer reads its officer before the grants).
    const unit = await relatedOrNull(ctx, officer.unit);
    return unit !== null && ctx.viewer.seesOfficerDetails(officer.id, { parkId: unit.park?.id ?? null, programId: unit.program.id });
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
  unit(@Root() officer: Officer, @Ctx() ctx: Context): Promise<PoliceUnit> {
    return related(ctx, officer.unit);
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

@Resolver(() => PoliceUnit)
export class PoliceUnitOfficersResolver {
  @FieldResolver(() => OfficerConnection, { description: 'Officers of the unit, by name.' })
  officers(
    @Root() unit: PoliceUnit,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OfficerFilter, { nullable: true, description: 'Which officers.' }) filter?: OfficerFilter,
    @Arg('orderBy', () => OfficerOrder, { nullable: true, description: 'Order of the list; by name by default.' }) orderBy?: OfficerOrder,
  ): Promise<Page<Officer>> {
    return childPage(
      em,
      loaders,
      { entity: Officer, parent: 'unit', where: officerWhere(filter), ordering: officerOrdering(orderBy) },
      unit.id,
      args,
      info,
    );
  }
}
