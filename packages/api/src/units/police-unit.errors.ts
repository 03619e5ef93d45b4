import { registerErrorReasons } from '../shared/errors/reasons';

/** Why a police unit could not be changed. */
export enum PoliceUnitErrorReason {
  HAS_ACTIVE_OFFICERS = 'HAS_ACTIVE_OFFICERS',
  OUTSIDE_PROGRAM = 'OUTSIDE_PROGRAM',
  OUTSIDE_PARK = 'OUTSIDE_PARK',
}

registerErrorReasons(PoliceUnitErrorReason, 'PoliceUnitErrorReason', 'Why a police unit could not be changed.', {
  HAS_ACTIVE_OFFICERS: 'Officers still serve in the unit; move or archive them first (CONFLICT).',
  OUTSIDE_PROGRAM: 'The park named lies in another program (BAD_USER_INPUT).',
  OUTSIDE_PARK: 'A zone named lies outside the unit’s park (BAD_USER_INPUT).',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    policeUnit: PoliceUnitErrorReason;
  }
}
