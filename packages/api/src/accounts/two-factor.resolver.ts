import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import type { Context } from '../access/context';
import { validateInput } from '../shared/graphql/input-validation';
import { idOf } from '../shared/graphql/global-id';
import { STAFF, SYSTEM_ADMINS } from '../shared/auth/role';
import { notFound } from '../shared/errors/domain-error';
import { User } from './user.entity';
import { confirmEnrolment, resetTwoFactor, startEnrolment } from './two-factor.service';

@ObjectType({ description: 'A second factor being enrolled: add it to an authenticator app, then confirm with a code.' })
class TwoFactorEnrolment {
  @Field({ description: 'The secret in base32, for typing into the app by hand. Shown once; keep it from others.' })
  secret!: string;

  @Field({ description: 'The `otpauth://totp/…` URI (RFC 6238 parameters), for a QR code or a tap on the phone itself.' })
  uri!: string;
}

@ObjectType({ description: 'Two-factor sign-in is on.' })
class TwoFactorConfirmation {
  @Field(() => [String], {
    description: 'Ten one-time recovery codes, for signing in without the app. Shown this once only: print or store them safely.',
  })
  recoveryCodes!: string[];
}

@InputType({ description: 'A code from the authenticator app.' })
class ConfirmTwoFactorInput {
  @Field({ description: 'The six digits the app shows now.' })
  @MinLength(6)
  @MaxLength(6)
  code!: string;
}

@InputType({ description: 'The user whose second factor is turned off.' })
class ResetTwoFactorInput {
  @Field(() => ID, { description: 'Global id of the user.' })
  @MinLength(1)
  @MaxLength(100)
  userId!: string;
}

@Resolver(() => User)
export class TwoFactorResolver {
  @Authorized(...STAFF)
  @Mutation(() => TwoFactorEnrolment, {
    description:
      'Starts two-factor sign-in (绑定双因素认证) for the signed-in user: a new secret for an authenticator app. Nothing changes at sign-in until confirmTwoFactorEnrolment.',
  })
  async startTwoFactorEnrolment(@Ctx() ctx: Context): Promise<TwoFactorEnrolment> {
    return Object.assign(new TwoFactorEnrolment(), await startEnrolment(ctx));
  }

  @Authorized(...STAFF)
  @Mutation(() => TwoFactorConfirmation, {
    description: 'Confirms the enrolment with a code from the app: from now on, signing in asks for a code; returns the recovery codes.',
  })
  async confirmTwoFactorEnrolment(
    @Arg('input', { description: 'A code from the app.' }) input: ConfirmTwoFactorInput,
    @Ctx() ctx: Context,
  ): Promise<TwoFactorConfirmation> {
    await validateInput(input, 'input');
    return Object.assign(new TwoFactorConfirmation(), { recoveryCodes: await confirmEnrolment(ctx, input.code) });
  }

  @Authorized(...SYSTEM_ADMINS)
  @Mutation(() => User, {
    description:
      "Turns a user's second factor off (a lost phone): the user's sessions end, and the next sign-in enrols again where the role requires it.",
  })
  async resetTwoFactor(@Arg('input', { description: 'Whose.' }) input: ResetTwoFactorInput, @Ctx() ctx: Context): Promise<User> {
    await validateInput(input, 'input');
    const userId = idOf(input.userId, 'User', 'input.userId');
    const user = await ctx.em.findOne(User, userId, { filters: false });
    if (!user) throw notFound('User', 'input.userId');
    await resetTwoFactor(ctx, userId);
    return user;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the user signs in with two factors; shown to the user and to system administrators, null to others.',
  })
  async twoFactorEnabled(@Root() user: User, @Ctx() { em, viewer, loaders }: Context): Promise<boolean | null> {
    if (!viewer.isSystemAdmin && viewer.grants.userId !== user.id) return null;
    const enabled = loaders.get('two-factor-enabled', () => {
      return new DataLoader<number, boolean>(async (ids) => {
        const rows = await em.execute<Array<{ user_id: number }>>(
          'SELECT user_id FROM user_totp WHERE user_id = any(?::int[]) AND confirmed_at IS NOT NULL',
          [`{${ids.join(',')}}`],
        );
        const on = new Set(rows.map((row) => row.user_id));
        return ids.map((id) => on.has(id));
      });
    });
    return enabled.load(user.id);
  }
}
