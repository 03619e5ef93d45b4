import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../../shared/db/rows';
import { ADMINS, STAFF } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, paginate, type Page, childPage, connectionType } from '../../shared/pagination';
import { runMutation, type MutationPayload, payloadType } from '../../shared/graphql';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Officer } from '../../officers/officer.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Recognition } from './recognition.entity';
import { RecordRecognitionInput, RecognitionFilter } from './recognition.inputs';
import { recordRecognition } from './recognition.service';
import { RECOGNITION_ORDER, recognitionWhere } from './recognition.filters';

const RecognitionConnection = connectionType(Recognition);
const RecognitionPayload = payloadType('RecognitionPayload', Recognition, 'recognition');

@Resolver(() => Recognition)
export class RecognitionResolver {
  @Authorized(...STAFF)
  @Query(() => RecognitionConnection, { description: 'Pennants and thank-you letters (锦旗, 感谢信), latest first.' })
  recognitions(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Which recognitions.' }) filter?: RecognitionFilter,
  ): Promise<Page<Recognition>> {
    return paginate(em, Recognition, recognitionWhere(filter), RECOGNITION_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise that gave it.' })
  enterprise(@Root() recognition: Recognition, @Ctx() ctx: Context): Promise<Enterprise> {
    return related(ctx, recognition.enterprise);
  }

  @FieldResolver(() => Officer, { nullable: true, description: 'The officer it names.' })
  async officer(@Root() recognition: Recognition, @Ctx() ctx: Context): Promise<Officer | null> {
    return relatedOrNull(ctx, recognition.officer);
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'The unit it names.' })
  async unit(@Root() recognition: Recognition, @Ctx() ctx: Context): Promise<PoliceUnit | null> {
    return relatedOrNull(ctx, recognition.unit);
  }

  @Authorized(...ADMINS)
  @Mutation(() => RecognitionPayload, { description: 'Records a pennant or letter from an enterprise.' })
  recordRecognition(
    @Arg('input', { description: 'The recognition.' }) input: RecordRecognitionInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Recognition>> {
    return runMutation(ctx, 'recordRecognition', input, (em) => recordRecognition(em, input));
  }
}

@Resolver(() => Officer)
export class OfficerRecognitionsResolver {
  @FieldResolver(() => RecognitionConnection, { description: 'Pennants and letters naming the officer, latest first.' })
  recognitions(
    @Root() officer: Officer,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Which recognitions.' }) filter?: RecognitionFilter,
  ): Promise<Page<Recognition>> {
    const spec = { entity: Recognition, parent: 'officer', where: recognitionWhere(filter), ordering: RECOGNITION_ORDER };
    return childPage(em, loaders, spec, officer.id, args, info);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseRecognitionsResolver {
  @FieldResolver(() => RecognitionConnection, { description: 'Pennants and letters from the enterprise, latest first.' })
  recognitions(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Which recognitions.' }) filter?: RecognitionFilter,
  ): Promise<Page<Recognition>> {
    const spec = { entity: Recognition, parent: 'enterprise', where: recognitionWhere(filter), ordering: RECOGNITION_ORDER };
    return childPage(em, loaders, spec, enterprise.id, args, info);
  }
}
