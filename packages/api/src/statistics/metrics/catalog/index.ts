import { MetricErrorReason } from '../metric.errors';
import { DomainValidationError } from '../../../shared/validation';
import type { MetricDefinition } from '../metric';
import { COVERAGE_METRICS } from './coverage';
import { DISPUTES_METRICS } from './disputes';
import { ENGAGEMENTS_METRICS } from './engagements';
import { SECURITY_METRICS } from './security';
import { SERVICES_METRICS } from './services';

export { resolveParams } from './params';

/*
 * The metric catalog, by area; the SQL conventions every metric follows, and their helpers, are in ./conventions.ts.
 */
export const METRICS: readonly MetricDefinition[] = [
  ...COVERAGE_METRICS,
  ...SECURITY_METRICS,
  ...SERVICES_METRICS,
  ...DISPUTES_METRICS,
  ...ENGAGEMENTS_METRICS,
];

const BY_NAME = new Map(METRICS.map((metric) => [metric.name, metric]));

export const METRIC_NAMES = METRICS.map((metric) => metric.name);

/** The metric of that name; an unknown name is a BAD_USER_INPUT on `field`. */
export function metricNamed(name: string, field = 'metric'): MetricDefinition {
  const metric = BY_NAME.get(name);
  if (!metric) {
    throw new DomainValidationError(
      field,
      `未知指标口径 ${name}; 可用: ${METRIC_NAMES.join(', ')} (unknown metric)`,
      MetricErrorReason.UNKNOWN_METRIC,
    );
  }
  return metric;
}
