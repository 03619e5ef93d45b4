import { AccountErrorReason } from './account.errors';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../access/context';
import { validateInput } from '../shared/graphql/input-validation';
import { forbidden } from '../shared/errors/domain-error';
import { AuthPayload, ChangePasswordInput, LoginInput, LogoutPayload, RefreshTokenInput } from './access.inputs';
import { ANYONE, STAFF } from '../shared/auth/role';
import { User } from './user.entity';
import { login, logout, refresh, type Tokens } from './session.service';
import { signedInUser } from './session-user';
import { changePassword } from './user.service';

/** Signing in and out. These run outside the viewer's scope: the user is not known yet. */
@Resolver()
export class AccessResolver {
  private async payload(ctx: Context, tokens: Tokens): Promise<AuthPayload> {
    return Object.assign(new AuthPayload(), tokens, { user: await signedInUser(ctx, tokens.userId) });
  }

  @Authorized(...ANYONE)
  @Mutation(() => AuthPayload, {
    description: `Signs in (登录) and opens a session. Users with two-factor sign-in send \`otp\` too (TWO_FACTOR_REQUIRED without it). Failures slow down per username and client address: after 3, each next attempt from that address waits twice as long (ACCOUNT_LOCKED with retryAfter); the account itself is never locked.`,
  })
  async login(@Arg('input', { description: 'Username and password.' }) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    await validateInput(input, 'input');
    return this.payload(ctx, await login(ctx.em, input, ctx.actor, ctx.twoFactorRoles, ctx.signingKey));
  }

  @Authorized(...ANYONE)
  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new access token and a new refresh token (刷新令牌).' })
  async refreshToken(
    @Arg('input', { description: 'The refresh token.' }) input: RefreshTokenInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    await validateInput(input, 'input');
    return this.payload(ctx, await refresh(ctx.em, input.refreshToken, ctx.actor, ctx.signingKey));
  }

  @Authorized(...STAFF)
  @Mutation(() => LogoutPayload, { description: 'Signs out (退出登录): closes the session of the access token.' })
  async logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    const sessionId = ctx.viewer.grants.sessionId;
    if (!sessionId) throw forbidden('没有可关闭的会话 (no session to close)', AccountErrorReason.NO_SESSION);
    await logout(ctx.em, sessionId, ctx.actor);
    return Object.assign(new LogoutPayload(), { loggedOut: true });
  }

  @Authorized(...STAFF)
  @Mutation(() => User, { description: 'Changes your own password (修改密码); your other sessions end.' })
  async changePassword(
    @Arg('input', { description: 'The current and the new password.' }) input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    await validateInput(input, 'input');
    return changePassword(ctx, input);
  }

  @Authorized(...STAFF)
  @Query(() => User, { description: 'The signed-in user (当前用户).' })
  me(@Ctx() { em, viewer }: Context): Promise<User> {
    return em.findOneOrFail(User, viewer.grants.userId as number);
  }
}
