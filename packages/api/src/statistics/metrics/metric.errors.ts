import { registerErrorReasons } from '../../shared/errors/reasons';

/** Why a metric, its parameters or a series were refused (BAD_USER_INPUT). */
export enum MetricErrorReason {
  UNKNOWN_METRIC = 'UNKNOWN_METRIC',
  UNKNOWN_PARAMETER = 'UNKNOWN_PARAMETER',
  INVALID_PARAMETER = 'INVALID_PARAMETER',
  TOO_MANY_POINTS = 'TOO_MANY_POINTS',
}

registerErrorReasons(MetricErrorReason, 'MetricErrorReason', 'Why a metric, its parameters or a series were refused (BAD_USER_INPUT).', {
  UNKNOWN_METRIC: 'No metric of that name in the catalog.',
  UNKNOWN_PARAMETER: 'The metric has no parameter of that name.',
  INVALID_PARAMETER: 'The parameter’s value is not one the metric takes.',
  TOO_MANY_POINTS: 'The series would have too many points; choose a larger unit or a shorter range.',
});

declare module '../../shared/errors/reasons' {
  interface ErrorReasons {
    metric: MetricErrorReason;
  }
}
