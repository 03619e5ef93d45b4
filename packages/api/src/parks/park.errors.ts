import { registerErrorReasons } from '../shared/errors/reasons';

/** Why a park or zone could not be changed. */
export enum ParkErrorReason {
  HAS_ACTIVE_ENTERPRISES = 'HAS_ACTIVE_ENTERPRISES',
}

registerErrorReasons(ParkErrorReason, 'ParkErrorReason', 'Why a park or zone could not be changed.', {
  HAS_ACTIVE_ENTERPRISES: 'Enterprises are still registered there; move or archive them first (CONFLICT).',
});

declare module '../shared/errors/reasons' {
  interface ErrorReasons {
    park: ParkErrorReason;
  }
}
