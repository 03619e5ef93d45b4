import { toGlobalId } from '../shared/graphql/global-id';
import { addDays, windowStart } from '../shared/time/calendar';
import { startTestApi, type TestApi } from '../test-support/api';
import { generateDemo } from './generator';
import { TIANFU } from './tianfu';

// The figures of seed article 000 (Tianfu's construction sites under the general-contractor
// responsibility system), read back from the demo's records through the API.
const END = '2026-10-31';
const START = windowStart(END, 12);
let api: TestApi;
let programId: number;

beforeAll(async () => {
  api = await startTestApi(async (db) => {
    await db.sql.query('BEGIN');
    await generateDemo(db.sql, { program: TIANFU, seed: 1132, endDate: END });
    await db.sql.query('COMMIT');
    await db.sql.query('ANALYZE');
    programId = (await db.sql.query('SELECT id FROM program WHERE name = $1', [TIANFU.program.name])).rows[0].id;
  });
});

afterAll(() => api.close());

type Measured = { value: number; numerator: number; denominator: number };

async function series(metric: string, from: string, to: string): Promise<Measured[]> {
  const { metricSeries } = await api.ok(
    `query ($scope: ID!, $metric: String!, $from: LocalDate!, $to: LocalDate!) {
      metricSeries(scope: $scope, metric: $metric, from: $from, to: $to, granularity: YEAR) { points { value { value numerator denominator applicable } } }
    }`,
    { scope: toGlobalId('Program', programId), metric, from, to },
  );
  return metricSeries.points.map((p: { value: Measured }) => p.value);
}

/** The one yearly point of a span within a year. */
async function measured(metric: string, from: string, to: string): Promise<Measured> {
  const points = await series(metric, from, to);
  expect(points).toHaveLength(1);
  return points[0]!;
}

/** A count over the whole demo: the sum of its yearly points. */
const total = async (metric: string) => (await series(metric, START, END)).reduce((sum, p) => sum + p.value, 0);

describe('the Tianfu construction sites demo (seed 000)', () => {
  it('has 5,902 workers registered on its 24 sites, their "一标三实" data accurate 66.3 % then and 98.5 % now', async () => {
    expect((await measured('workersRegistered', END, END)).value).toBe(5902);
    // The first two months' checks (of workers gone since) against the last two months'.
    const then = await measured('registrationAccuracy', START, addDays(START, 59));
    expect(then).toMatchObject({ numerator: 1989, denominator: 3000 });
    expect(then.value.toFixed(1)).toBe('66.3');
    const now = await measured('registrationAccuracy', addDays(END, -59), END);
    expect(now).toMatchObject({ numerator: 5813, denominator: 5902 });
    expect(now.value.toFixed(1)).toBe('98.5');
  });

  it('recovered over 5.08 million yuan of wages, and resolved 25 disputes, 90 % and more of them', async () => {
    expect(await total('amountRecovered')).toBe(5_080_000);
    expect(await total('disputesResolved')).toBe(25);
    // The window spans two calendar years: the rate over it is the sum of their counts.
    const points = await series('disputeResolutionRate', START, END);
    const resolved = points.reduce((sum, p) => sum + p.numerator, 0);
    const received = points.reduce((sum, p) => sum + p.denominator, 0);
    expect({ resolved, received }).toEqual({ resolved: 25, received: 27 });
    expect((100 * resolved) / received).toBeGreaterThanOrEqual(90);
  });

  it('received 20 suggestions and requests from the sites and solved 15', async () => {
    expect(await total('serviceRequestCount')).toBe(20);
    expect(await total('problemsSolved')).toBe(15);
  });

  it('runs its 24 sites under 总包负责制: one general contractor each, nine in all, subcontractors and work teams under them', async () => {
    const sites = await api.ok(`{ enterprises(first: 100, filter: { includeArchived: true }) { nodes { databaseId kind archivedAt } } }`);
    expect(sites.enterprises.nodes).toHaveLength(24);
    expect(new Set(sites.enterprises.nodes.map((e: { kind: string }) => e.kind))).toEqual(new Set(['CONSTRUCTION_PROJECT']));
    const open = sites.enterprises.nodes
      .filter((e: { archivedAt: string | null }) => !e.archivedAt)
      .map((e: { databaseId: number }) => e.databaseId);

    type Row = {
      role: string;
      place: { databaseId: number };
      organisation: { databaseId: number };
      parent: { role: string; place: { databaseId: number } } | null;
    };
    const rows: Row[] = [];
    let after: string | null = null;
    do {
      const page: { placeParticipants: { nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await api.ok(
        `query ($after: String, $on: LocalDate) { placeParticipants(first: 100, after: $after, filter: { activeOn: $on }) {
          nodes { role place { databaseId } organisation { databaseId } parent { role place { databaseId } } } pageInfo { hasNextPage endCursor } } }`,
        { after, on: END },
      );
      rows.push(...page.placeParticipants.nodes);
      after = page.placeParticipants.pageInfo.hasNextPage ? page.placeParticipants.pageInfo.endCursor : null;
    } while (after);

    const generals = rows.filter((r) => r.role === 'GENERAL_CONTRACTOR');
    // Every open site has exactly one general contractor on the last day.
    expect(generals.map((r) => r.place.databaseId).sort()).toEqual([...open].sort());
    const sitesOf = new Map<number, number>();
    for (const r of generals) sitesOf.set(r.organisation.databaseId, (sitesOf.get(r.organisation.databaseId) ?? 0) + 1);
    expect(sitesOf.size).toBe(9);
    expect(Math.max(...sitesOf.values())).toBeGreaterThanOrEqual(2);
    // Each one under a participant of its own site: subcontractors under the general contractor, work teams under either.
    for (const r of rows.filter((x) => x.role !== 'GENERAL_CONTRACTOR')) {
      expect(r.parent?.place.databaseId).toBe(r.place.databaseId);
      expect(r.role === 'SUBCONTRACTOR' ? ['GENERAL_CONTRACTOR'] : ['GENERAL_CONTRACTOR', 'SUBCONTRACTOR']).toContain(r.parent?.role);
    }
    expect(rows.filter((r) => r.role === 'SUBCONTRACTOR')).toHaveLength(open.length * 2);
    expect(rows.filter((r) => r.role === 'WORK_TEAM')).toHaveLength(open.length * 3);
    const register = await api.ok(`{ organisations(first: 1) { totalCount } }`);
    expect(register.organisations.totalCount).toBe(9 + 16 + 40);

    // Each wage dispute at a site names a work team of that site and the participant it works under.
    const disputes = await api.ok(
      `{ disputes(first: 100, filter: { categories: [WAGES] }) { nodes { enterprises { databaseId } organisations { databaseId } } } }`,
    );
    const atSites = disputes.disputes.nodes.filter((d: { enterprises: unknown[] }) => d.enterprises.length > 0);
    expect(atSites.length).toBeGreaterThan(0);
    for (const d of atSites) expect(d.organisations).toHaveLength(2);
  });
});
