/** How bench:stats checks the API's report against the hand-written SQL before timing them. */
export interface HandRow {
  metric: string;
  unit: 'M' | 'Q' | 'Y';
  starts_on: Date | string;
  num: string;
  den: string;
}

export interface ApiReport {
  commitments: Array<{
    code: string;
    indicators: Array<{
      metric: { name: string };
      indicator: { params: Record<string, unknown>; period: string };
      value: { value: number | null };
      previous: { value: number | null };
    }>;
  }>;
}

const PERCENT = new Set([
  'liaisonGroupCoverage',
  'liaisonCoverage',
  'visitCoverage',
  'incidentArrivalWithin',
  'hazardsRectifiedByDeadline',
  'serviceRequestsResolvedInTime',
  'appointmentsHonoured',
  'disputeResolutionRate',
  'escalationRisksControlled',
]);

/** The API's yearly value of each indicator against the hand-written SQL's, for both years. */
export function compare(report: ApiReport, rows: HandRow[], year: number): string[] {
  const yearOf = (value: Date | string) => (value instanceof Date ? value.getFullYear() : Number(String(value).slice(0, 4)));
  const out: string[] = [];
  for (const commitment of report.commitments) {
    for (const indicator of commitment.indicators) {
      const type = indicator.indicator.params.type as string | undefined;
      const key = ['engagementCount', 'engagementCountPerPark'].includes(indicator.metric.name)
        ? `${indicator.metric.name}:${type}`
        : indicator.metric.name;
      const windows = indicator.indicator.period === 'MONTH' ? 12 : 4;
      for (const [y, got] of [
        [year, indicator.value.value],
        [year - 1, indicator.previous.value],
      ] as const) {
        const row = rows.find((r) => r.metric === key && r.unit === 'Y' && yearOf(r.starts_on) === y);
        const num = Number(row?.num ?? 0);
        const den = Number(row?.den ?? 0);
        // Counts of events carry one in `den` per month or quarter; sessions per enterprise carry the average enterprises.
        const expected =
          !row || den === 0
            ? null
            : PERCENT.has(key)
              ? (100 * num) / den
              : key === 'legalPublicityPerEnterprise'
                ? num / den / windows
                : num / den;
        const same = expected === null ? got === null : got !== null && Math.abs(got - expected) < 1e-3 * Math.max(1, Math.abs(expected));
        if (!same) out.push(`${commitment.code} ${key} ${y}: API ${got}, SQL ${expected}`);
      }
    }
  }
  return out;
}
