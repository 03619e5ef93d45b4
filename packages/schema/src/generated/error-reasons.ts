/** Why a signed-in user or an embed key may not do this (FORBIDDEN). */
export type AccessErrorReason =
  /** In production an embed key runs only the public widgets’ persisted operations, by id. */
  | 'OPERATION_NOT_ALLOWED'
  /** The embed key does not list the page’s origin; add it to the key’s origins. */
  | 'ORIGIN_NOT_ALLOWED'
  /** The record lies outside the parks and programs the user may change. */
  | 'OUT_OF_SCOPE'
  /** An embed key reads aggregated public figures only: never per officer or enterprise, never personal data. */
  | 'PUBLIC_FIGURES_ONLY'
  /** An embed key reads; it never writes. */
  | 'READ_ONLY_KEY'
  /** The role may not call this operation. */
  | 'ROLE';

/** Why signing in, a token or an embed key was refused, or an account could not be changed. */
export type AccountErrorReason =
  /** The account was disabled (UNAUTHENTICATED). */
  | 'ACCOUNT_DISABLED'
  /** Too many failed sign-ins for this username from this client address; retry after extensions.retryAfter seconds (UNAUTHENTICATED). Other addresses are not held back. */
  | 'ACCOUNT_LOCKED'
  /** The user is disabled already (CONFLICT). */
  | 'ALREADY_DISABLED'
  /** A bearer token and an embed key were both sent; send one (UNAUTHENTICATED). */
  | 'AMBIGUOUS_CREDENTIALS'
  /** Sign in, or send an embed key (UNAUTHENTICATED). */
  | 'CREDENTIALS_REQUIRED'
  /** Unknown username or wrong password (UNAUTHENTICATED). */
  | 'INVALID_CREDENTIALS'
  /** No such embed key (UNAUTHENTICATED). */
  | 'KEY_INVALID'
  /** The embed key was revoked (UNAUTHENTICATED). */
  | 'KEY_REVOKED'
  /** The request has no session to act on (UNAUTHENTICATED). */
  | 'NO_SESSION'
  /** Users may not disable themselves (FORBIDDEN). */
  | 'SELF'
  /** The session was closed: signed out, password changed or account disabled (UNAUTHENTICATED). */
  | 'SESSION_REVOKED'
  /** The access token expired; renew it with refreshToken (UNAUTHENTICATED). */
  | 'TOKEN_EXPIRED'
  /** The token is not one this server issued (UNAUTHENTICATED). */
  | 'TOKEN_INVALID'
  /** A refresh token was presented twice; the session is closed (UNAUTHENTICATED). */
  | 'TOKEN_REUSED'
  /** Two-factor sign-in is on already; a system administrator can reset it (CONFLICT). */
  | 'TWO_FACTOR_ALREADY_ON'
  /** The role signs in with two factors and this user has none yet: only me, startTwoFactorEnrolment, confirmTwoFactorEnrolment and logout work until it is confirmed (FORBIDDEN). */
  | 'TWO_FACTOR_ENROLMENT_REQUIRED'
  /** The code is wrong, expired or used already (UNAUTHENTICATED at sign-in, BAD_USER_INPUT when enrolling). */
  | 'TWO_FACTOR_INVALID'
  /** Start the enrolment first with startTwoFactorEnrolment (CONFLICT). */
  | 'TWO_FACTOR_NOT_STARTED'
  /** The user signs in with a second factor: send `otp`, a code from the authenticator app or a recovery code (UNAUTHENTICATED). */
  | 'TWO_FACTOR_REQUIRED'
  /** The new password is too weak (BAD_USER_INPUT). */
  | 'WEAK_PASSWORD'
  /** The current password is wrong (BAD_USER_INPUT). */
  | 'WRONG_PASSWORD';

/** Why an activity (patrol, hazard, dispute, engagement …) could not be recorded. */
export type ActivityErrorReason =
  /** An enterprise, zone or team named lies outside the activity’s park (BAD_USER_INPUT). */
  | 'OUTSIDE_PARK'
  /** The team is not of the kind this activity needs (a patrol by a patrol team) (BAD_USER_INPUT). */
  | 'WRONG_TEAM';

/** Why a commitment could not be changed. */
export type CommitmentErrorReason =
  /** A unit named belongs to another program (BAD_USER_INPUT). */
  | 'OUTSIDE_PROGRAM';

/** Why an input field was refused (BAD_USER_INPUT); `extensions.field` names the field. */
export type InputErrorReason =
  /** Too many items. */
  | 'ARRAYMAXSIZE'
  /** Too few items. */
  | 'ARRAYMINSIZE'
  /** An item is listed twice. */
  | 'ARRAYUNIQUE'
  /** A character the code may not hold (a credit code: digits and capitals but I, O, S, V, Z). */
  | 'CHARSET'
  /** The unified social credit code’s check character does not match (GB 32100-2015). */
  | 'CHECK_DIGIT'
  /** Given together with a field it excludes (`after` with `before`). */
  | 'EXCLUSIVE'
  /** The value is not in the expected format (a phone number, a badge number, a date, a time zone). */
  | 'FORMAT'
  /** A spreadsheet cell holds a formula; imports take values only. */
  | 'FORMULA'
  /** In the future, where only the past or today is allowed. */
  | 'FUTURE'
  /** Not a value this field takes. */
  | 'INVALID'
  /** Not a cursor of this list. */
  | 'INVALID_CURSOR'
  /** Not a global id. */
  | 'INVALID_ID'
  /** Not one of the allowed values. */
  | 'ISIN'
  /** Not a whole number. */
  | 'ISINT'
  /** Not a number. */
  | 'ISNUMBER'
  /** Too short or too long. */
  | 'LENGTH'
  /** Does not match the expected pattern. */
  | 'MATCHES'
  /** Above the maximum. */
  | 'MAX'
  /** Longer than the maximum length. */
  | 'MAXLENGTH'
  /** Below the minimum. */
  | 'MIN'
  /** Shorter than the minimum length. */
  | 'MINLENGTH'
  /** Does not agree with another field (a hazard found on a patrol of another park). */
  | 'MISMATCH'
  /** Not taken in this case (a park for a system administrator). */
  | 'NOT_ALLOWED'
  /** Give exactly one of the forms the field takes (a period: month, quarter, year, week, or from and to). */
  | 'ONE_FORM'
  /** Before a date or time it must follow (an end before its start). */
  | 'ORDER'
  /** Outside the allowed range. */
  | 'RANGE'
  /** A value is needed. */
  | 'REQUIRED'
  /** Breaks a rule of the stored data. */
  | 'RULE'
  /** The period or range is longer than allowed. */
  | 'TOO_LONG'
  /** A global id of another type of record. */
  | 'WRONG_TYPE';

/** Why a liaison officer could not be assigned. */
export type LiaisonErrorReason =
  /** The enterprise already has this officer (CONFLICT). */
  | 'ALREADY_ASSIGNED'
  /** A supporting unit must be a police branch (警种) (BAD_USER_INPUT). */
  | 'NOT_A_BRANCH';

/** Why a metric, its parameters or a series were refused (BAD_USER_INPUT). */
export type MetricErrorReason =
  /** The parameter’s value is not one the metric takes. */
  | 'INVALID_PARAMETER'
  /** The series would have too many points; choose a larger unit or a shorter range. */
  | 'TOO_MANY_POINTS'
  /** No metric of that name in the catalog. */
  | 'UNKNOWN_METRIC'
  /** The metric has no parameter of that name. */
  | 'UNKNOWN_PARAMETER';

/** Why an officer could not be changed. */
export type OfficerErrorReason =
  /** The officer still looks after enterprises; reassign them first (CONFLICT). */
  | 'HAS_CURRENT_ASSIGNMENTS';

/** Why a park or zone could not be changed. */
export type ParkErrorReason =
  /** Enterprises are still registered there; move or archive them first (CONFLICT). */
  | 'HAS_ACTIVE_ENTERPRISES';

/** Why a police unit could not be changed. */
export type PoliceUnitErrorReason =
  /** Officers still serve in the unit; move or archive them first (CONFLICT). */
  | 'HAS_ACTIVE_OFFICERS'
  /** A zone named lies outside the unit’s park (BAD_USER_INPUT). */
  | 'OUTSIDE_PARK'
  /** The park named lies in another program (BAD_USER_INPUT). */
  | 'OUTSIDE_PROGRAM';

/** Why a request was refused as too complex (QUERY_TOO_COMPLEX). */
export type QueryLimitErrorReason =
  /** The estimated cost (records a request may return) is above the limit; ask for smaller pages. */
  | 'ESTIMATED_COST_TOO_HIGH'
  /** Selections nest deeper than allowed. */
  | 'NESTED_TOO_DEEPLY'
  /** More aliases than allowed. */
  | 'TOO_MANY_ALIASES'
  /** More directives than allowed. */
  | 'TOO_MANY_DIRECTIVES'
  /** The document is longer than allowed. */
  | 'TOO_MANY_TOKENS';

/** Why a record could not be read or written as asked. */
export type RecordErrorReason =
  /** A record with this value exists already (CONFLICT). */
  | 'DUPLICATE'
  /** The idempotency key was used for a different request (CONFLICT). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The record’s state does not allow this step; `extensions.from` names the state (INVALID_TRANSITION). */
  | 'INVALID_TRANSITION'
  /** No such record, or none the caller may see (NOT_FOUND). */
  | 'NOT_FOUND'
  /** The span overlaps an existing one (CONFLICT). */
  | 'OVERLAP'
  /** The record is still referenced, or refers to one that does not exist (CONFLICT). */
  | 'REFERENCE'
  /** The record changed since the version sent; `extensions.currentVersion` says which is current (CONFLICT). */
  | 'STALE_VERSION';

/** Why a team or member could not be changed. */
export type TeamErrorReason =
  /** The officer is a member already (CONFLICT). */
  | 'ALREADY_MEMBER'
  /** The zone or enterprise lies outside the team’s park (BAD_USER_INPUT). */
  | 'OUTSIDE_PARK';

/** Every reason an error of the API may give in `extensions.reason`. */
export type ErrorReason =
  | AccessErrorReason
  | AccountErrorReason
  | ActivityErrorReason
  | CommitmentErrorReason
  | InputErrorReason
  | LiaisonErrorReason
  | MetricErrorReason
  | OfficerErrorReason
  | ParkErrorReason
  | PoliceUnitErrorReason
  | QueryLimitErrorReason
  | RecordErrorReason
  | TeamErrorReason;
