/** Metrics the compliance engine computes; an indicator names one of them. */
export const METRIC_NAMES = [
  'liaisonGroupCoverage',
  'liaisonCoverage',
  'visitCoverage',
  'engagementCount',
  'engagementCountPerPark',
  'incidentArrivalWithin',
  'patrolsPerZonePerWeek',
  'hazardsRectifiedByDeadline',
  'serviceRequestsResolvedInTime',
  'appointmentsHonoured',
  'disputeResolutionRate',
  'escalationRisksControlled',
  'legalPublicityPerEnterprise',
] as const;

export function isKnownMetric(name: string): boolean {
  return (METRIC_NAMES as readonly string[]).includes(name);
}
