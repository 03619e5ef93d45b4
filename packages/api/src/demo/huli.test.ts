import { toGlobalId } from '../shared/graphql/global-id';
import { startTestApi, type TestApi } from '../test-support/api';
import { HULI } from './huli';
import { writePlacesProgram, type PlacesTotals } from './places';

// The figures of seed article 003 (Huli district, 2016 against 2015), read back from the demo's
// records through the API: the demo's last two years stand for the article's.
const END = '2025-12-31';
let api: TestApi;
let written: PlacesTotals;

beforeAll(async () => {
  api = await startTestApi(async (db) => {
    await db.sql.query('BEGIN');
    written = await writePlacesProgram(db.sql, HULI, { seed: 2016, endDate: END });
    await db.sql.query('COMMIT');
    await db.sql.query('ANALYZE');
  });
});

afterAll(() => api.close());

const REPORT = `query ($scope: ID!) {
  complianceReport(scope: $scope, period: { year: 2025 }) {
    commitments { code indicators { status value { value } yearAgo { value } changeYearOnYear } }
  }
}`;

describe('the Huli city district demo (seed 003)', () => {
  it('has 26.75 % fewer criminal-class 110 incidents than the year before (4,000 to 2,930), as its own measure reports it', async () => {
    const { complianceReport } = await api.ok(REPORT, { scope: toGlobalId('Program', written.programId) });
    const byCode = new Map(complianceReport.commitments.map((c: { code: string; indicators: unknown[] }) => [c.code, c.indicators[0]]));
    const incidents = byCode.get('H01') as {
      status: string;
      value: { value: number };
      yearAgo: { value: number };
      changeYearOnYear: number;
    };
    expect(incidents).toMatchObject({ status: 'MET', value: { value: 2930 }, yearAgo: { value: 4000 }, changeYearOnYear: -1070 });
    expect((100 * incidents.changeYearOnYear) / incidents.yearAgo.value).toBeCloseTo(-26.75, 10);
    // 446 telecom fraud cases cleared in the year (破获虚假信息诈骗案件 446 起).
    expect(byCode.get('H02')).toMatchObject({ status: 'MET', value: { value: 446 } });
  });

  it('counts the district’s people and what they bring, with no enterprise in it', async () => {
    const total = async (metric: string, params: Record<string, unknown>, from: string) => {
      const { metricSeries } = await api.ok(
        `query ($scope: ID!, $metric: String!, $params: JSONObject, $from: LocalDate!) {
          metricSeries(scope: $scope, metric: $metric, params: $params, from: $from, to: "2025-12-31", granularity: YEAR) { points { value { value applicable } } }
        }`,
        { scope: toGlobalId('Program', written.programId), metric, params, from },
      );
      const points = metricSeries.points.map((p: { value: { value: number; applicable: boolean } }) => p.value);
      expect(points.every((p: { applicable: boolean }) => p.applicable)).toBe(true);
      return points.reduce((sum: number, p: { value: number }) => sum + p.value, 0);
    };
    // Hazards reported by app volunteers arrive as people's requests through the app: 1,200 over the two years.
    expect(await total('serviceRequestCount', { source: 'APP' }, '2024-01-01')).toBe(1200);
    // 5 streets × (12 officers, 20 auxiliary police, 30 grid workers), on the last day.
    expect(await total('staffOnPost', { kind: 'GRID_WORKER' }, '2025-12-31')).toBe(150);
    // 3,121 video channels connected to the city's sharing platform (全区3121路视频监控连入市公安局视频共享平台).
    expect(await total('facilitiesInService', { kind: 'CAMERA' }, '2025-12-31')).toBe(3121);
    expect(await total('incidentCount', { criminalOnly: true, type: 'FRAUD' }, '2025-01-01')).toBe(732);
  });
});
