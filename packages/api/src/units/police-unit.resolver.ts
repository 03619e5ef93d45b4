import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Zone } from '../parks/zone.entity';
import { PoliceUnit, PoliceUnitKind } from './police-unit.entity';

@Resolver(() => PoliceUnit)
export class PoliceUnitResolver {
  @Query(() => [PoliceUnit], { description: 'Active police units, optionally of one park or kind (公安单位).' })
  policeUnits(
    @Ctx() { em }: Context,
    @Arg('parkId', () => ID, { nullable: true, description: 'Only units of this park.' }) parkId?: string,
    @Arg('kind', () => PoliceUnitKind, { nullable: true, description: 'Only units of this kind.' }) kind?: PoliceUnitKind,
  ): Promise<PoliceUnit[]> {
    return em.find(
      PoliceUnit,
      { archivedAt: null, ...(parkId ? { park: Number(parkId) || 0 } : {}), ...(kind ? { kind } : {}) },
      { orderBy: { id: 'asc' } },
    );
  }

  @FieldResolver(() => [Zone], { description: 'Zones the unit covers (辖区).' })
  async zones(@Root() unit: PoliceUnit): Promise<Zone[]> {
    return (await unit.zones.load()).getItems();
  }
}
