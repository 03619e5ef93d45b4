import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { relatedOrNull, relatedMany } from '../shared/db/rows';
import type { Context } from '../access/context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import { Officer } from '../officers/officer.entity';
import { CreateUserInput, DisableUserInput, UserFilter, UserOrder } from './access.inputs';
import { PROGRAM_ADMINS } from '../shared/auth/role';
import { User } from './user.entity';
import { ownRecordsOf } from './session-user';
import { createUser, disableUser, userOrdering, userWhere } from './user.service';

const UserConnection = connectionType(User);
const UserPayload = payloadType('UserPayload', User, 'user');

@Resolver(() => User)
export class UserResolver {
  @Authorized(...PROGRAM_ADMINS)
  @Query(() => UserConnection, { description: 'Users (用户) the viewer manages, by username unless `orderBy` says otherwise.' })
  users(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Which users.' }) filter?: UserFilter,
    @Arg('orderBy', () => UserOrder, { nullable: true, description: 'Order of the list; by username by default.' }) orderBy?: UserOrder,
  ): Promise<Page<User>> {
    return paginate(em, User, userWhere(filter), userOrdering(orderBy), args, { loaders, info });
  }

  @FieldResolver(() => [Park], { description: 'Parks a park administrator administers.' })
  async parks(@Root() user: User, @Ctx() ctx: Context): Promise<Park[]> {
    return ownRecordsOf(user)?.parks ?? (await relatedMany(ctx, user, 'parks'));
  }

  @FieldResolver(() => [Program], { description: 'Programs a program administrator administers.' })
  async programs(@Root() user: User, @Ctx() ctx: Context): Promise<Program[]> {
    return ownRecordsOf(user)?.programs ?? (await relatedMany(ctx, user, 'programs'));
  }

  @FieldResolver(() => Officer, { nullable: true, description: 'For an officer: the officer record.' })
  async officer(@Root() user: User, @Ctx() ctx: Context): Promise<Officer | null> {
    const own = ownRecordsOf(user);
    return own ? own.officer : relatedOrNull(ctx, user.officer);
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => UserPayload, {
    description: 'Creates a user (新建用户). A program administrator creates park administrators and officers of its own programs.',
  })
  createUser(@Arg('input', { description: 'The new user.' }) input: CreateUserInput, @Ctx() ctx: Context): Promise<MutationPayload<User>> {
    return runMutation(ctx, 'createUser', input, (em) => createUser(em, ctx.viewer, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => UserPayload, { description: 'Disables a user (停用用户): signing in is refused and open sessions end.' })
  disableUser(
    @Arg('input', { description: 'The user to disable.' }) input: DisableUserInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<User>> {
    return runMutation(ctx, 'disableUser', input, (em) => disableUser(em, ctx.viewer, input));
  }
}
