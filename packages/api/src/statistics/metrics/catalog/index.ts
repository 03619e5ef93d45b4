import { MetricErrorReason } from '../metric.errors';
import { DomainValidationError } from '../../../shared/validation';
import type { MetricDefinition } from '../metric';
import { COVERAGE_METRICS } from './coverage';
import { DISPUTES_METRICS } from './disputes';
import { ENGAGEMENTS_METRICS } from './engagements';
import { SECURITY_METRICS } from './security';
import { SERVICES_METRICS } from './services';
import { RESOURCES_METRICS } from './resources';

export { resolveParams } from './params';

const word = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const CASES = word('起', '起', 'cases');

/** The measure word (量词) of each count, as the bureaus' reports write them. */
const MEASURE_WORDS: Record<string, ReturnType<typeof word>> = {
  visitCount: word('次', '次', 'visits'),
  patrolCount: word('次', '次', 'patrols'),
  videoPatrolCount: word('次', '次', 'patrols'),
  patrolPersonTimes: word('人次', '人次', 'person-times'),
  suspiciousPersonsChecked: word('人', '人', 'persons'),
  suspiciousVehiclesChecked: word('辆', '輛', 'vehicles'),
  peopleAssisted: word('人', '人', 'people'),
  hazardCount: word('处', '處', 'hazards'),
  hazardsRectifiedOnSite: word('处', '處', 'hazards'),
  hazardsRectifiedByDeadline: word('处', '處', 'hazards'),
  incidentCount: word('起', '起', 'incidents'),
  casesCleared: word('起', '起', 'cases'),
  incidentArrivalWithin: word('起', '起', 'incidents'),
  disputeCount: word('起', '起', 'disputes'),
  disputesResolved: word('起', '起', 'disputes'),
  amountRecovered: word('元', '元', 'yuan'),
  disputeResolutionRate: word('起', '起', 'disputes'),
  escalationRiskCount: CASES,
  escalationRisksDefused: CASES,
  escalationRisksControlled: CASES,
  serviceRequestCount: word('件', '件', 'requests'),
  serviceRequestsResolvedInTime: word('件', '件', 'requests'),
  problemsSolved: word('个', '個', 'problems'),
  engagementCount: word('场', '場', 'events'),
  recognitionCount: word('次', '次', 'times'),
  staffOnPost: word('人', '人', 'people'),
  facilitiesInService: word('个', '個', 'units'),
  workersRegistered: word('人', '人', 'people'),
  registrationAccuracy: word('条', '條', 'registrations'),
};

/*
 * The metric catalog, by area; the SQL conventions every metric follows, and their helpers, are in ./conventions.ts.
 */
export const METRICS: readonly MetricDefinition[] = [
  ...COVERAGE_METRICS,
  ...SECURITY_METRICS,
  ...SERVICES_METRICS,
  ...DISPUTES_METRICS,
  ...ENGAGEMENTS_METRICS,
  ...RESOURCES_METRICS,
].map((metric) => (MEASURE_WORDS[metric.name] ? { ...metric, measureWord: MEASURE_WORDS[metric.name] } : metric));

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
