import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { Role } from '../shared/auth/role';
import { OrderDirection } from '../shared/pagination/order';
import { User } from './user.entity';

@InputType({ description: 'Sign in with a username and password.' })
export class LoginInput {
  @Field({ description: 'Sign-in name; case does not matter.' })
  @MinLength(1)
  @MaxLength(50)
  username!: string;

  @Field({ description: 'Password.' })
  @MinLength(1)
  @MaxLength(128)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The second factor, for users who have one: the six digits of the authenticator app, or a recovery code (XXXXX-XXXXX).',
  })
  @IsOptional()
  @MaxLength(32)
  otp?: string | null;
}

@InputType({ description: 'Trade a refresh token for new tokens.' })
export class RefreshTokenInput {
  @Field({ description: 'The refresh token of the last sign-in or refresh; it stops working once traded.' })
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

@ObjectType({ description: 'Tokens of a session (登录会话): a short-lived access token and a refresh token that makes new ones.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`; valid for 15 minutes.' })
  accessToken!: string;

  @Field({ description: 'When the access token expires.' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Trade it with `refreshToken` for new tokens before it expires; keep it secret.' })
  refreshToken!: string;

  @Field({ description: 'When the refresh token, and so the session, expires.' })
  refreshTokenExpiresAt!: Date;

  @Field(() => User, {
    description:
      'The signed-in user, with the officer record, parks and programs that say who they are. What those lead to is read as the caller was before signing in: ask `me` with the access token for it.',
  })
  user!: User;

  @Field({
    description:
      'True: the role signs in with two factors and the user has none yet; until startTwoFactorEnrolment and confirmTwoFactorEnrolment, the session may do nothing else.',
  })
  twoFactorEnrolmentRequired!: boolean;
}

@ObjectType({ description: 'Result of signing out.' })
export class LogoutPayload {
  @Field({ description: 'True: the session is closed; its tokens no longer work.' })
  loggedOut!: boolean;
}

@InputType({ description: 'A new user.' })
export class CreateUserInput extends CreateInput {
  @Field({ description: 'Sign-in name: 3–50 letters, digits, _ . - or @; unique regardless of case.' })
  @MinLength(3)
  @MaxLength(50)
  username!: string;

  @Field({ description: 'Name shown to people.' })
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @Field({ description: 'Initial password: 10–128 characters of at least two kinds.' })
  @MaxLength(128)
  password!: string;

  @Field(() => Role, { description: 'Role.' })
  @IsIn(Object.values(Role))
  role!: Role;

  @Field(() => [ID], { nullable: true, description: 'PARK_ADMIN: the parks administered.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  parkIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'PROGRAM_ADMIN: the programs administered.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  programIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'OFFICER: the officer record the user signs in as.' })
  @IsOptional()
  officerId?: string | null;
}

@InputType({ description: 'Disable a user: signing in is refused and open sessions end.' })
export class DisableUserInput extends ChangeInput {}

@InputType({ description: 'Change your own password; your other sessions end.' })
export class ChangePasswordInput {
  @Field({ description: 'The password now.' })
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @Field({ description: 'The new password: 10–128 characters of at least two kinds.' })
  @MaxLength(128)
  newPassword!: string;
}

@InputType({ description: 'Which users to list.' })
export class UserFilter {
  @Field(() => Role, { nullable: true, description: 'Only this role.' })
  @IsOptional()
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'Part of the username or display name.' })
  @IsOptional()
  @MaxLength(50)
  search?: string | null;
}

export enum UserOrderField {
  USERNAME = 'USERNAME',
  DISPLAY_NAME = 'DISPLAY_NAME',
}
registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'What users can be ordered by.',
  valuesConfig: {
    USERNAME: { description: 'Username.' },
    DISPLAY_NAME: { description: 'Display name, in pinyin order.' },
  },
});

@InputType({ description: 'Order of a user list; ties are broken by id.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'What to order by.' })
  field!: UserOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;
}

@InputType({ description: 'A new embed key for the public widgets of a portal.' })
export class CreateEmbedKeyInput extends CreateInput {
  @Field({ description: 'What it is for, e.g. 县人民政府门户网站.' })
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => ID, { description: 'Global id of the program or park whose public figures the key reads.' })
  @MaxLength(100)
  scope!: string;

  @Field(() => [String], {
    description: 'Origins of the pages that may use it: https://host[:port], or https://*.domain for its subdomains.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  allowedOrigins!: string[];
}

@InputType({ description: 'Change the name or origins of an embed key.' })
export class UpdateEmbedKeyInput extends ChangeInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'New list of allowed origins.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  allowedOrigins?: string[] | null;
}

@InputType({ description: 'Revoke or rotate an embed key.' })
export class EmbedKeyStepInput extends ChangeInput {}
