import { toGlobalId } from '../shared/graphql/global-id';
import { windowStart } from '../shared/time/calendar';
import { startTestApi, type TestApi } from '../test-support/api';
import { ANLONG } from './anlong';
import { writePlacesProgram, type PlacesTotals } from './places';

// The figures of seed article 002 (Anlong's "141" for its relocation communities), as the article
// states them, read back from the demo's records through the API.
const END = '2026-10-31';
const START = windowStart(END, ANLONG.months);
let api: TestApi;
let written: PlacesTotals;

beforeAll(async () => {
  api = await startTestApi(async (db) => {
    await db.sql.query('BEGIN');
    written = await writePlacesProgram(db.sql, ANLONG, { seed: 141, endDate: END });
    await db.sql.query('COMMIT');
    await db.sql.query('ANALYZE');
  });
});

afterAll(() => api.close());

const SERIES = `query ($scope: ID!, $metric: String!, $params: JSONObject, $from: LocalDate!, $to: LocalDate!) {
  metricSeries(scope: $scope, metric: $metric, params: $params, from: $from, to: $to, granularity: YEAR) {
    points { value { value applicable } }
  }
}`;

/** A count over the whole demo (the sum of its yearly points), or a stock on the last day. */
async function figure(
  metric: string,
  params: Record<string, unknown> = {},
  scope = toGlobalId('Program', written.programId),
  from = START,
) {
  const { metricSeries } = await api.ok(SERIES, { scope, metric, params, from, to: END });
  const points = metricSeries.points as Array<{ value: { value: number | null; applicable: boolean } }>;
  expect(points.every((p) => p.value.applicable)).toBe(true);
  return points.reduce((sum, p) => sum + (p.value.value ?? 0), 0);
}

describe('the Anlong relocation communities demo (seed 002)', () => {
  it('issued 21,613 residence permits to residents, 5,122 of them delivered to the door', async () => {
    expect(await figure('serviceRequestCount', { kind: 'RESIDENCE_PERMIT', requester: 'PERSON' })).toBe(21_613);
    expect(await figure('serviceRequestCount', { kind: 'RESIDENCE_PERMIT', channel: 'DOORSTEP' })).toBe(5_122);
    // No enterprise asked anything: the communities' requests are people's.
    expect(await figure('serviceRequestCount', { requester: 'ENTERPRISE' })).toBe(0);
  });

  it('mediated 56 disputes of land requisition, land title, neighbours and families', async () => {
    expect(await figure('disputesResolved')).toBe(56);
    const byCategory: Record<string, number> = {};
    for (const category of ['LAND', 'LAND_TITLE', 'NEIGHBOUR', 'FAMILY', 'WAGES']) {
      byCategory[category] = await figure('disputesResolved', { category });
    }
    expect(byCategory).toEqual({ LAND: 14, LAND_TITLE: 10, NEIGHBOUR: 17, FAMILY: 15, WAGES: 0 });
    expect(await figure('disputesResolved', { mediationMode: 'DOORSTEP' })).toBe(15);
  });

  it('has 70 people on post in the four police offices, counted by post', async () => {
    const onLastDay = (params: Record<string, unknown>, scope?: string) => figure('staffOnPost', params, scope, END);
    expect(await onLastDay({})).toBe(70);
    const byPost: Record<string, number> = {};
    for (const kind of ['OFFICER', 'AUXILIARY_POLICE', 'POLICE_ASSISTANT', 'FIRE_AUXILIARY']) byPost[kind] = await onLastDay({ kind });
    // 民警 2+1+2+2, 辅警 3+2+3+3, 警务助理 10+2+10+10, 消防协勤 6+2+6+6.
    expect(byPost).toEqual({ OFFICER: 7, AUXILIARY_POLICE: 11, POLICE_ASSISTANT: 32, FIRE_AUXILIARY: 20 });
    // 九龙小区: a part-time officer, 2 auxiliary police, 2 police assistants and 2 fire auxiliaries.
    expect(await onLastDay({}, toGlobalId('Park', written.parkIds[1]!))).toBe(7);
  });

  it('installed 1,139 Skynet cameras and set up a police office and a mediation room in each community', async () => {
    const onLastDay = (params: Record<string, unknown>, scope?: string) => figure('facilitiesInService', params, scope, END);
    expect(await onLastDay({ kind: 'CAMERA' })).toBe(1_139);
    // 五福小镇 221, 九龙小区 44, 天菇小镇 506, 双龙小镇 368, in the program's order of places.
    const byPlace = [];
    for (const parkId of written.parkIds) byPlace.push(await onLastDay({ kind: 'CAMERA' }, toGlobalId('Park', parkId)));
    expect(byPlace).toEqual([221, 44, 506, 368]);
    // "一厅三室": the police office and its mediation room (治安共商室) in all four.
    expect(await onLastDay({ kind: 'POLICE_OFFICE' })).toBe(4);
    expect(await onLastDay({ kind: 'MEDIATION_ROOM' })).toBe(4);
  });

  it('held 300 legal publicity sessions, and the program judges its own measures', async () => {
    expect(await figure('engagementCount', { type: 'LEGAL_PUBLICITY' })).toBe(300);
    const { program } = await api.ok(
      `query ($id: ID!) { program(id: $id) { name parks(first: 10) { nodes { name } } commitments { nodes { code } } } }`,
      { id: toGlobalId('Program', written.programId) },
    );
    expect(program.parks.nodes.map((p: { name: string }) => p.name).sort()).toEqual(
      ['九龙小区', '五福小镇', '双龙小镇', '天菇小镇'].sort(),
    );
    expect(program.commitments.nodes.map((c: { code: string }) => c.code)).toEqual(['A01', 'A02', 'A03', 'A04']);
  });
});
