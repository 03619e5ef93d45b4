import { InputErrorReason } from '../shared/errors/reasons';
import { findRows, related, rowsById } from '../shared/db/rows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ADMINS, STAFF } from '../shared/auth/role';
import type { Context } from '../access/context';
import { maskName, maskPhone, personalField } from '../shared/auth/masking';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, idOf, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { todayInShanghai } from '../shared/time/calendar';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { Enterprise } from './enterprise.entity';
import { CreateEnterpriseInput, EnterpriseFilter, EnterpriseOrder, UpdateEnterpriseInput } from './enterprise.inputs';
import { archiveEnterprise, createEnterprise, enterpriseOrdering, enterpriseWhere, updateEnterprise } from './enterprise.service';

const EnterpriseConnection = connectionType(Enterprise);
const EnterprisePayload = payloadType('EnterprisePayload', Enterprise, 'enterprise');

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized(...STAFF)
  @Query(() => EnterpriseConnection, { description: 'Enterprises (园区企业), filtered and ordered; by name by default.' })
  enterprises(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises.' }) filter?: EnterpriseFilter,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Order of the list.' }) orderBy?: EnterpriseOrder,
  ): Promise<Page<Enterprise>> {
    return paginate(em, Enterprise, enterpriseWhere(filter), enterpriseOrdering(orderBy), args, { loaders, info });
  }

  @Authorized(...STAFF)
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by its global id; null when there is none.' })
  enterprise(
    @Arg('id', () => ID, { description: 'Global id of the enterprise.' }) id: string,
    @Ctx() { em, loaders }: Context,
  ): Promise<Enterprise | null> {
    return rowsById({ em, loaders }, Enterprise).load(idOf(id, 'Enterprise', 'id'));
  }

  @Authorized(...STAFF)
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by its unified social credit code; null when there is none.' })
  async enterpriseByCreditCode(
    @Arg('creditCode', { description: 'The 18-character code.' }) creditCode: string,
    @Ctx() { em }: Context,
  ): Promise<Enterprise | null> {
    if (creditCode.length > 18)
      throw new DomainValidationError('creditCode', 'creditCode 应为 18 位 (18 characters)', InputErrorReason.LENGTH);
    const [row] = await findRows(em, Enterprise, { where: { creditCode: creditCode.toUpperCase() } });
    return row ?? null;
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
  park(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, enterprise.park);
  }

  @FieldResolver(() => Zone, { description: 'The zone the enterprise is in.' })
  zone(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Zone> {
    return related(ctx, enterprise.zone);
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

@Resolver(() => Park)
export class ParkEnterprisesResolver {
  @FieldResolver(() => EnterpriseConnection, { description: 'Enterprises in the park (园区企业).' })
  enterprises(
    @Root() park: Park,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises.' }) filter?: EnterpriseFilter,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Order of the list; by name by default.' })
    orderBy?: EnterpriseOrder,
  ): Promise<Page<Enterprise>> {
    const spec = { entity: Enterprise, parent: 'park', where: enterpriseWhere(filter), ordering: enterpriseOrdering(orderBy) };
    return childPage(em, loaders, spec, park.id, args, info);
  }
}

@Resolver(() => Zone)
export class ZoneEnterprisesResolver {
  @FieldResolver(() => EnterpriseConnection, { description: 'Enterprises in the zone.' })
  enterprises(
    @Root() zone: Zone,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises.' }) filter?: EnterpriseFilter,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Order of the list; by name by default.' })
    orderBy?: EnterpriseOrder,
  ): Promise<Page<Enterprise>> {
    const spec = { entity: Enterprise, parent: 'zone', where: enterpriseWhere(filter), ordering: enterpriseOrdering(orderBy) };
    return childPage(em, loaders, spec, zone.id, args, info);
  }
}
