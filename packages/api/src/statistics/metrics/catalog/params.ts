import { MetricErrorReason } from '../metric.errors';
import { DomainValidationError } from '../../../shared/validation';
import type { MetricDefinition, ParamValues } from '../metric';

/** A metric's parameters with defaults filled in; unknown names and bad values are BAD_USER_INPUT on `field.<name>`. */
export function resolveParams(metric: MetricDefinition, given: Record<string, unknown> | null | undefined, field = 'params'): ParamValues {
  const out: ParamValues = {};
  const input = given ?? {};
  for (const key of Object.keys(input)) {
    if (!metric.params.some((p) => p.name === key)) {
      const known = metric.params.map((p) => p.name).join(', ') || '无 (none)';
      throw new DomainValidationError(
        `${field}.${key}`,
        `指标 ${metric.name} 没有参数 ${key}; 可用: ${known} (unknown parameter)`,
        MetricErrorReason.UNKNOWN_PARAMETER,
      );
    }
  }
  for (const spec of metric.params) {
    const value = input[spec.name];
    if (value === undefined || value === null) {
      out[spec.name] = spec.default;
      continue;
    }
    const bad = (expected: string) =>
      new DomainValidationError(
        `${field}.${spec.name}`,
        `${field}.${spec.name} 应为 ${expected} (expected ${expected})`,
        MetricErrorReason.INVALID_PARAMETER,
      );
    if (spec.type === 'int') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < (spec.min ?? -Infinity) || value > (spec.max ?? Infinity)) {
        throw bad(`an integer from ${spec.min} to ${spec.max}`);
      }
    } else if (spec.type === 'boolean') {
      if (typeof value !== 'boolean') throw bad('true or false');
    } else if (typeof value !== 'string' || !spec.values!.includes(value)) {
      throw bad(`one of ${spec.values!.join(', ')}`);
    }
    out[spec.name] = value as number | boolean | string;
  }
  return out;
}
