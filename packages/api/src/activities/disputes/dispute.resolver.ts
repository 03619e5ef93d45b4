import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull, relatedMany } from '../../shared/db/rows';
import { ADMINS } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { Team } from '../../teams/team.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Dispute } from './dispute.entity';
import { DisputeStepInput, RecordDisputeInput, ResolveDisputeInput, UpdateDisputeInput, DisputeFilter } from './dispute.inputs';
import { escalateDispute, recordDispute, reopenDispute, resolveDispute, startDisputeMediation, updateDispute } from './dispute.service';
import { DISPUTE_ORDER, disputeWhere } from './dispute.filters';

const DisputeConnection = connectionType(Dispute);
const DisputePayload = payloadType('DisputePayload', Dispute, 'dispute');

@Resolver(() => Dispute)
export class DisputeResolver {
  @Authorized(...ADMINS)
  @Query(() => DisputeConnection, { description: 'Disputes (矛盾纠纷), latest found first.' })
  disputes(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => DisputeFilter, { nullable: true, description: 'Which disputes.' }) filter?: DisputeFilter,
  ): Promise<Page<Dispute>> {
    return paginate(em, Dispute, disputeWhere(filter), DISPUTE_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() dispute: Dispute, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, dispute.park);
  }

  @FieldResolver(() => Zone, { nullable: true, description: 'The zone, if local to one.' })
  async zone(@Root() dispute: Dispute, @Ctx() ctx: Context): Promise<Zone | null> {
    return relatedOrNull(ctx, dispute.zone);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The mediation team handling it.' })
  async team(@Root() dispute: Dispute, @Ctx() ctx: Context): Promise<Team | null> {
    return relatedOrNull(ctx, dispute.team);
  }

  @FieldResolver(() => [Enterprise], { description: 'Enterprises involved, a short list by nature.' })
  async enterprises(@Root() dispute: Dispute, @Ctx() ctx: Context): Promise<Enterprise[]> {
    return await relatedMany(ctx, dispute, 'enterprises');
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations involved (a subcontractor, a work team), a short list by nature.' })
  async organisations(@Root() dispute: Dispute, @Ctx() ctx: Context): Promise<Organisation[]> {
    return await relatedMany(ctx, dispute, 'organisations');
  }

  @Authorized(...ADMINS)
  @Mutation(() => DisputePayload, { description: 'Records a dispute found (排查), status IDENTIFIED.' })
  recordDispute(
    @Arg('input', { description: 'The dispute.' }) input: RecordDisputeInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Dispute>> {
    return runMutation(ctx, 'recordDispute', input, (em) => recordDispute(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => DisputePayload, { description: 'Corrects a dispute’s facts or records what became of its escalation risk.' })
  updateDispute(
    @Arg('input', { description: 'The changes.' }) input: UpdateDisputeInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Dispute>> {
    return runMutation(ctx, 'updateDispute', input, (em) => updateDispute(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => DisputePayload, { description: 'IDENTIFIED → MEDIATING.' })
  startDisputeMediation(
    @Arg('input', { description: 'The dispute and the day.' }) input: DisputeStepInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Dispute>> {
    return runMutation(ctx, 'startDisputeMediation', input, (em) => startDisputeMediation(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => DisputePayload, {
    description: 'IDENTIFIED or MEDIATING → RESOLVED. A resolved dispute is reopened with `reopenDispute` first.',
  })
  resolveDispute(
    @Arg('input', { description: 'The dispute, the day and the risk outcome.' }) input: ResolveDisputeInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Dispute>> {
    return runMutation(ctx, 'resolveDispute', input, (em) => resolveDispute(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => DisputePayload, { description: 'IDENTIFIED or MEDIATING → ESCALATED (handed on to other authorities).' })
  escalateDispute(
    @Arg('input', { description: 'The dispute and the day.' }) input: DisputeStepInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Dispute>> {
    return runMutation(ctx, 'escalateDispute', input, (em) => escalateDispute(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => DisputePayload, { description: 'RESOLVED or ESCALATED → MEDIATING, when a dispute flares up again.' })
  reopenDispute(
    @Arg('input', { description: 'The dispute and the day.' }) input: DisputeStepInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Dispute>> {
    return runMutation(ctx, 'reopenDispute', input, (em) => reopenDispute(em, input));
  }
}
