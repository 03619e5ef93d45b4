import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, rowsById } from '../shared/db/rows';
import { ADMINS, EVERYONE, PROGRAM_ADMINS, STAFF } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, idOf, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { Program } from '../programs/program.entity';
import { Park } from './park.entity';
import { Zone } from './zone.entity';
import { CreateParkInput, CreateZoneInput, ParkFilter, UpdateParkInput, UpdateZoneInput, ZoneFilter } from './park.inputs';
import {
  archivePark,
  archiveZone,
  createPark,
  createZone,
  parkWhere,
  PARK_ORDER,
  updatePark,
  updateZone,
  zoneWhere,
  ZONE_ORDER,
} from './park.service';

const ParkConnection = connectionType(Park);
const ZoneConnection = connectionType(Zone);
const ParkPayload = payloadType('ParkPayload', Park, 'park');
const ZonePayload = payloadType('ZonePayload', Zone, 'zone');

@Resolver(() => Park)
export class ParkResolver {
  @Authorized(...EVERYONE)
  @Query(() => ParkConnection, { description: 'Parks (工业园区), ordered by name.' })
  parks(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ParkFilter, { nullable: true, description: 'Which parks.' }) filter?: ParkFilter,
  ): Promise<Page<Park>> {
    return paginate(em, Park, parkWhere(filter), PARK_ORDER, args, { loaders, info });
  }

  @Authorized(...EVERYONE)
  @Query(() => Park, { nullable: true, description: 'One park by its global id; null when there is none.' })
  park(@Arg('id', () => ID, { description: 'Global id of the park.' }) id: string, @Ctx() { em, loaders }: Context): Promise<Park | null> {
    return rowsById({ em, loaders }, Park).load(idOf(id, 'Park', 'id'));
  }

  @FieldResolver(() => Program, { description: 'The program the park belongs to.' })
  program(@Root() park: Park, @Ctx() ctx: Context): Promise<Program> {
    return related(ctx, park.program);
  }

  @FieldResolver(() => ZoneConnection, { description: 'Zones of the park (片区), ordered by name.' })
  zones(
    @Root() park: Park,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ZoneFilter, { nullable: true, description: 'Which zones.' }) filter?: ZoneFilter,
  ): Promise<Page<Zone>> {
    return childPage(em, loaders, { entity: Zone, parent: 'park', where: zoneWhere(filter), ordering: ZONE_ORDER }, park.id, args, info);
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => ParkPayload, { description: 'Creates a park in a program.' })
  createPark(@Arg('input', { description: 'The new park.' }) input: CreateParkInput, @Ctx() ctx: Context): Promise<MutationPayload<Park>> {
    return runMutation(ctx, 'createPark', input, (em) => createPark(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ParkPayload, { description: 'Changes a park.' })
  updatePark(@Arg('input', { description: 'The changes.' }) input: UpdateParkInput, @Ctx() ctx: Context): Promise<MutationPayload<Park>> {
    return runMutation(ctx, 'updatePark', input, (em) => updatePark(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => ParkPayload, { description: 'Archives a park that has no active enterprises left; its records stay.' })
  archivePark(
    @Arg('input', { description: 'The park to archive.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Park>> {
    return runMutation(ctx, 'archivePark', input, (em) => archivePark(em, input));
  }
}

@Resolver(() => Zone)
export class ZoneResolver {
  @Authorized(...STAFF)
  @Query(() => ZoneConnection, { description: 'Zones (片区) of the parks the viewer may read, by name; `filter.parkId` for one park’s.' })
  zones(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ZoneFilter, { nullable: true, description: 'Which zones.' }) filter?: ZoneFilter,
  ): Promise<Page<Zone>> {
    return paginate(em, Zone, zoneWhere(filter), ZONE_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Park, { description: 'The park the zone belongs to.' })
  park(@Root() zone: Zone, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, zone.park);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ZonePayload, { description: 'Creates a zone in a park.' })
  createZone(@Arg('input', { description: 'The new zone.' }) input: CreateZoneInput, @Ctx() ctx: Context): Promise<MutationPayload<Zone>> {
    return runMutation(ctx, 'createZone', input, (em) => createZone(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ZonePayload, { description: 'Renames a zone.' })
  updateZone(@Arg('input', { description: 'The changes.' }) input: UpdateZoneInput, @Ctx() ctx: Context): Promise<MutationPayload<Zone>> {
    return runMutation(ctx, 'updateZone', input, (em) => updateZone(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => ZonePayload, { description: 'Archives a zone that has no active enterprises left.' })
  archiveZone(
    @Arg('input', { description: 'The zone to archive.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Zone>> {
    return runMutation(ctx, 'archiveZone', input, (em) => archiveZone(em, input));
  }
}

@Resolver(() => Program)
export class ProgramParksResolver {
  @FieldResolver(() => ParkConnection, { description: 'Parks the program protects, ordered by name.' })
  parks(
    @Root() program: Program,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ParkFilter, { nullable: true, description: 'Which parks.' }) filter?: ParkFilter,
  ): Promise<Page<Park>> {
    return childPage(
      em,
      loaders,
      { entity: Park, parent: 'program', where: parkWhere(filter), ordering: PARK_ORDER },
      program.id,
      args,
      info,
    );
  }
}
