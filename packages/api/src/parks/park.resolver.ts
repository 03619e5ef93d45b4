import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ref } from '@mikro-orm/core';
import type { Context } from '../context';
import { Program } from '../programs/program.entity';
import { Park } from './park.entity';
import { Zone } from './zone.entity';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => [Program], { description: 'All programs (工作机制).' })
  programs(@Ctx() { em }: Context): Promise<Program[]> {
    return em.find(Program, {}, { orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => [Park], { description: 'Parks the program protects.' })
  parks(@Root() program: Program, @Ctx() { em }: Context): Promise<Park[]> {
    return em.find(Park, { program, archivedAt: null }, { orderBy: { id: 'asc' } });
  }
}

@Resolver(() => Park)
export class ParkResolver {
  @Query(() => [Park], { description: 'Active parks, in the order they were created (工业园区).' })
  parks(@Ctx() { em }: Context): Promise<Park[]> {
    return em.find(Park, { archivedAt: null }, { orderBy: { id: 'asc' } });
  }

  @Query(() => Park, { nullable: true, description: 'One park by id; null when there is none.' })
  park(@Arg('id', () => ID, { description: 'Id of the park.' }) id: string, @Ctx() { em }: Context): Promise<Park | null> {
    return em.findOne(Park, { id: Number(id) || 0 });
  }

  @FieldResolver(() => Program, { description: 'The program the park belongs to.' })
  program(@Root() park: Park): Promise<Program> {
    return ref(park.program).loadOrFail();
  }

  @FieldResolver(() => [Zone], { description: 'Zones of the park (片区).' })
  zones(@Root() park: Park, @Ctx() { em }: Context): Promise<Zone[]> {
    return em.find(Zone, { park }, { orderBy: { id: 'asc' } });
  }
}

@Resolver(() => Zone)
export class ZoneResolver {
  @FieldResolver(() => Park, { description: 'The park the zone belongs to.' })
  park(@Root() zone: Zone): Promise<Park> {
    return ref(zone.park).loadOrFail();
  }
}
