import { registerErrorReasons } from '../shared/errors/reasons';

/** Why a liaison officer could not be assigned. */
export enum LiaisonErrorReason {
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  NOT_A_BRANCH = 'NOT_A_BRANCH',
}

registerErrorReasons(LiaisonErrorReason, 'LiaisonErrorReason', 'Why a liaison officer could not be assigned.', {
  ALREADY_ASSIGNED: 'The enterprise already has this officer (CONFLICT).',
  NOT_A_BRANCH: 'A supporting unit must be a police branch (警种) (BAD_USER_INPUT).',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    liaison: LiaisonErrorReason;
  }
}
