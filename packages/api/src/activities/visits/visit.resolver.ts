import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related } from '../../shared/db/rows';
import { STAFF } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, connectionType, paginate, type Page, childPage } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Officer } from '../../officers/officer.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Visit } from './visit.entity';
import { RecordVisitInput, UpdateVisitInput, VisitFilter } from './visit.inputs';
import { recordVisit, updateVisit } from './visit.service';
import { VISIT_ORDER, visitWhere } from './visit.filters';

const VisitConnection = connectionType(Visit);
const VisitPayload = payloadType('VisitPayload', Visit, 'visit');

@Resolver(() => Visit)
export class VisitResolver {
  @Authorized(...STAFF)
  @Query(() => VisitConnection, { description: 'Liaison visits (走访), latest first.' })
  visits(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Which visits.' }) filter?: VisitFilter,
  ): Promise<Page<Visit>> {
    return paginate(em, Visit, visitWhere(filter), VISIT_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Officer, { description: 'The officer who visited.' })
  officer(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Officer> {
    return related(ctx, visit.officer);
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise visited.' })
  enterprise(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Enterprise> {
    return related(ctx, visit.enterprise);
  }

  @Authorized(...STAFF)
  @Mutation(() => VisitPayload, {
    description: 'Records a liaison visit. Send an idempotency key so a retry on a bad network does not record it twice.',
  })
  recordVisit(@Arg('input', { description: 'The visit.' }) input: RecordVisitInput, @Ctx() ctx: Context): Promise<MutationPayload<Visit>> {
    return runMutation(ctx, 'recordVisit', input, (em) => recordVisit(em, input));
  }

  @Authorized(...STAFF)
  @Mutation(() => VisitPayload, { description: 'Corrects what a visit recorded.' })
  updateVisit(
    @Arg('input', { description: 'The corrections.' }) input: UpdateVisitInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Visit>> {
    return runMutation(ctx, 'updateVisit', input, (em) => updateVisit(em, input));
  }
}

@Resolver(() => Officer)
export class OfficerVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: 'Visits the officer made, latest first.' })
  visits(
    @Root() officer: Officer,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Which visits.' }) filter?: VisitFilter,
  ): Promise<Page<Visit>> {
    return childPage(
      em,
      loaders,
      { entity: Visit, parent: 'officer', where: visitWhere(filter), ordering: VISIT_ORDER },
      officer.id,
      args,
      info,
    );
  }
}

@Resolver(() => Enterprise)
export class EnterpriseVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: 'Visits to the enterprise, latest first.' })
  visits(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Which visits.' }) filter?: VisitFilter,
  ): Promise<Page<Visit>> {
    return childPage(
      em,
      loaders,
      { entity: Visit, parent: 'enterprise', where: visitWhere(filter), ordering: VISIT_ORDER },
      enterprise.id,
      args,
      info,
    );
  }
}
