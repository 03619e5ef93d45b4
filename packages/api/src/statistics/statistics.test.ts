import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../shared/graphql/global-id';
import { startTestApi, type TestApi } from '../test-support/api';
import { writeStatisticsFixture, type StatisticsFixture } from '../test-support/statistics-fixture';
import { METRICS } from './metrics/catalog';
import type { Clock } from './metrics/engine';
import { agreeingDisplay, Disclosure, figureOf, numeratorFigure } from './metrics/figure';
import { parsePeriod, PeriodKind, yearAgoPeriod, type PeriodSpec } from './metrics/period';
import { resolveScope } from './metrics/scope';
import { complianceReport, metricSeries, serviceStatistics } from './statistics.service';
import { ComplianceStatus, NotApplicableReason, Trend } from './statistics.types';
import { verdict } from './compliance.service';
import { Comparator } from '../commitments/indicator.entity';

// Every expected figure below was worked out by hand from statistics-fixture.ts.
const TODAY = '2026-06-15';
const clock: Clock = { today: TODAY, now: new Date('2026-06-15T12:00:00+08:00') };
const FULL = { disclosure: Disclosure.FULL, clock };
const PUBLIC = { disclosure: Disclosure.PUBLIC, clock };

let api: TestApi;
let f: StatisticsFixture;
let em: EntityManager;

beforeAll(async () => {
  api = await startTestApi(async (db) => {
    f = await writeStatisticsFixture(db.sql);
  });
  em = api.db.orm.em.fork();
});

afterAll(async () => {
  await api.close();
});

const TYPES = { program: 'Program', park: 'Park', zone: 'Zone', unit: 'PoliceUnit', officer: 'Officer', enterprise: 'Enterprise' } as const;
const scopeOf = (type: keyof typeof TYPES, id: number) => resolveScope(em, toGlobalId(TYPES[type], id));

/** One metric over one span of days, as a single series point, with full disclosure. */
async function value(
  type: keyof typeof TYPES,
  id: number,
  metric: string,
  params: Record<string, unknown> = {},
  from = '2026-05-01',
  to = '2026-05-31',
) {
  const series = await metricSeries(em.fork(), await scopeOf(type, id), { metric, params, from, to, granularity: PeriodKind.YEAR }, FULL);
  expect(series.points).toHaveLength(1);
  return series.points[0]!.value;
}

describe('every metric of the catalog reproduces the hand-computed figures of park A, May 2026', () => {
  const expected: Array<[metric: string, params: Record<string, unknown>, value: number, numerator?: number, denominator?: number]> = [
    // Enterprise-days: E1 31, E2 31, E3 10 (joined 22 May), E4 10 (archived 11 May) = 82.
    ['liaisonGroupCoverage', {}, 62.1951, 51, 82],
    ['liaisonCoverage', {}, 87.8049, 72, 82],
    // Enterprise-months: E1 1 (visited), E2 1 (not), E3 10/31 (visited), E4 10/31 (not).
    ['visitCoverage', {}, 50, 1.32, 2.65],
    ['visitCount', {}, 2],
    ['incidentCount', {}, 4],
    ['incidentCount', { criminalOnly: true }, 1],
    ['incidentCount', { type: 'FRAUD' }, 0],
    // I1 (received in May) and the theft of 30 April were both cleared in May.
    ['casesCleared', {}, 2],
    ['casesCleared', { type: 'FRAUD' }, 0],
    ['incidentArrivalWithin', { minutes: 15 }, 50, 2, 4],
    ['incidentArrivalWithin', { minutes: 25 }, 75, 3, 4],
    ['responseMinutesMedian', {}, 10],
    ['responseMinutesP90', {}, 18],
    ['patrolCount', {}, 3],
    ['patrolCount', { kind: 'ON_SITE' }, 2],
    ['videoPatrolCount', {}, 1],
    ['patrolPersonTimes', {}, 11],
    ['suspiciousPersonsChecked', {}, 2],
    ['suspiciousVehiclesChecked', {}, 3],
    ['peopleAssisted', {}, 1],
    // 3 patrols ÷ (2 zones × 31/7 weeks).
    ['patrolsPerZonePerWeek', {}, 0.3387, 3, 8.86],
    ['patrolsPerZonePerWeek', { includeVideo: false }, 0.2258, 2, 8.86],
    ['hazardCount', {}, 5],
    ['hazardsRectifiedOnSite', {}, 1],
    ['hazardsRectifiedByDeadline', {}, 50, 2, 4],
    ['serviceRequestCount', {}, 4],
    ['problemsSolved', {}, 3],
    ['serviceRequestsResolvedInTime', {}, 66.6667, 2, 3],
    ['appointmentsHonoured', {}, 50, 1, 2],
    ['appointmentsHonoured', { graceMinutes: 60 }, 100, 2, 2],
    ['satisfaction', {}, 4],
    ['satisfactionRate', {}, 50, 1, 2],
    ['disputeCount', {}, 3],
    ['disputesResolved', {}, 2],
    ['disputeCount', { category: 'WAGES' }, 3],
    ['disputeCount', { category: 'FAMILY' }, 0],
    ['disputesResolved', { category: 'FAMILY' }, 1],
    ['disputesResolved', { mediationMode: 'DOORSTEP' }, 1],
    ['disputesResolved', { category: 'WAGES', mediationMode: 'DOORSTEP' }, 0],
    // The wages dispute resolved on 10 May recovered 38,000.50 yuan; the family one recovered nothing.
    ['amountRecovered', {}, 38000.5],
    ['amountRecovered', { category: 'FAMILY' }, 0],
    ['disputeResolutionRate', {}, 33.3333, 1, 3],
    ['escalationRiskCount', {}, 1],
    ['escalationRisksDefused', {}, 0, 0, 1],
    ['escalationRisksControlled', {}, 0, 0, 1],
    ['engagementCount', {}, 3],
    ['engagementCount', { type: 'SECURITY_BULLETIN' }, 1],
    ['engagementCountPerPark', { type: 'QUARTERLY_MEETING' }, 0, 0, 1],
    // E1, E2 at one session, E3 at another (E4 had been archived) ÷ 82/31 enterprises on average.
    ['legalPublicityPerEnterprise', {}, 1.1341, 3, 2.65],
    ['recognitionCount', {}, 2],
    ['recognitionCount', { kind: 'PENNANT' }, 1],
    // On 31 May: officer O1 and the auxiliary policeman; the grid worker left on 20 May, the fire auxiliary joins in June.
    ['staffOnPost', {}, 2],
    ['staffOnPost', { kind: 'AUXILIARY_POLICE' }, 1],
    ['staffOnPost', { kind: 'GRID_WORKER' }, 0],
    // On 31 May: 24 + 8 camera channels; the 6 taken out that day and June's police office do not count.
    ['facilitiesInService', {}, 32],
    ['facilitiesInService', { kind: 'CAMERA' }, 32],
    ['facilitiesInService', { kind: 'POLICE_OFFICE' }, 0],
    ['facilitiesInService', { kind: 'ALARM_BUTTON' }, 0],
    ['workersRegistered', {}, 4],
    // Checked in May: accurate, not accurate, accurate (the one who left on 31 May was checked on the 15th).
    ['registrationAccuracy', {}, 66.6667, 2, 3],
    ['serviceRequestCount', { kind: 'HOUSEHOLD_REGISTRATION', requester: 'ENTERPRISE' }, 4],
    ['serviceRequestCount', { requester: 'PERSON' }, 0],
  ];

  // Rows of one length: jest hands a shorter row's test a `done` callback.
  const rows = expected.map(([metric, params, v, n, d]) => [metric, params, v, n ?? null, d ?? null] as const);
  it.each(rows)('%s %j', async (metric, params, expectedValue, numerator, denominator) => {
    const v = await value('park', f.parkA, metric, params);
    expect(v.applicable).toBe(true);
    expect(v.value).toBeCloseTo(expectedValue, 4);
    if (numerator !== null) expect(v.numerator).toBeCloseTo(numerator, 2);
    if (denominator !== null) expect(v.denominator).toBeCloseTo(denominator, 2);
  });

  it('covers the whole catalog', () => {
    expect(new Set(expected.map(([metric]) => metric))).toEqual(new Set(METRICS.map((m) => m.name)));
  });
});

describe('the article-shaped case: park B, 2025', () => {
  it('128 disputes found and 128 resolved (100 %); 5 escalation risks, 4 defused, all under control', async () => {
    expect((await value('park', f.parkB, 'disputeCount', {}, '2025-01-01', '2025-12-31')).value).toBe(128);
    expect((await value('park', f.parkB, 'disputesResolved', {}, '2025-01-01', '2025-12-31')).value).toBe(128);
    expect(await value('park', f.parkB, 'disputeResolutionRate', {}, '2025-01-01', '2025-12-31')).toMatchObject({
      value: 100,
      numerator: 128,
      denominator: 128,
    });
    expect((await value('park', f.parkB, 'escalationRiskCount', {}, '2025-01-01', '2025-12-31')).value).toBe(5);
    expect(await value('park', f.parkB, 'escalationRisksDefused', {}, '2025-01-01', '2025-12-31')).toMatchObject({
      value: 80,
      numerator: 4,
      denominator: 5,
    });
    expect(await value('park', f.parkB, 'escalationRisksControlled', {}, '2025-01-01', '2025-12-31')).toMatchObject({
      value: 100,
      numerator: 5,
      denominator: 5,
    });
  });

  it('shows the same figures in the public service statistics', async () => {
    const stats = await serviceStatistics(em.fork(), await scopeOf('park', f.parkB), parsePeriod({ year: 2025 }, 'period', TODAY), PUBLIC);
    const shown = Object.fromEntries(stats.figures.map((figure) => [figure.key, figure.value.display]));
    expect(shown).toMatchObject({
      disputes: '128',
      disputesResolved: '128',
      disputeResolutionRate: '100.0%',
      escalationRisks: '5',
      // 4 defused beside 5 found would give away the 1 left over: hidden, where the article prints it.
      escalationRisksDefused: '—',
      escalationRisksControlled: '100.0%',
    });
  });
});

describe('edge cases', () => {
  it('nothing in scope is not applicable, never 100 %', async () => {
    const empty = await value('zone', f.z4, 'visitCoverage');
    expect(empty).toMatchObject({
      applicable: false,
      value: null,
      display: '—',
      notApplicableReason: NotApplicableReason.NOTHING_IN_SCOPE,
    });
    // E3 had not joined in April.
    expect((await value('enterprise', f.e3, 'visitCoverage', {}, '2026-04-01', '2026-04-30')).applicable).toBe(false);
    expect((await value('enterprise', f.e3, 'visitCoverage')).value).toBe(100);
    // No hazard was due in April: not applicable rather than 100 %.
    expect((await value('park', f.parkA, 'hazardsRectifiedByDeadline', {}, '2026-04-01', '2026-04-30')).applicable).toBe(false);
    const report = await complianceReport(em.fork(), await scopeOf('zone', f.z4), parsePeriod({ month: '2026-05' }, 'period', TODAY), FULL);
    expect(report.score).toBeNull();
    expect(report.indicatorsJudged).toBe(0);
  });

  it('a month cut short by its period or by today is visited only by a visit on its own days', async () => {
    const points = async (granularity: PeriodKind, from: string, to: string) =>
      (
        await metricSeries(em.fork(), await scopeOf('park', f.parkA), { metric: 'visitCoverage', params: {}, from, to, granularity }, FULL)
      ).points.map((p) => p.value);
    // Weeks of 18–24 and 25–31 May: E1 (visited 20 May) and E2 (no visit in May) all week; E3 from 22 May
    // (visited 25 May), 3/7 of the first week. E1's visit of the 20th does not visit its second week.
    const [first, second] = await points(PeriodKind.WEEK, '2026-05-18', '2026-05-31');
    expect(first!.numerator).toBeCloseTo(1, 2);
    expect(first!.denominator).toBeCloseTo(2 + 3 / 7, 2);
    expect(second).toMatchObject({ numerator: 1, denominator: 3 });
    expect(second!.value).toBeCloseTo(33.3333, 3);
    // 10–31 May (22 days) and 1 June up to today (15 June). May: E1 and E2 whole, E3 10/22, E4 1/22 (10 May,
    // archived the next morning); E1 and E3 visited. June: E1, E2 and E3; E2 visited on the 1st.
    const [may, june] = await points(PeriodKind.MONTH, '2026-05-10', '2026-06-30');
    expect(may!.numerator).toBeCloseTo(1 + 10 / 22, 2);
    expect(may!.denominator).toBeCloseTo(2.5, 2);
    expect(june).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('a metric not defined for the scope is not applicable with its reason', async () => {
    expect(await value('enterprise', f.e1, 'patrolCount')).toMatchObject({
      applicable: false,
      notApplicableReason: NotApplicableReason.SCOPE,
    });
  });

  it('a case still open before its time has run out is not judged', async () => {
    // H4 (deadline 20 June) is open on 15 June; R5 (due 18 June) too. Neither counts yet.
    expect((await value('park', f.parkA, 'hazardsRectifiedByDeadline', {}, '2026-06-01', '2026-06-30')).applicable).toBe(false);
    expect((await value('park', f.parkA, 'serviceRequestsResolvedInTime', {}, '2026-06-01', '2026-06-30')).numerator).toBe(1);
    expect((await value('park', f.parkA, 'serviceRequestsResolvedInTime', {}, '2026-06-01', '2026-06-30')).denominator).toBe(1);
  });

  it('enterprises that joined or were archived during the period count only while active', async () => {
    // Zone 2: E3 from 22 May (covered), E4 until 10 May (never assigned): 10 of 20 enterprise-days covered.
    expect(await value('zone', f.z2, 'liaisonCoverage')).toMatchObject({ value: 50, numerator: 10, denominator: 20 });
    // E4's attendance on 12 May, after it was archived, is not counted (see legalPublicityPerEnterprise above).
    expect((await value('enterprise', f.e4, 'legalPublicityPerEnterprise')).numerator).toBe(0);
  });

  it('a reassigned enterprise counts for the officer who held it at the time', async () => {
    // E1 passed from O1 to O2 on 16 May and was visited on 20 May.
    expect(await value('officer', f.o1, 'visitCoverage')).toMatchObject({ value: 0, numerator: 0 });
    expect((await value('officer', f.o1, 'visitCoverage')).denominator).toBeCloseTo(1 + 15 / 31, 2);
    expect(await value('officer', f.o2, 'visitCoverage')).toMatchObject({ value: 100 });
    expect((await value('officer', f.o2, 'visitCoverage')).denominator).toBeCloseTo(16 / 31, 2);
    expect((await value('officer', f.o1, 'liaisonCoverage')).value).toBe(100);
    // The unit of both officers holds E1 all month and E2: 16/31 of 2 enterprise-months visited.
    expect((await value('unit', f.u1, 'visitCoverage')).value).toBeCloseTo((100 * 16) / 31 / 2, 3);
    expect((await value('officer', f.o2, 'recognitionCount')).value).toBe(1);
    expect((await value('unit', f.u1, 'incidentCount')).value).toBe(1);
    expect((await value('unit', f.u2, 'serviceRequestCount')).value).toBe(2);
    expect((await value('unit', f.u1, 'patrolCount')).value).toBe(2);
  });

  it('days follow the Asia/Shanghai calendar', async () => {
    // An incident at 16:30 UTC on 31 May is on 1 June in Shanghai.
    expect((await value('park', f.parkA, 'incidentCount', {}, '2026-06-01', '2026-06-01')).value).toBe(1);
    expect((await value('park', f.parkA, 'incidentCount', {}, '2026-05-31', '2026-05-31')).value).toBe(1);
  });

  it('program scope sums its parks; per-park rates divide by them', async () => {
    expect((await value('program', f.program, 'disputeCount', {}, '2025-01-01', '2025-12-31')).value).toBe(128);
    expect((await value('program', f.program, 'disputeCount', {}, '2026-01-01', '2026-06-15')).value).toBe(4);
    expect(await value('program', f.program, 'engagementCountPerPark', { type: 'QUARTERLY_MEETING' })).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    // Park A's 32 camera channels and park B's 3 alarm buttons, on 31 May; on 2 June the police office too.
    expect((await value('program', f.program, 'facilitiesInService')).value).toBe(35);
    expect((await value('program', f.program, 'facilitiesInService', { kind: 'ALARM_BUTTON' })).value).toBe(3);
    expect((await value('program', f.program, 'facilitiesInService', {}, '2026-06-01', '2026-06-02')).value).toBe(36);
    expect((await value('program', f.program, 'workersRegistered')).value).toBe(5);
    expect((await value('park', f.parkA, 'registrationAccuracy', {}, '2026-04-01', '2026-04-30')).value).toBe(100);
  });
});

describe('year on year (同比)', () => {
  it('compares with the same period a year earlier, and an unfinished one with its days so far', () => {
    const yearAgo = (spec: PeriodSpec, today = TODAY) => {
      const { from, to, kind } = yearAgoPeriod(parsePeriod(spec, 'period', today), today);
      return { kind, from, to };
    };
    expect(yearAgo({ month: '2026-03' })).toEqual({ kind: 'MONTH', from: '2025-03-01', to: '2025-03-31' });
    // The quarter and the year so far (today is 15 June 2026): the same days of 2025.
    expect(yearAgo({ quarter: '2026-Q2' })).toEqual({ kind: 'QUARTER', from: '2025-04-01', to: '2025-06-15' });
    expect(yearAgo({ year: 2026 })).toEqual({ kind: 'YEAR', from: '2025-01-01', to: '2025-06-15' });
    expect(yearAgo({ month: '2024-02' }, '2024-12-31')).toEqual({ kind: 'MONTH', from: '2023-02-01', to: '2023-02-28' });
    expect(yearAgo({ from: '2024-02-29', to: '2024-03-10' }, '2024-12-31')).toEqual({
      kind: 'RANGE',
      from: '2023-02-28',
      to: '2023-03-10',
    });
    // A week: 52 weeks before, Monday to Sunday.
    expect(yearAgo({ week: '2026-06-01' })).toEqual({ kind: 'WEEK', from: '2025-06-02', to: '2025-06-08' });
  });

  it('gives every service figure its value a year earlier and the change', async () => {
    // Worked out by hand from the fixture: park B's 128 disputes of 2025 fall on month 1 + (i mod 12), day 1 + (i mod 27).
    const figure = async (period: PeriodSpec) => {
      const stats = await serviceStatistics(em.fork(), await scopeOf('park', f.parkB), parsePeriod(period, 'period', TODAY), FULL);
      return stats.figures.find((x) => x.key === 'disputes')!;
    };
    // March: i = 2, 14, …, 122 → 11 in March 2025; none in March 2026.
    expect(await figure({ month: '2026-03' })).toMatchObject({
      value: { value: 0 },
      yearAgo: { value: 11 },
      changeYearOnYear: -11,
      trendYearOnYear: Trend.DOWN,
    });
    // 2026 so far against 1 January – 15 June 2025: 11 × 5 months, and 6 of June's 11 on or before the 15th.
    expect(await figure({ year: 2026 })).toMatchObject({ yearAgo: { value: 61 }, changeYearOnYear: -61 });
  });
});

describe('disputes placed in zones', () => {
  it('by the zone recorded, or else by the zones of the enterprises involved, for a zone and for a workstation', async () => {
    const march = ['2024-03-01', '2024-03-31'] as const;
    // Worked out by hand from the fixture: one dispute of E2 (Z1, held by officer 1 of unit 1) and E4 (Z2, held by no one).
    expect((await value('park', f.parkA, 'disputeCount', {}, ...march)).value).toBe(1);
    expect((await value('zone', f.z1, 'disputeCount', {}, ...march)).value).toBe(1);
    expect((await value('zone', f.z2, 'disputeCount', {}, ...march)).value).toBe(1);
    expect((await value('zone', f.z1, 'disputeResolutionRate', {}, ...march)).value).toBe(100);
    expect((await value('unit', f.u1, 'disputeCount', {}, ...march)).value).toBe(1);
    // Unit 2's officers held neither enterprise, and the dispute names no zone of its own.
    expect((await value('unit', f.u2, 'disputeCount', {}, ...march)).value).toBe(0);
    // A dispute with a zone recorded stays in that zone only: Z1 in May 2026 has the two of Z1.
    expect((await value('zone', f.z1, 'disputeCount')).value).toBe(2);
    expect((await value('zone', f.z2, 'disputeCount')).value).toBe(1);
  });
});

describe('compliance report', () => {
  const report = (type: keyof typeof TYPES, id: number, period: PeriodSpec, options = FULL) =>
    scopeOf(type, id).then((scope) => complianceReport(em.fork(), scope, parsePeriod(period, 'period', TODAY), options));
  const byCode = (r: Awaited<ReturnType<typeof report>>) => Object.fromEntries(r.commitments.map((c) => [c.code, c.indicators[0]!]));

  it('judges every indicator of park A in May 2026 against the hand-computed values', async () => {
    const r = await report('park', f.parkA, { month: '2026-05' });
    expect(r.commitments.map((c) => c.code)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K7']); // K6 was retired before May
    const k = byCode(r);
    expect(k.K1).toMatchObject({ status: ComplianceStatus.NOT_MET, previousStatus: ComplianceStatus.NOT_MET, partial: false });
    expect(k.K1!.value.value).toBe(50);
    expect(k.K1!.previous.value).toBeCloseTo(33.3333, 3);
    expect(k.K2).toMatchObject({ status: ComplianceStatus.MET, previousStatus: ComplianceStatus.NOT_MET });
    expect(k.K2!.value.value).toBe(50);
    expect(k.K2!.previous.value).toBe(0);
    // Quarterly: judged over Q2 so far (76 of 91 days): one meeting ÷ 1 park, to date, not projected;
    // the target of one is reached already, so it is met before the quarter ends.
    expect(k.K3).toMatchObject({ status: ComplianceStatus.MET, evaluatedFrom: '2026-04-01', evaluatedTo: '2026-06-30', partial: true });
    expect(k.K3!.value.value).toBe(1);
    expect(k.K3!.provisional).toBe(false);
    expect(k.K4).toMatchObject({ status: ComplianceStatus.NOT_MET });
    expect(k.K4!.value).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(k.K5).toMatchObject({ status: ComplianceStatus.MET, previousStatus: ComplianceStatus.NOT_MET });
    expect(k.K7).toMatchObject({ status: ComplianceStatus.NOT_MET, previousStatus: ComplianceStatus.NOT_APPLICABLE });
    expect(r).toMatchObject({
      score: 50,
      previousScore: 20,
      scoreChange: 30,
      trend: Trend.UP,
      indicatorsMet: 3,
      indicatorsJudged: 6,
      indicatorsNotApplicable: 0,
    });
    expect(r.commitments.find((c) => c.code === 'K2')!.status).toBe(ComplianceStatus.MET);
    expect(r.commitments.find((c) => c.code === 'K1')!.status).toBe(ComplianceStatus.NOT_MET);
  });

  it('turns merge joins back on after its statement, in a transaction and outside one', async () => {
    const setting = async (on: EntityManager) =>
      (await on.execute<Array<{ enable_mergejoin: string }>>('SHOW enable_mergejoin'))[0]!.enable_mergejoin;
    const expected = byCode(await report('park', f.parkA, { month: '2026-05' })).K1!.value.value;
    await em.fork().transactional(async (trx) => {
      expect(await setting(trx)).toBe('on');
      const scope = await resolveScope(trx, toGlobalId('Park', f.parkA));
      const r = await complianceReport(trx, scope, parsePeriod({ month: '2026-05' }, 'period', TODAY), FULL);
      expect(byCode(r).K1!.value.value).toBe(expected);
      // The statement after it, on the same connection, plans as before.
      expect(await setting(trx)).toBe('on');
    });
    // Outside a transaction the statement takes a connection of the pool: each of them is as it was.
    await report('park', f.parkA, { month: '2026-05' });
    const pool = await Promise.all(Array.from({ length: 4 }, () => em.fork().transactional((trx) => setting(trx))));
    expect(pool).toEqual(['on', 'on', 'on', 'on']);
  });

  it('counts the indicator periods met in a longer report', async () => {
    const k = byCode(await report('park', f.parkA, { year: 2026 }));
    // Visits: none of January to June reached 100 %.
    expect(k.K1).toMatchObject({ periodsJudged: 6, periodsMet: 0, partial: true });
    // Arrivals: April 0 %, May 50 %, June 100 %; no incident in January to March.
    expect(k.K2).toMatchObject({ periodsJudged: 3, periodsMet: 2 });
  });

  it('measures an unfinished quarter to date: a count target not reached yet is pending, not failed or projected', async () => {
    const on = (today: string) => ({ disclosure: Disclosure.FULL, clock: { today, now: new Date(`${today}T12:00:00+08:00`) } });
    const at = (today: string) =>
      scopeOf('park', f.parkA).then((scope) =>
        complianceReport(em.fork(), scope, parsePeriod({ quarter: '2026-Q2' }, 'period', today), on(today)),
      );
    // 10 April: park A's quarterly meeting (20 April) has not been held; the quarter has 81 days to go.
    const early = await at('2026-04-10');
    const k3 = early.commitments.find((c) => c.code === 'K3')!;
    expect(k3.indicators[0]).toMatchObject({ status: ComplianceStatus.PENDING, partial: true, provisional: false, periodsJudged: 0 });
    expect(k3.indicators[0]!.value.value).toBe(0);
    expect(k3.status).toBe(ComplianceStatus.PENDING);
    expect(early.indicatorsPending).toBe(1);
    // The score leaves the pending indicator out: it is judged on the others only.
    const judged = early.commitments.flatMap((c) => c.indicators).filter((i) => i.status === 'MET' || i.status === 'NOT_MET');
    expect(early.indicatorsJudged).toBe(judged.length);
    // A rate judged before its period ends is provisional.
    const k4 = early.commitments.find((c) => c.code === 'K4')!.indicators[0]!;
    if (k4.status !== ComplianceStatus.NOT_APPLICABLE) expect(k4.provisional).toBe(true);
    // 25 April: held once; the target of one is reached and the value is one, not 1 × 91/25.
    const later = await at('2026-04-25');
    const k3Later = later.commitments.find((c) => c.code === 'K3')!.indicators[0]!;
    expect(k3Later).toMatchObject({ status: ComplianceStatus.MET, periodsJudged: 1, periodsMet: 1 });
    expect(k3Later.value.value).toBe(1);
    expect(later.indicatorsPending).toBe(0);
  });

  it('shows a value with the decimals it takes to read as judged, never as the target beside "not met"', () => {
    const metric = (name: string) => METRICS.find((m) => m.name === name)!;
    const figure = (value: number) => ({ value, numerator: null, denominator: null, applicable: true, suppressed: false, display: '' });
    const atLeast = (target: number) => (value: number) => value >= target;
    // Worked out by hand: the default decimals (two for a rate, one for a percentage) would read as the target.
    expect(agreeingDisplay(metric('engagementCountPerPark'), figure(0.9996), atLeast(1)).display).toBe('0.9996');
    expect(agreeingDisplay(metric('engagementCountPerPark'), figure(0.996), atLeast(1)).display).toBe('0.996');
    expect(agreeingDisplay(metric('engagementCountPerPark'), figure(1.004), atLeast(1)).display).toBe('1.00');
    expect(agreeingDisplay(metric('engagementCountPerPark'), figure(4.25), atLeast(1)).display).toBe('4.25');
    expect(agreeingDisplay(metric('visitCoverage'), figure(94.96), atLeast(95)).display).toBe('94.96%');
    expect(agreeingDisplay(metric('visitCoverage'), figure(99.9996), atLeast(100)).display).toBe('99.9996%');
    expect(agreeingDisplay(metric('visitCoverage'), figure(96.04), atLeast(95)).display).toBe('96.0%');
  });

  it('decides counts of an unfinished period only once they cannot change their verdict', () => {
    // (value, target, comparator, period still open) → status, worked out by hand.
    const cases: Array<[number, number, Comparator, boolean, ComplianceStatus]> = [
      [0, 1, Comparator.GTE, true, ComplianceStatus.PENDING],
      [1, 1, Comparator.GTE, true, ComplianceStatus.MET],
      [0, 1, Comparator.GTE, false, ComplianceStatus.NOT_MET],
      [1, 1, Comparator.GT, true, ComplianceStatus.PENDING],
      [2, 1, Comparator.GT, true, ComplianceStatus.MET],
      [0, 2, Comparator.LTE, true, ComplianceStatus.PENDING],
      [3, 2, Comparator.LTE, true, ComplianceStatus.NOT_MET],
      [2, 2, Comparator.LTE, false, ComplianceStatus.MET],
      [2, 2, Comparator.LT, true, ComplianceStatus.NOT_MET],
      [1, 2, Comparator.LT, true, ComplianceStatus.PENDING],
      [2, 2, Comparator.EQ, true, ComplianceStatus.PENDING],
      [3, 2, Comparator.EQ, true, ComplianceStatus.NOT_MET],
      [2, 2, Comparator.EQ, false, ComplianceStatus.MET],
    ];
    for (const [value, target, comparator, open, status] of cases) {
      expect([value, comparator, target, open, verdict(value, target, comparator, open)]).toEqual([
        value,
        comparator,
        target,
        open,
        status,
      ]);
    }
  });

  it('marks the current period partial and a future one not applicable', async () => {
    const june = await report('park', f.parkA, { month: '2026-06' });
    expect(june.period).toMatchObject({ partial: true, elapsedTo: TODAY });
    expect(byCode(june).K1!.partial).toBe(true);
    const august = await report('park', f.parkA, { month: '2026-08' });
    expect(august.score).toBeNull();
    expect(byCode(august).K1!.value.notApplicableReason).toBe(NotApplicableReason.FUTURE);
  });
});

describe('public figures', () => {
  it('never let a small count of cases be worked out from a share, its parts or what is left over', () => {
    const metric = (name: string) => METRICS.find((m) => m.name === name)!;
    const rate = metric('disputeResolutionRate');
    const m = (num: number, den: number) => ({ num, den, days: 31 });
    const hidden = { value: null, numerator: null, denominator: null, suppressed: true };
    // Worked out by hand: 2 of 3 would give away 2 resolved; 3 of 5 the 2 left over; 1 of 1 both.
    expect(figureOf(rate, m(2, 3), Disclosure.PUBLIC)).toMatchObject({ ...hidden, display: '—' });
    expect(figureOf(rate, m(3, 5), Disclosure.PUBLIC)).toMatchObject({ ...hidden, display: '—' });
    expect(figureOf(rate, m(1, 1), Disclosure.PUBLIC)).toMatchObject({ ...hidden, display: '—' });
    // 3 of 6 and 0 of 4 single out no one.
    expect(figureOf(rate, m(3, 6), Disclosure.PUBLIC)).toMatchObject({ value: 50, numerator: 3, denominator: 6, display: '50.0%' });
    expect(figureOf(rate, m(0, 4), Disclosure.PUBLIC)).toMatchObject({ value: 0, numerator: 0, denominator: 4, display: '0.0%' });
    // Staff see everything.
    expect(figureOf(rate, m(2, 3), Disclosure.FULL)).toMatchObject({ numerator: 2, denominator: 3, suppressed: false });
    // The resolved count as a figure of its own, beside the disputes found.
    expect(numeratorFigure(rate, m(3, 5), Disclosure.PUBLIC)).toMatchObject({ ...hidden, display: '—' });
    expect(numeratorFigure(rate, m(1, 5), Disclosure.PUBLIC)).toMatchObject({ ...hidden, display: '<3' });
    expect(numeratorFigure(rate, m(4, 7), Disclosure.PUBLIC)).toMatchObject({ value: 4, suppressed: false });
    // Plain counts: 1 and 2 hidden, 0 and 3 shown.
    const count = metric('disputeCount');
    expect(figureOf(count, m(2, 10), Disclosure.PUBLIC)).toMatchObject({ value: null, display: '<3' });
    expect(figureOf(count, m(0, 10), Disclosure.PUBLIC)).toMatchObject({ value: 0, display: '0' });
    expect(figureOf(count, m(3, 10), Disclosure.PUBLIC)).toMatchObject({ value: 3, display: '3' });
  });

  it('hide small counts of sensitive cases and keep the rest', async () => {
    const stats = await serviceStatistics(
      em.fork(),
      await scopeOf('park', f.parkA),
      parsePeriod({ month: '2026-05' }, 'period', TODAY),
      PUBLIC,
    );
    const figure = (key: string) => stats.figures.find((x) => x.key === key)!.value;
    expect(figure('incidents')).toMatchObject({ value: 4, display: '4', suppressed: false });
    expect(figure('pennants')).toMatchObject({ value: null, display: '<3', suppressed: true });
    expect(figure('escalationRisks')).toMatchObject({ value: null, display: '<3', suppressed: true });
    // None of the one risk defused: zero beside a hidden one tells nothing either way.
    expect(figure('escalationRisksDefused')).toMatchObject({ value: null, display: '—', suppressed: true });
    expect(figure('escalationRisksControlled')).toMatchObject({ value: null, display: '—', suppressed: true });
    expect(figure('satisfaction')).toMatchObject({ value: null, suppressed: true });
    // Three disputes, one resolved: "33.3 % of 3" would give the one away, so the rate and its parts are hidden.
    expect(figure('disputeResolutionRate')).toMatchObject({
      display: '—',
      value: null,
      numerator: null,
      denominator: null,
      suppressed: true,
    });
    expect(figure('disputesResolved')).toMatchObject({ display: '<3', value: null, suppressed: true });
    // Patrol figures concern no one: shown however small.
    expect(figure('peopleAssisted')).toMatchObject({ value: 1, display: '1', suppressed: false });
    expect(figure('patrolPersonTimes').display).toBe('11');
    const full = await serviceStatistics(
      em.fork(),
      await scopeOf('park', f.parkA),
      parsePeriod({ month: '2026-05' }, 'period', TODAY),
      FULL,
    );
    expect(full.figures.find((x) => x.key === 'pennants')!.value.value).toBe(1);
  });

  it('never carry personal data', async () => {
    const stats = await serviceStatistics(
      em.fork(),
      await scopeOf('park', f.parkA),
      parsePeriod({ month: '2026-05' }, 'period', TODAY),
      PUBLIC,
    );
    const text = JSON.stringify(stats);
    for (const personal of ['民警一', '民警二', '700000', 'contact', 'phone']) expect(text).not.toContain(personal);
  });
});

describe('GraphQL', () => {
  const REPORT = `query ($scope: ID!, $period: PeriodInput!) {
    complianceReport(scope: $scope, period: $period) {
      scope { kind name } period { kind from to partial } previousPeriod { from to } disclosure score
      commitments { code title { zhCN } status indicators { label { zhCN zhTW en } status value { value display unit unitLabel { zhCN en } } metric { name label { en } } } }
    }
  }`;

  it('answers complianceReport, serviceStatistics, metricSeries and the catalog', async () => {
    const data = await api.ok(REPORT, { scope: toGlobalId('Park', f.parkA), period: { month: '2025-05' } });
    expect(data.complianceReport).toMatchObject({
      scope: { kind: 'PARK', name: '甲园区' },
      period: { kind: 'MONTH', from: '2025-05-01', to: '2025-05-31', partial: false },
      // A system administrator gets full figures; embed keys get public ones (access tests).
      disclosure: 'FULL',
    });
    expect(data.complianceReport.commitments[0].indicators[0]).toMatchObject({
      label: { zhCN: '月度走访覆盖率', zhTW: '月度走訪覆蓋率', en: 'Monthly visit coverage' },
      metric: { name: 'visitCoverage' },
    });
    const stats = await api.ok(
      `{ serviceStatistics(scope: "${toGlobalId('Park', f.parkB)}", period: { year: 2025 }) { figures { key label { zhCN } value { display } } } }`,
    );
    expect(stats.serviceStatistics.figures.find((x: { key: string }) => x.key === 'disputes').value.display).toBe('128');
    const series = await api.ok(
      `{ metricSeries(metric: "disputeCount", scope: "${toGlobalId('Park', f.parkB)}", from: "2025-01-01", to: "2025-03-31", granularity: MONTH) { points { from to partial value { value display } } } }`,
    );
    expect(series.metricSeries.points.map((p: { value: { value: number } }) => p.value.value)).toEqual([11, 11, 11]);
    const catalog = await api.ok(
      '{ metrics { name unit kind label { zhCN zhTW en } description { zhCN en } parameters { name defaultValue } } }',
    );
    expect(catalog.metrics).toHaveLength(METRICS.length);
    for (const metric of catalog.metrics)
      expect(metric.label.zhTW && metric.label.en && metric.description.zhCN && metric.description.en).toBeTruthy();
  });

  it('refuses bad input with a code and the field', async () => {
    const refused = async (query: string) => {
      const result = await api.gql(query);
      expect(result.errors).toHaveLength(1);
      return result.errors![0]!.extensions;
    };
    const park = toGlobalId('Park', f.parkA);
    expect(await refused(`{ complianceReport(scope: "${park}", period: { month: "2026-13" }) { score } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'period.month',
    });
    expect(await refused(`{ complianceReport(scope: "${park}", period: { month: "2026-05", year: 2026 }) { score } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'period',
    });
    expect(
      await refused(`{ complianceReport(scope: "${park}", period: { from: "2026-05-10", to: "2026-05-01" }) { score } }`),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
    expect(await refused(`{ complianceReport(scope: "${toGlobalId('Visit', 1)}", period: { year: 2026 }) { score } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scope',
    });
    expect(await refused(`{ complianceReport(scope: "${toGlobalId('Park', 999999)}", period: { year: 2026 }) { score } }`)).toMatchObject({
      code: 'NOT_FOUND',
      field: 'scope',
    });
    expect(
      await refused(`{ metricSeries(metric: "happiness", scope: "${park}", from: "2026-01-01", to: "2026-02-01") { points { from } } }`),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'metric' });
    expect(
      await refused(
        `{ metricSeries(metric: "incidentArrivalWithin", params: { minutes: 0 }, scope: "${park}", from: "2026-01-01", to: "2026-02-01") { points { from } } }`,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.minutes' });
  });
});

describe('a park that began on 10 May 2026', () => {
  beforeAll(() => api.db.sql.query(`UPDATE park SET starts_on = '2026-05-10' WHERE id = $1`, [f.parkA]));
  afterAll(() => api.db.sql.query(`UPDATE park SET starts_on = NULL WHERE id = $1`, [f.parkA]));
  const report = async (period: PeriodSpec) =>
    complianceReport(em.fork(), await scopeOf('park', f.parkA), parsePeriod(period, 'period', TODAY), FULL);
  const byCode = (r: Awaited<ReturnType<typeof report>>) => Object.fromEntries(r.commitments.map((c) => [c.code, c.indicators[0]!]));

  it('judges no period before it, measures the quarter it began in from that day, and compares with nothing before it', async () => {
    // March lies before the start, and so does its quarter: nothing is judged, there is no score.
    const march = await report({ month: '2026-03' });
    expect(march.score).toBeNull();
    expect(march.commitments.flatMap((c) => c.indicators).map((i) => i.value.notApplicableReason)).toEqual(
      march.commitments.map(() => NotApplicableReason.BEFORE_START),
    );
    // April: the monthly indicators lie before the start; the quarterly ones are judged over Q2 from
    // 10 May: no meeting since (pending), and of the two disputes found since, none resolved (not met).
    const april = byCode(await report({ month: '2026-04' }));
    for (const code of ['K1', 'K2', 'K5', 'K7']) expect(april[code]!.value.notApplicableReason).toBe(NotApplicableReason.BEFORE_START);
    expect(april.K3).toMatchObject({ status: ComplianceStatus.PENDING, evaluatedFrom: '2026-05-10' });
    expect(april.K4).toMatchObject({ status: ComplianceStatus.NOT_MET, evaluatedFrom: '2026-05-10' });
    expect(april.K4!.value).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
    // May: its previous period is April, before the start: no previous score and no trend ("—").
    const may = await report({ month: '2026-05' });
    // Q2: the quarter before and the same quarter a year earlier lie wholly before the start: no
    // previous score, no change and no trend ("—"), where they would have read as failures.
    const q2 = await report({ quarter: '2026-Q2' });
    expect(q2.score).not.toBeNull();
    expect(q2).toMatchObject({ previousScore: null, scoreChange: null, trend: null, yearAgoScore: null, trendYearOnYear: null });
    // In May's report, Q2 so far from 10 May: the quarterly meeting of 20 April was before the start, so none yet: pending.
    const k3 = may.commitments.find((c) => c.code === 'K3')!.indicators[0]!;
    expect(k3).toMatchObject({ evaluatedFrom: '2026-05-10', evaluatedTo: '2026-06-30', status: ComplianceStatus.PENDING });
    expect(k3.value.value).toBe(0);
  });

  it('shows service figures and charts from that day on', async () => {
    const stats = await serviceStatistics(
      em.fork(),
      await scopeOf('park', f.parkA),
      parsePeriod({ month: '2026-05' }, 'period', TODAY),
      FULL,
    );
    const incidents = stats.figures.find((x) => x.key === 'incidents')!;
    expect(incidents.previous).toMatchObject({ value: null, applicable: false, notApplicableReason: NotApplicableReason.BEFORE_START });
    expect(incidents.change).toBeNull();
    const series = await metricSeries(
      em.fork(),
      await scopeOf('park', f.parkA),
      { metric: 'incidentCount', from: '2026-01-01', to: '2026-06-30', granularity: PeriodKind.MONTH },
      FULL,
    );
    expect(series.points.map((point) => [point.from, point.to])).toEqual([
      ['2026-05-10', '2026-05-31'],
      ['2026-06-01', '2026-06-30'],
    ]);
  });
});

describe('a program on the calendar of another time zone', () => {
  afterAll(() => api.db.sql.query(`UPDATE program SET time_zone = 'Asia/Shanghai' WHERE id = $1`, [f.program]));

  it('counts an instant on the day it falls on in the program’s time zone', async () => {
    // Worked out by hand from the fixture: park A's incidents of May 2026 in Beijing time are those of
    // 3, 10 (23:55), 20 and 31 May (23:50). The one of 1 June at 00:30 in Beijing is 31 May at 22:30 in
    // Urumqi (UTC+6), so a program on Urumqi's calendar counts five in May; 30 April at 23:30 stays in April.
    expect((await value('park', f.parkA, 'incidentCount')).value).toBe(4);
    await api.db.sql.query(`UPDATE program SET time_zone = 'Asia/Urumqi' WHERE id = $1`, [f.program]);
    expect((await value('park', f.parkA, 'incidentCount')).value).toBe(5);
    expect((await value('park', f.parkA, 'incidentCount', {}, '2026-04-01', '2026-04-30')).value).toBe(1);
  });
});

describe('public figures that give nothing away', () => {
  it('let no small count of sensitive cases be worked out from the page: parts, remainders, differences or changes', async () => {
    const pages: Array<[keyof typeof TYPES, number, PeriodSpec]> = [
      ['park', f.parkA, { month: '2026-05' }],
      ['park', f.parkA, { quarter: '2026-Q2' }],
      ['park', f.parkB, { year: 2025 }],
      ['program', f.program, { month: '2026-05' }],
      ['zone', f.z1, { month: '2026-05' }],
    ];
    const small = (n: number) => n > 0 && n < 3;
    let suppressed = 0;
    for (const [type, id, period] of pages) {
      const stats = await serviceStatistics(em.fork(), await scopeOf(type, id), parsePeriod(period, 'period', TODAY), PUBLIC);
      const byKey = new Map(stats.figures.map((figure) => [figure.key, figure]));
      // Every number a reader can compute from a sensitive figure, its period before and its year before.
      const derived: Array<[string, number]> = [];
      for (const figure of stats.figures.filter((x) => x.metric.sensitive)) {
        for (const [when, shown] of [
          ['now', figure.value],
          ['before', figure.previous],
          ['a year ago', figure.yearAgo],
        ] as const) {
          if (shown.suppressed) suppressed += 1;
          const { value, numerator, denominator } = shown;
          if (shown.unit === 'COUNT' && value !== null) derived.push([`${figure.key} ${when}`, value]);
          if (numerator !== null) derived.push([`${figure.key} ${when}: part`, numerator]);
          if (numerator !== null && denominator !== null) derived.push([`${figure.key} ${when}: rest`, denominator - numerator]);
          if (shown.unit === 'PERCENT' && value !== null && denominator !== null) {
            const part = Math.round((value * denominator) / 100);
            derived.push(
              [`${figure.key} ${when}: value × whole`, part],
              [`${figure.key} ${when}: whole − value × whole`, denominator - part],
            );
          }
        }
        if (figure.change !== null && figure.value.value !== null)
          derived.push([`${figure.key}: value − change`, figure.value.value - figure.change]);
      }
      // A count beside the part of it that is resolved or defused.
      for (const [whole, part] of [
        ['disputes', 'disputesResolved'],
        ['escalationRisks', 'escalationRisksDefused'],
      ] as const) {
        const a = byKey.get(whole)!.value.value;
        const b = byKey.get(part)!.value.value;
        if (a !== null && b !== null) derived.push([`${whole} − ${part}`, a - b]);
      }
      const leaks = derived.filter(([, n]) => small(Math.round(n * 100) / 100));
      expect({ page: `${type} ${JSON.stringify(period)}`, leaks }).toEqual({ page: `${type} ${JSON.stringify(period)}`, leaks: [] });
    }
    // The pages do hide figures: the check above has something to find.
    expect(suppressed).toBeGreaterThan(5);
  });
});
