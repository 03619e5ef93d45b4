import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedMany, relatedOrNull } from '../shared/db/rows';
import { ADMINS, STAFF } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { Program } from '../programs/program.entity';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { PoliceUnit } from './police-unit.entity';
import { CreatePoliceUnitInput, PoliceUnitFilter, UpdatePoliceUnitInput } from './police-unit.inputs';
import { archivePoliceUnit, createPoliceUnit, policeUnitWhere, POLICE_UNIT_ORDER, updatePoliceUnit } from './police-unit.service';

const PoliceUnitConnection = connectionType(PoliceUnit);
const PoliceUnitPayload = payloadType('PoliceUnitPayload', PoliceUnit, 'policeUnit');

@Resolver(() => PoliceUnit)
export class PoliceUnitResolver {
  @Authorized(...STAFF)
  @Query(() => PoliceUnitConnection, { description: 'Police units (公安单位), by kind and name.' })
  policeUnits(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PoliceUnitFilter, { nullable: true, description: 'Which units.' }) filter?: PoliceUnitFilter,
  ): Promise<Page<PoliceUnit>> {
    return paginate(em, PoliceUnit, policeUnitWhere(filter), POLICE_UNIT_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Program, { description: 'The program the unit serves.' })
  program(@Root() unit: PoliceUnit, @Ctx() ctx: Context): Promise<Program> {
    return related(ctx, unit.program);
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The park the unit is stationed in, if any.' })
  async park(@Root() unit: PoliceUnit, @Ctx() ctx: Context): Promise<Park | null> {
    return relatedOrNull(ctx, unit.park);
  }

  @FieldResolver(() => [Zone], { description: 'Zones the unit covers (辖区), a short list by nature.' })
  async zones(@Root() unit: PoliceUnit, @Ctx() ctx: Context): Promise<Zone[]> {
    const zones = await relatedMany<Zone>(ctx, unit, 'zones');
    return zones.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
  }

  @Authorized(...ADMINS)
  @Mutation(() => PoliceUnitPayload, { description: 'Creates a police unit.' })
  createPoliceUnit(
    @Arg('input', { description: 'The new unit.' }) input: CreatePoliceUnitInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<PoliceUnit>> {
    return runMutation(ctx, 'createPoliceUnit', input, (em) => createPoliceUnit(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => PoliceUnitPayload, { description: 'Changes a police unit.' })
  updatePoliceUnit(
    @Arg('input', { description: 'The changes.' }) input: UpdatePoliceUnitInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<PoliceUnit>> {
    return runMutation(ctx, 'updatePoliceUnit', input, (em) => updatePoliceUnit(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => PoliceUnitPayload, { description: 'Archives a police unit that has no active officers.' })
  archivePoliceUnit(
    @Arg('input', { description: 'The unit to archive.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<PoliceUnit>> {
    return runMutation(ctx, 'archivePoliceUnit', input, (em) => archivePoliceUnit(em, input));
  }
}

@Resolver(() => Program)
export class ProgramPoliceUnitsResolver {
  @FieldResolver(() => PoliceUnitConnection, { description: 'Police units of the program: stations, workstations, branches.' })
  policeUnits(
    @Root() program: Program,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PoliceUnitFilter, { nullable: true, description: 'Which units.' }) filter?: PoliceUnitFilter,
  ): Promise<Page<PoliceUnit>> {
    const spec = { entity: PoliceUnit, parent: 'program', where: policeUnitWhere(filter), ordering: POLICE_UNIT_ORDER };
    return childPage(em, loaders, spec, program.id, args, info);
  }
}

@Resolver(() => Park)
export class ParkPoliceUnitsResolver {
  @FieldResolver(() => PoliceUnitConnection, { description: 'Police units stationed in the park (workstations, the monitoring centre).' })
  policeUnits(
    @Root() park: Park,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PoliceUnitFilter, { nullable: true, description: 'Which units.' }) filter?: PoliceUnitFilter,
  ): Promise<Page<PoliceUnit>> {
    const spec = { entity: PoliceUnit, parent: 'park', where: policeUnitWhere(filter), ordering: POLICE_UNIT_ORDER };
    return childPage(em, loaders, spec, park.id, args, info);
  }
}
