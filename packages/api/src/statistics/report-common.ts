import { toGlobalId } from '../shared/graphql/global-id';
import { todayIn } from '../shared/time/calendar';
import type { Clock, MeasureRequest } from './metrics/engine';
import { type Disclosure, type Figure } from './metrics/figure';
import type { MetricDefinition, ParamValues } from './metrics/metric';
import type { DayRange } from './metrics/period';
import type { ScopeKind, Scope } from './metrics/scope';
import { StatisticsScope, Trend } from './statistics.types';

export interface StatisticsOptions {
  disclosure: Disclosure;
  clock?: Clock;
}

const TYPE_OF_SCOPE: Record<ScopeKind, string> = {
  PROGRAM: 'Program',
  PARK: 'Park',
  ZONE: 'Zone',
  POLICE_UNIT: 'PoliceUnit',
  OFFICER: 'Officer',
  ENTERPRISE: 'Enterprise',
};

/** Now, and today on the calendar of a program's time zone. */
export function currentClock(timeZone = 'Asia/Shanghai'): Clock {
  const now = new Date();
  return { today: todayIn(timeZone, now), now };
}

export function scopeInfo(scope: Scope): StatisticsScope {
  return Object.assign(new StatisticsScope(), { kind: scope.kind, id: toGlobalId(TYPE_OF_SCOPE[scope.kind], scope.id), name: scope.name });
}

export function changeOf(current: Figure, previous: Figure): { change: number | null; trend: Trend | null } {
  if (current.value === null || previous.value === null) return { change: null, trend: null };
  const change = Math.round((current.value - previous.value) * 1e4) / 1e4;
  return { change, trend: change > 0 ? Trend.UP : change < 0 ? Trend.DOWN : Trend.FLAT };
}

/** Shares identical measurements between requests (the same metric, parameters and buckets). */
export class RequestSet {
  readonly requests: MeasureRequest[] = [];
  private readonly keys = new Map<string, number>();

  add(metric: MetricDefinition, params: ParamValues, buckets: DayRange[]): number {
    const key = JSON.stringify([metric.name, params, buckets]);
    let index = this.keys.get(key);
    if (index === undefined) {
      index = this.requests.push({ metric, params, buckets }) - 1;
      this.keys.set(key, index);
    }
    return index;
  }
}
