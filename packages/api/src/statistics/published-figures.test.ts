import { mutationSuite } from '../test-support/mutations';
import { buildWorld, type World } from '../test-support/world';

/**
 * A program built through the API alone, with a month of activity chosen so that every published
 * figure can be worked out by hand; the expected values below are written by hand, not computed by
 * the engine's code. The program began on 15 August 2025.
 */
const t = mutationSuite();
let w: World;

const FIGURES = `query ($scope: ID!, $period: PeriodInput!) { serviceStatistics(scope: $scope, period: $period) {
  figures { key value { display } yearAgo { display } changeYearOnYear trendYearOnYear } } }`;
const REPORT = `query ($scope: ID!, $period: PeriodInput!) { complianceReport(scope: $scope, period: $period) {
  score commitments { code status indicators { status evaluatedFrom evaluatedTo periodsJudged periodsMet value { value display } } } } }`;

beforeAll(async () => {
  const { m } = t;
  w = await buildWorld(m, 'teams');
  await m.ok('updateProgram', { id: w.program, version: 1, startsOn: '2025-08-15' });
  // Commitments: every enterprise visited each month; at least two on-site patrols a quarter.
  const k1 = await m.ok('createCommitment', { programId: w.program, code: 'K1', area: 'SERVICE', title: { zhCN: '每月走访' } });
  await m.ok('addIndicator', { commitmentId: k1.id, metric: 'visitCoverage', target: 100, period: 'MONTH' });
  const k2 = await m.ok('createCommitment', { programId: w.program, code: 'K2', area: 'PUBLIC_ORDER', title: { zhCN: '季度巡逻' } });
  await m.ok('addIndicator', { commitmentId: k2.id, metric: 'patrolCount', params: { kind: 'ON_SITE' }, target: 2, period: 'QUARTER' });

  // Before the start: a patrol that counts nowhere.
  await m.ok('recordPatrol', { teamId: w.patrolTeam, kind: 'ON_SITE', patrolledOn: '2025-08-01', personTimes: 5 });
  // September 2025, the year before: two visits and a patrol of 6 person-times.
  await m.ok('recordVisit', {
    officerId: w.officer2,
    enterpriseId: w.enterprise,
    visitedOn: '2025-09-03',
    activities: ['SAFETY_INSPECTION'],
  });
  await m.ok('recordVisit', {
    officerId: w.officer,
    enterpriseId: w.enterprise2,
    visitedOn: '2025-09-04',
    activities: ['SAFETY_INSPECTION'],
  });
  await m.ok('recordPatrol', { teamId: w.patrolTeam, kind: 'ON_SITE', patrolledOn: '2025-09-10', personTimes: 6 });

  // September 2026.
  await m.ok('recordVisit', {
    officerId: w.officer2,
    enterpriseId: w.enterprise,
    visitedOn: '2026-09-10',
    activities: ['SAFETY_INSPECTION'],
  });
  await m.ok('recordPatrol', {
    teamId: w.patrolTeam,
    kind: 'ON_SITE',
    patrolledOn: '2026-09-15',
    personTimes: 4,
    suspiciousPersonsChecked: 3,
    suspiciousVehiclesChecked: 2,
    peopleAssisted: 1,
  });
  // 22:30 in Beijing on the month's last day (14:30 UTC): September's, not October's.
  await m.ok('recordIncident', {
    parkId: w.park,
    enterpriseId: w.enterprise2,
    type: 'THEFT',
    receivedAt: '2026-09-30T14:30:00Z',
    arrivedAt: '2026-09-30T14:40:00Z',
  });
  // A dispute of the enterprise in 精细化工园, recorded without a zone.
  const dispute = await m.ok('recordDispute', {
    parkId: w.park,
    enterpriseIds: [w.enterprise],
    category: 'WAGES',
    summary: '工资纠纷',
    identifiedOn: '2026-09-20',
  });
  await m.ok('resolveDispute', { id: dispute.id, version: dispute.version, on: '2026-09-25' });
  // Received on Wednesday 30 September at 10:00: three working days around National Day end on
  // Saturday 10 October (worked in lieu); resolved on 9 October, in time.
  const request = await m.ok(
    'receiveServiceRequest',
    {
      enterpriseId: w.enterprise,
      kind: 'VEHICLE_ACCESS',
      channel: 'DOORSTEP',
      source: 'VISIT',
      description: '通行证',
      receivedAt: '2026-09-30T02:00:00Z',
    },
    'dueAt',
  );
  expect(request.dueAt).toBe('2026-10-10T02:00:00.000Z');
  await m.ok('recordFacility', { parkId: w.park, kind: 'CAMERA', quantity: 16, installedOn: '2025-09-01' });
  await m.ok('recordFacility', { parkId: w.park, kind: 'CAMERA', quantity: 8, installedOn: '2026-09-20' });
  const assigned = await m.ok('assignServiceRequest', { id: request.id, version: 1, unitId: w.workstation, at: '2026-09-30T03:00:00Z' });
  await m.ok('resolveServiceRequest', { id: request.id, version: assigned.version, at: '2026-10-09T02:00:00Z', resolution: '已办结' });
});

const figures = async (scope: string, period: Record<string, unknown>) => {
  const data = await t.api.ok(FIGURES, { scope, period });
  return Object.fromEntries(
    data.serviceStatistics.figures.map((f: { key: string; value: { display: string }; yearAgo: { display: string } }) => [f.key, f]),
  );
};

describe('the published figures of a program built through the API', () => {
  it('September 2026, every service figure of the park, with 同比 against September 2025', async () => {
    const shown = await figures(w.park, { month: '2026-09' });
    const displays = Object.fromEntries(Object.entries(shown).map(([key, f]: [string, any]) => [key, f.value.display]));
    expect(displays).toEqual({
      patrolPersonTimes: '4',
      patrols: '1',
      videoPatrols: '0',
      hazardsRectifiedOnSite: '0',
      suspiciousPersonsChecked: '3',
      suspiciousVehiclesChecked: '2',
      peopleAssisted: '1',
      disputes: '1',
      disputesResolved: '1',
      disputeResolutionRate: '100.0%',
      escalationRisks: '0',
      escalationRisksDefused: '—',
      escalationRisksControlled: '—',
      // The request was resolved in October.
      problemsSolved: '0',
      // None was due in September (it fell due on 10 October).
      serviceRequestsResolvedInTime: '—',
      satisfaction: '—',
      pennants: '0',
      letters: '0',
      visits: '1',
      // Two enterprises active all month, one visited.
      visitCoverage: '50.0%',
      // The incident of 22:30 on 30 September.
      incidents: '1',
      incidentArrivalWithin15: '100.0%',
      responseMinutesMedian: '10.0',
      // The request of 30 September; the incident was not a criminal one; the dispute recovered no money;
      // the park's teams have no members recorded.
      requests: '1',
      criminalIncidents: '0',
      casesCleared: '0',
      amountRecovered: '0',
      staffOnPost: '0',
      // 16 camera channels since September 2025, 8 more from 20 September 2026.
      cameras: '24',
      'engagements.QUARTERLY_MEETING': '0',
      'engagements.FORUM': '0',
      'engagements.PARTY_BUILDING': '0',
      'engagements.LEGAL_PUBLICITY': '0',
      'engagements.TRAINING': '0',
      'engagements.SECURITY_BULLETIN': '0',
      'engagements.ANALYSIS_MEETING': '0',
      'engagements.DRILL': '0',
    });
    // 同比: September 2025 had 6 person-times and two visits.
    expect(shown.patrolPersonTimes).toMatchObject({ yearAgo: { display: '6' }, changeYearOnYear: -2, trendYearOnYear: 'DOWN' });
    expect(shown.visits).toMatchObject({ yearAgo: { display: '2' }, changeYearOnYear: -1, trendYearOnYear: 'DOWN' });
    expect(shown.visitCoverage).toMatchObject({ yearAgo: { display: '100.0%' }, changeYearOnYear: -50 });
  });

  it('October 2026: the request due on the Saturday worked in lieu was resolved in time', async () => {
    const shown = await figures(w.park, { month: '2026-10' });
    expect(shown.serviceRequestsResolvedInTime.value.display).toBe('100.0%');
    expect(shown.problemsSolved.value.display).toBe('1');
  });

  it('the dispute recorded without a zone lies in the zone of its enterprise', async () => {
    expect((await figures(w.zones.fine, { month: '2026-09' })).disputes.value.display).toBe('1');
    expect((await figures(w.zones.circular, { month: '2026-09' })).disputes.value.display).toBe('0');
  });

  it('the quarter the program began in is judged from its first day; the year from it too', async () => {
    const { complianceReport } = await t.api.ok(REPORT, { scope: w.park, period: { quarter: '2025-Q3' } });
    const [k1, k2] = complianceReport.commitments.map((c: any) => c.indicators[0]);
    // Visits: August from the 15th (no visit) and September (both visited): one month of two met.
    expect(k1).toMatchObject({
      status: 'NOT_MET',
      evaluatedFrom: '2025-08-15',
      evaluatedTo: '2025-09-30',
      periodsJudged: 2,
      periodsMet: 1,
    });
    // Patrols from 15 August: the one of 10 September; the one of 1 August came before the start.
    expect(k2).toMatchObject({
      status: 'NOT_MET',
      evaluatedFrom: '2025-08-15',
      evaluatedTo: '2025-09-30',
      periodsJudged: 1,
      periodsMet: 0,
    });
    expect(k2.value.value).toBe(1);
    expect(complianceReport.score).toBe(0);
    // 2025 from 15 August: the two visits and the patrol of September, nothing else.
    const year = await figures(w.park, { year: 2025 });
    expect(Object.fromEntries(Object.entries(year).map(([key, f]: [string, any]) => [key, f.value.display]))).toEqual({
      patrolPersonTimes: '6',
      patrols: '1',
      videoPatrols: '0',
      hazardsRectifiedOnSite: '0',
      suspiciousPersonsChecked: '0',
      suspiciousVehiclesChecked: '0',
      peopleAssisted: '0',
      disputes: '0',
      disputesResolved: '—',
      disputeResolutionRate: '—',
      escalationRisks: '0',
      escalationRisksDefused: '—',
      escalationRisksControlled: '—',
      problemsSolved: '0',
      serviceRequestsResolvedInTime: '—',
      satisfaction: '—',
      pennants: '0',
      letters: '0',
      visits: '2',
      // Enterprise-months due: August from the 15th (one month due, as a month under way is) and four
      // whole months, for each of the two; visited: September for both. 2 ÷ (2 × 5) = 20 %.
      visitCoverage: '20.0%',
      incidents: '0',
      incidentArrivalWithin15: '—',
      responseMinutesMedian: '—',
      requests: '0',
      criminalIncidents: '0',
      casesCleared: '0',
      amountRecovered: '0',
      staffOnPost: '0',
      // On 31 December 2025: the 16 channels of September.
      cameras: '16',
      'engagements.QUARTERLY_MEETING': '0',
      'engagements.FORUM': '0',
      'engagements.PARTY_BUILDING': '0',
      'engagements.LEGAL_PUBLICITY': '0',
      'engagements.TRAINING': '0',
      'engagements.SECURITY_BULLETIN': '0',
      'engagements.ANALYSIS_MEETING': '0',
      'engagements.DRILL': '0',
    });
  });
});
