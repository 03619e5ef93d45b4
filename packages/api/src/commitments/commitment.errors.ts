import { registerErrorReasons } from '../shared/errors/reasons';

/** Why a commitment could not be changed. */
export enum CommitmentErrorReason {
  OUTSIDE_PROGRAM = 'OUTSIDE_PROGRAM',
}

registerErrorReasons(CommitmentErrorReason, 'CommitmentErrorReason', 'Why a commitment could not be changed.', {
  OUTSIDE_PROGRAM: 'A unit named belongs to another program (BAD_USER_INPUT).',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    commitment: CommitmentErrorReason;
  }
}
