import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../shared/db/rows';
import type { Context } from '../access/context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../shared/pagination';
import { runMutation } from '../shared/graphql';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import { CreateEmbedKeyInput, EmbedKeyStepInput, UpdateEmbedKeyInput } from './access.inputs';
import { ADMINS } from '../shared/auth/role';
import { EmbedKey } from './embed-key.entity';
import { createEmbedKey, EMBED_KEY_ORDER, ISSUED_KEYS, revokeEmbedKey, rotateEmbedKey, updateEmbedKey } from './embed-key.service';

const EmbedKeyConnection = connectionType(EmbedKey);

@ObjectType({ description: 'Result of a mutation on an embed key.' })
class EmbedKeyPayload {
  @Field(() => String, { nullable: true, description: 'The `clientMutationId` the client sent, echoed back.' })
  clientMutationId?: string | null;

  @Field(() => EmbedKey, { description: 'The key as stored.' })
  embedKey!: EmbedKey;

  @Field(() => String, {
    nullable: true,
    description:
      'The whole key, to paste into the portal page as the `key` attribute of `<huhang-config>` (or of a widget). Shown only in the answer that makes it (creating or rotating); null otherwise and for a retried request.',
  })
  key?: string | null;
}

async function payload(
  ctx: Context,
  operation: string,
  input: { clientMutationId?: string | null },
  work: Parameters<typeof runMutation<EmbedKey>>[3],
) {
  const { clientMutationId, record } = await runMutation(ctx, operation, input, work);
  return Object.assign(new EmbedKeyPayload(), { clientMutationId, embedKey: record, key: ISSUED_KEYS.get(record) ?? null });
}

@Resolver(() => EmbedKey)
export class EmbedKeyResolver {
  @Authorized(...ADMINS)
  @Query(() => EmbedKeyConnection, { description: 'Embed keys (嵌入密钥) of the programs and parks the viewer administers, newest first.' })
  embedKeys(@Ctx() { em, loaders }: Context, @Args() args: ConnectionArgs, @Info() info: GraphQLResolveInfo): Promise<Page<EmbedKey>> {
    return paginate(em, EmbedKey, {}, EMBED_KEY_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Program, { description: 'The program whose figures the key reads.' })
  program(@Root() key: EmbedKey, @Ctx() ctx: Context): Promise<Program> {
    return related(ctx, key.program);
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The park whose figures the key reads; null: the whole program.' })
  async park(@Root() key: EmbedKey, @Ctx() ctx: Context): Promise<Park | null> {
    return relatedOrNull(ctx, key.park);
  }

  @Authorized(...ADMINS)
  @Mutation(() => EmbedKeyPayload, {
    description: 'Issues an embed key for a portal: read-only public figures of a program or park, from its allowed origins.',
  })
  createEmbedKey(@Arg('input', { description: 'The new key.' }) input: CreateEmbedKeyInput, @Ctx() ctx: Context): Promise<EmbedKeyPayload> {
    return payload(ctx, 'createEmbedKey', input, (em) => createEmbedKey(em, input, ctx.viewer.grants.userId));
  }

  @Authorized(...ADMINS)
  @Mutation(() => EmbedKeyPayload, { description: 'Renames an embed key or changes its allowed origins.' })
  updateEmbedKey(@Arg('input', { description: 'The changes.' }) input: UpdateEmbedKeyInput, @Ctx() ctx: Context): Promise<EmbedKeyPayload> {
    return payload(ctx, 'updateEmbedKey', input, (em) => updateEmbedKey(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => EmbedKeyPayload, { description: 'Gives an embed key a new value (轮换); the old value stops working at once.' })
  rotateEmbedKey(
    @Arg('input', { description: 'The key to rotate.' }) input: EmbedKeyStepInput,
    @Ctx() ctx: Context,
  ): Promise<EmbedKeyPayload> {
    return payload(ctx, 'rotateEmbedKey', input, (em) => rotateEmbedKey(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => EmbedKeyPayload, { description: 'Revokes an embed key (吊销): requests with it are refused from now on.' })
  revokeEmbedKey(
    @Arg('input', { description: 'The key to revoke.' }) input: EmbedKeyStepInput,
    @Ctx() ctx: Context,
  ): Promise<EmbedKeyPayload> {
    return payload(ctx, 'revokeEmbedKey', input, (em) => revokeEmbedKey(em, input));
  }
}
