import { registerErrorReasons } from '../shared/errors/reasons';

/** Why a team or member could not be changed. */
export enum TeamErrorReason {
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  OUTSIDE_PARK = 'OUTSIDE_PARK',
}

registerErrorReasons(TeamErrorReason, 'TeamErrorReason', 'Why a team or member could not be changed.', {
  ALREADY_MEMBER: 'The officer is a member already (CONFLICT).',
  OUTSIDE_PARK: 'The zone or enterprise lies outside the team’s park (BAD_USER_INPUT).',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    team: TeamErrorReason;
  }
}
