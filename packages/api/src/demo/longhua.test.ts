import { toGlobalId } from '../shared/graphql/global-id';
import { startTestApi, type TestApi } from '../test-support/api';
import { LONGHUA } from './longhua';
import { writePlacesProgram, type PlacesTotals } from './places';

// The figures of seed article 001 (a safe-campus pilot at a very large factory campus, 2018 against
// 2017), read back from the demo's records through the API.
const END = '2018-12-31';
let api: TestApi;
let written: PlacesTotals;

beforeAll(async () => {
  api = await startTestApi(async (db) => {
    await db.sql.query('BEGIN');
    written = await writePlacesProgram(db.sql, LONGHUA, { seed: 2018, endDate: END });
    await db.sql.query('COMMIT');
    await db.sql.query('ANALYZE');
  });
});

afterAll(() => api.close());

const REPORT = `query ($scope: ID!) {
  complianceReport(scope: $scope, period: { year: 2018 }) {
    commitments { code indicators { status value { value } yearAgo { value } changeYearOnYear } }
  }
}`;

type Judged = { status: string; value: { value: number }; yearAgo: { value: number }; changeYearOnYear: number };

async function total(metric: string, params: Record<string, unknown>, from: string, to = END): Promise<number> {
  const { metricSeries } = await api.ok(
    `query ($scope: ID!, $metric: String!, $params: JSONObject, $from: LocalDate!, $to: LocalDate!) {
      metricSeries(scope: $scope, metric: $metric, params: $params, from: $from, to: $to, granularity: YEAR) { points { value { value applicable } } }
    }`,
    { scope: toGlobalId('Program', written.programId), metric, params, from, to },
  );
  const points = metricSeries.points.map((p: { value: { value: number; applicable: boolean } }) => p.value);
  expect(points.every((p: { applicable: boolean }) => p.applicable)).toBe(true);
  return points.reduce((sum: number, p: { value: number }) => sum + p.value, 0);
}

describe('the Longhua factory campus demo (seed 001)', () => {
  it('has 44.51 % fewer incidents and 55.68 % fewer thefts than the year before, as its own measures report them', async () => {
    const { complianceReport } = await api.ok(REPORT, { scope: toGlobalId('Program', written.programId) });
    const [all, thefts] = complianceReport.commitments.find((c: { code: string }) => c.code === 'L01').indicators as Judged[];
    expect(all).toMatchObject({ status: 'MET', value: { value: 910 }, yearAgo: { value: 1640 }, changeYearOnYear: -730 });
    expect(Number(((100 * all!.changeYearOnYear) / all!.yearAgo.value).toFixed(2))).toBe(-44.51);
    expect(thefts).toMatchObject({ status: 'MET', value: { value: 390 }, yearAgo: { value: 880 }, changeYearOnYear: -490 });
    expect(Number(((100 * thefts!.changeYearOnYear) / thefts!.yearAgo.value).toFixed(2))).toBe(-55.68);
  });

  it('answers 80 staff-care calls a day, holds drills, and counts its gates and its smart police office', async () => {
    // 80 a day over the 365 days of 2018 (日均提供服务80余次).
    expect((await total('serviceRequestCount', { source: 'PHONE', requester: 'PERSON' }, '2018-01-01')) / 365).toBe(80);
    expect(await total('engagementCount', { type: 'DRILL' }, '2017-01-01')).toBe(24);
    // On the last day: 48 + 36 face-recognition gates, the 24-hour unmanned police office.
    expect(await total('facilitiesInService', { kind: 'ACCESS_CONTROL' }, END)).toBe(84);
    expect(await total('facilitiesInService', { kind: 'POLICE_OFFICE' }, END)).toBe(1);
    // No enterprise record: the campus's people are served as people.
    expect(await total('serviceRequestCount', { requester: 'ENTERPRISE' }, '2017-01-01')).toBe(0);
  });

  it('keeps the campus in parts, with officers and auxiliary police on post', async () => {
    expect(written.places).toBe(3);
    expect(await total('staffOnPost', { kind: 'OFFICER' }, END)).toBe(5);
    expect(await total('staffOnPost', { kind: 'AUXILIARY_POLICE' }, END)).toBe(18);
  });
});
