import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ref } from '@mikro-orm/core';
import type { Context } from '../context';
import { PoliceUnit } from '../units/police-unit.entity';
import { Officer } from './officer.entity';

@Resolver(() => Officer)
export class OfficerResolver {
  @Query(() => [Officer], { description: 'Active officers, optionally of one unit, ordered by name (民警).' })
  officers(
    @Ctx() { em }: Context,
    @Arg('unitId', () => ID, { nullable: true, description: 'Only officers of this unit.' }) unitId?: string,
  ): Promise<Officer[]> {
    return em.find(
      Officer,
      { archivedAt: null, ...(unitId ? { unit: Number(unitId) || 0 } : {}) },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
  }

  @FieldResolver(() => PoliceUnit, { description: 'The unit the officer serves in.' })
  unit(@Root() officer: Officer): Promise<PoliceUnit> {
    return ref(officer.unit).loadOrFail();
  }
}
