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
}

registerErrorReasons(
  AccountErrorReason,
  'AccountErrorReason',
  'Why signing in, a token or an embed key was refused, or an account could not be changed.',
  {
    CREDENTIALS_REQUIRED: 'Sign in, or send an embed key (UNAUTHENTICATED).',
    AMBIGUOUS_CREDENTIALS: 'A bearer token and an embed key were both sent; send one (UNAUTHENTICATED).',
    INVALID_CREDENTIALS: 'Unknown username or wrong password (UNAUTHENTICATED).',
    ACCOUNT_LOCKED: 'Too many wrong passwords in a row; retry after extensions.retryAfter seconds (UNAUTHENTICATED).',
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
  },
);

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    account: AccountErrorReason;
  }
}
