import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedMany, relatedOrNull, rowsById } from '../shared/db/rows';
import { EVERYONE, PROGRAM_ADMINS } from '../shared/auth/role';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../access/context';
import { ConnectionArgs, childPage, connectionType, paginate, type Page } from '../shared/pagination';
import { ArchiveInput, idOf, payloadType, RemoveInput, runMutation, type MutationPayload } from '../shared/graphql';
import { TranslatedText } from '../shared/i18n/translated';
import { Program } from '../programs/program.entity';
import { PoliceUnit } from '../units/police-unit.entity';
import { Commitment } from './commitment.entity';
import { Indicator } from './indicator.entity';
import {
  AddIndicatorInput,
  CommitmentFilter,
  CreateCommitmentInput,
  UpdateCommitmentInput,
  UpdateIndicatorInput,
} from './commitment.inputs';
import {
  addIndicator,
  commitmentWhere,
  COMMITMENT_ORDER,
  createCommitment,
  INDICATOR_ORDER,
  removeIndicator,
  retireCommitment,
  updateCommitment,
  updateIndicator,
} from './commitment.service';

const CommitmentConnection = connectionType(Commitment);
const IndicatorConnection = connectionType(Indicator);
const CommitmentPayload = payloadType('CommitmentPayload', Commitment, 'commitment');
const IndicatorPayload = payloadType('IndicatorPayload', Indicator, 'indicator');

@Resolver(() => Commitment)
export class CommitmentResolver {
  @Authorized(...EVERYONE)
  @Query(() => CommitmentConnection, { description: 'Service commitments (服务承诺), in their published order.' })
  commitments(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CommitmentFilter, { nullable: true, description: 'Which commitments.' }) filter?: CommitmentFilter,
  ): Promise<Page<Commitment>> {
    return paginate(em, Commitment, commitmentWhere(filter), COMMITMENT_ORDER, args, { loaders, info });
  }

  @Authorized(...EVERYONE)
  @Query(() => Commitment, { nullable: true, description: 'One commitment by global id; null when there is none.' })
  commitment(
    @Arg('id', () => ID, { description: 'Global id of the commitment.' }) id: string,
    @Ctx() { em, loaders }: Context,
  ): Promise<Commitment | null> {
    return rowsById({ em, loaders }, Commitment).load(idOf(id, 'Commitment', 'id'));
  }

  @FieldResolver(() => TranslatedText, { description: 'Title in each language (举措名称).' })
  title(@Root() commitment: Commitment): TranslatedText {
    return new TranslatedText(commitment.title);
  }

  @FieldResolver(() => TranslatedText, { nullable: true, description: 'Description in each language (举措内容).' })
  description(@Root() commitment: Commitment): TranslatedText | null {
    return commitment.description ? new TranslatedText(commitment.description) : null;
  }

  @FieldResolver(() => Program, { description: 'The program that publishes it.' })
  program(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<Program> {
    return related(ctx, commitment.program);
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'Lead unit (牵头单位).' })
  async leadUnit(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<PoliceUnit | null> {
    return relatedOrNull(ctx, commitment.leadUnit);
  }

  @FieldResolver(() => [PoliceUnit], { description: 'Supporting units (配合单位).' })
  async supportingUnits(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<PoliceUnit[]> {
    return await relatedMany(ctx, commitment, 'supportingUnits');
  }

  @FieldResolver(() => IndicatorConnection, { description: 'Indicators that judge the commitment.' })
  indicators(
    @Root() commitment: Commitment,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Indicator>> {
    return childPage(
      em,
      loaders,
      { entity: Indicator, parent: 'commitment', where: {}, ordering: INDICATOR_ORDER },
      commitment.id,
      args,
      info,
    );
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => CommitmentPayload, { description: 'Publishes a new commitment in a program.' })
  createCommitment(
    @Arg('input', { description: 'The commitment.' }) input: CreateCommitmentInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Commitment>> {
    return runMutation(ctx, 'createCommitment', input, (em) => createCommitment(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => CommitmentPayload, { description: 'Changes a commitment.' })
  updateCommitment(
    @Arg('input', { description: 'The changes.' }) input: UpdateCommitmentInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Commitment>> {
    return runMutation(ctx, 'updateCommitment', input, (em) => updateCommitment(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => CommitmentPayload, { description: 'Retires a commitment; its history stays.' })
  retireCommitment(
    @Arg('input', { description: 'The commitment.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Commitment>> {
    return runMutation(ctx, 'retireCommitment', input, (em) => retireCommitment(em, input));
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => Commitment, { description: 'The commitment it judges.' })
  commitment(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<Commitment> {
    return related(ctx, indicator.commitment);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'Metric parameters, e.g. { "minutes": 15 }.' })
  params(@Root() indicator: Indicator): Record<string, unknown> {
    return indicator.params;
  }

  @FieldResolver(() => Float, { description: 'Target value in the metric’s unit.' })
  target(@Root() indicator: Indicator): number {
    return Number(indicator.target);
  }

  @FieldResolver(() => TranslatedText, { nullable: true, description: 'Label in each language.' })
  label(@Root() indicator: Indicator): TranslatedText | null {
    return indicator.label ? new TranslatedText(indicator.label) : null;
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => IndicatorPayload, { description: 'Adds an indicator to a commitment.' })
  addIndicator(
    @Arg('input', { description: 'The indicator.' }) input: AddIndicatorInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Indicator>> {
    return runMutation(ctx, 'addIndicator', input, (em) => addIndicator(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => IndicatorPayload, { description: 'Changes an indicator.' })
  updateIndicator(
    @Arg('input', { description: 'The changes.' }) input: UpdateIndicatorInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Indicator>> {
    return runMutation(ctx, 'updateIndicator', input, (em) => updateIndicator(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => IndicatorPayload, { description: 'Removes an indicator for good.' })
  removeIndicator(
    @Arg('input', { description: 'The indicator.' }) input: RemoveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Indicator>> {
    return runMutation(ctx, 'removeIndicator', input, (em) => removeIndicator(em, input));
  }
}

@Resolver(() => Program)
export class ProgramCommitmentsResolver {
  @FieldResolver(() => CommitmentConnection, { description: 'The service commitments the program publishes, in their published order.' })
  commitments(
    @Root() program: Program,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CommitmentFilter, { nullable: true, description: 'Which commitments.' }) filter?: CommitmentFilter,
  ): Promise<Page<Commitment>> {
    const spec = { entity: Commitment, parent: 'program', where: commitmentWhere(filter), ordering: COMMITMENT_ORDER };
    return childPage(em, loaders, spec, program.id, args, info);
  }
}
