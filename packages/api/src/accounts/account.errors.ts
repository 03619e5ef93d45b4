import { registerErrorReasons } from '../shared/errors/reasons';

/** Why signing in, a token or an embed key was refused, or an account could not be changed. */
export enum AccountErrorReason {
  CREDENTIALS_REQUIRED = 'CREDENTIALS_REQUIRED',
  AMBIGUOUS_CREDENTIALS = 'AMBIGUOUS_CREDENTIALS',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_REUSED = 'TOKEN_REUSED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  NO_SESSION = 'NO_SESSION',
  KEY_INVALID = 'KEY_INVALID',
  KEY_REVOKED = 'KEY_REVOKED',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  ALREADY_DISABLED = 'ALREADY_DISABLED',
  SELF = 'SELF',
  TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED',
  TWO_FACTOR_INVALID = 'TWO_FACTOR_INVALID',
  TWO_FACTOR_ENROLMENT_REQUIRED = 'TWO_FACTOR_ENROLMENT_REQUIRED',
  TWO_FACTOR_ALREADY_ON = 'TWO_FACTOR_ALREADY_ON',
  TWO_FACTOR_NOT_STARTED = 'TWO_FACTOR_NOT_STARTED',
}

registerErrorReasons(
  AccountErrorReason,
  'AccountErrorReason',
  'Why signing in, a token or an embed key was refused, or an account could not be changed.',
  {
    CREDENTIALS_REQUIRED: 'Sign in, or send an embed key (UNAUTHENTICATED).',
    AMBIGUOUS_CREDENTIALS: 'A bearer token and an embed key were both sent; send one (UNAUTHENTICATED).',
    INVALID_CREDENTIALS: 'Unknown username or wrong password (UNAUTHENTICATED).',
    ACCOUNT_LOCKED:
      'Too many failed sign-ins for this username from this client address; retry after extensions.retryAfter seconds (UNAUTHENTICATED). Other addresses are not held back.',
    ACCOUNT_DISABLED: 'The account was disabled (UNAUTHENTICATED).',
    TOKEN_EXPIRED: 'The access token expired; renew it with refreshToken (UNAUTHENTICATED).',
    TOKEN_INVALID: 'The token is not one this server issued (UNAUTHENTICATED).',
    TOKEN_REUSED: 'A refresh token was presented twice; the session is closed (UNAUTHENTICATED).',
    SESSION_REVOKED: 'The session was closed: signed out, password changed or account disabled (UNAUTHENTICATED).',
    NO_SESSION: 'The request has no session to act on (UNAUTHENTICATED).',
    KEY_INVALID: 'No such embed key (UNAUTHENTICATED).',
    KEY_REVOKED: 'The embed key was revoked (UNAUTHENTICATED).',
    WEAK_PASSWORD: 'The new password is too weak (BAD_USER_INPUT).',
    WRONG_PASSWORD: 'The current password is wrong (BAD_USER_INPUT).',
    ALREADY_DISABLED: 'The user is disabled already (CONFLICT).',
    SELF: 'Users may not disable themselves (FORBIDDEN).',
    TWO_FACTOR_REQUIRED:
      'The user signs in with a second factor: send `otp`, a code from the authenticator app or a recovery code (UNAUTHENTICATED).',
    TWO_FACTOR_INVALID: 'The code is wrong, expired or used already (UNAUTHENTICATED at sign-in, BAD_USER_INPUT when enrolling).',
    TWO_FACTOR_ENROLMENT_REQUIRED:
      'The role signs in with two factors and this user has none yet: only me, startTwoFactorEnrolment, confirmTwoFactorEnrolment and logout work until it is confirmed (FORBIDDEN).',
    TWO_FACTOR_ALREADY_ON: 'Two-factor sign-in is on already; a system administrator can reset it (CONFLICT).',
    TWO_FACTOR_NOT_STARTED: 'Start the enrolment first with startTwoFactorEnrolment (CONFLICT).',
  },
);

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    account: AccountErrorReason;
  }
}
