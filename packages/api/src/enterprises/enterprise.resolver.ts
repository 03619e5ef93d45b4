import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { ref } from '@mikro-orm/core';
import type { Context } from '../context';
import { Zone } from '../parks/zone.entity';
import { Park } from '../parks/park.entity';
import { DomainValidationError } from '../shared/validation';
import { Enterprise } from './enterprise.entity';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => [Enterprise], { description: 'Active enterprises, filtered and paged, ordered by name (园区企业).' })
  enterprises(
    @Ctx() { em }: Context,
    @Arg('parkId', () => ID, { nullable: true, description: 'Only enterprises of this park.' }) parkId?: string,
    @Arg('zoneId', () => ID, { nullable: true, description: 'Only enterprises of this zone.' }) zoneId?: string,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name or of the credit code.' }) search?: string,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many (1–100).' }) limit = 50,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Skip this many.' }) offset = 0,
  ): Promise<Enterprise[]> {
    if (limit < 1 || limit > 100) throw new DomainValidationError('limit', 'limit 应在 1 至 100 之间 (between 1 and 100)', 'RANGE');
    if (offset < 0) throw new DomainValidationError('offset', 'offset 不能为负 (must be ≥ 0)', 'RANGE');
    const where: FilterQuery<Enterprise> = { archivedAt: null };
    if (parkId) where.park = Number(parkId) || 0;
    if (zoneId) where.zone = Number(zoneId) || 0;
    if (search?.trim()) {
      const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { creditCode: { $ilike: pattern } }];
    }
    return em.find(Enterprise, where, { orderBy: { name: 'asc', id: 'asc' }, limit, offset });
  }

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id; null when there is none.' })
  enterprise(
    @Arg('id', () => ID, { description: 'Id of the enterprise.' }) id: string,
    @Ctx() { em }: Context,
  ): Promise<Enterprise | null> {
    return em.findOne(Enterprise, { id: Number(id) || 0 });
  }

  @FieldResolver(() => Park, { description: 'The park the enterprise is in.' })
  park(@Root() enterprise: Enterprise): Promise<Park> {
    return ref(enterprise.park).loadOrFail();
  }

  @FieldResolver(() => Zone, { description: 'The zone the enterprise is in.' })
  zone(@Root() enterprise: Enterprise): Promise<Zone> {
    return ref(enterprise.zone).loadOrFail();
  }
}
