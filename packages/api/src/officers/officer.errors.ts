import { registerErrorReasons } from '../shared/errors/reasons';

/** Why an officer could not be changed. */
export enum OfficerErrorReason {
  HAS_CURRENT_ASSIGNMENTS = 'HAS_CURRENT_ASSIGNMENTS',
}

registerErrorReasons(OfficerErrorReason, 'OfficerErrorReason', 'Why an officer could not be changed.', {
  HAS_CURRENT_ASSIGNMENTS: 'The officer still looks after enterprises; reassign them first (CONFLICT).',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    officer: OfficerErrorReason;
  }
}
