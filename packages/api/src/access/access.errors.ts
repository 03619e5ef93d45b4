import { registerErrorReasons } from '../shared/errors/reasons';

/** Why a signed-in user or an embed key may not do this (FORBIDDEN). */
export enum AccessErrorReason {
  ROLE = 'ROLE',
  READ_ONLY_KEY = 'READ_ONLY_KEY',
  PUBLIC_FIGURES_ONLY = 'PUBLIC_FIGURES_ONLY',
  ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  OPERATION_NOT_ALLOWED = 'OPERATION_NOT_ALLOWED',
}

registerErrorReasons(AccessErrorReason, 'AccessErrorReason', 'Why a signed-in user or an embed key may not do this (FORBIDDEN).', {
  ROLE: 'The role may not call this operation.',
  READ_ONLY_KEY: 'An embed key reads; it never writes.',
  PUBLIC_FIGURES_ONLY: 'An embed key reads aggregated public figures only: never per officer or enterprise, never personal data.',
  ORIGIN_NOT_ALLOWED: 'The embed key does not list the page’s origin; add it to the key’s origins.',
  OUT_OF_SCOPE: 'The record lies outside the parks and programs the user may change.',
  OPERATION_NOT_ALLOWED: 'In production an embed key runs only the public widgets’ persisted operations, by id.',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    access: AccessErrorReason;
  }
}
