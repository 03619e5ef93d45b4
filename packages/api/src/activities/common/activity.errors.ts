import { registerErrorReasons } from '../../shared/errors/reasons';

/** Why an activity (patrol, hazard, dispute, engagement …) could not be recorded. */
export enum ActivityErrorReason {
  OUTSIDE_PARK = 'OUTSIDE_PARK',
  WRONG_TEAM = 'WRONG_TEAM',
}

registerErrorReasons(
  ActivityErrorReason,
  'ActivityErrorReason',
  'Why an activity (patrol, hazard, dispute, engagement …) could not be recorded.',
  {
    OUTSIDE_PARK: 'An enterprise, zone or team named lies outside the activity’s park (BAD_USER_INPUT).',
    WRONG_TEAM: 'The team is not of the kind this activity needs (a patrol by a patrol team) (BAD_USER_INPUT).',
  },
);

declare module '../../shared/errors/reasons' {
  interface ErrorReasons {
    activity: ActivityErrorReason;
  }
}
