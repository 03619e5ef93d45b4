import { InputErrorReason } from './shared/errors/reasons';
import { Authorized, Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EVERYONE } from './shared/auth/role';
import type { Context } from './access/context';
import { Node } from './shared/graphql/node';
import { parseGlobalId } from './shared/graphql/global-id';
import { DomainValidationError } from './shared/validation';
import { NODE_TYPES } from './entities';
import { rowsById } from './shared/db/rows';

@Resolver()
export class NodeResolver {
  @Authorized(...EVERYONE)
  @Query(() => Node, { nullable: true, description: 'Any record by its global id; null when there is none (Relay).' })
  async node(@Arg('id', () => ID, { description: 'A global id.' }) id: string, @Ctx() { em, loaders }: Context): Promise<Node | null> {
    const { type, id: rowId } = parseGlobalId(id, 'id');
    const entity = NODE_TYPES.get(type);
    if (!entity) return null;
    return (await rowsById({ em, loaders }, entity as never).load(rowId)) as Node | null;
  }

  @Authorized(...EVERYONE)
  @Query(() => [Node], {
    nullable: 'items',
    description: 'Records by their global ids, in the same order; null where there is none. At most 100.',
  })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() ctx: Context): Promise<Array<Node | null>> {
    if (ids.length > 100) throw new DomainValidationError('ids', 'ids 至多 100 个 (at most 100 ids)', InputErrorReason.RANGE);
    return Promise.all(
      ids.map((id, index) =>
        this.node(id, ctx).catch((error: unknown) => {
          if (error instanceof DomainValidationError) throw new DomainValidationError(`ids.${index}`, error.message, error.reason);
          throw error;
        }),
      ),
    );
  }
}
