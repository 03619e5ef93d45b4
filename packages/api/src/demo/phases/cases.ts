import type { DemoRun } from '../run';

import { TeamType } from '../../teams/team.entity';
import { addDays } from '../../shared/time/calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import type { CalendarDayKind } from '../../calendar/calendar-day.entity';
import { shanghaiTime } from '../../shared/time/calendar';

/** Disputes: exact count and resolutions; escalation risks with their outcomes. */
export async function writeDisputes(run: DemoRun): Promise<void> {
  const { end, start, figures, random, writer, randomDay, parkId, zoneIds, enterprises, teamIds } = run;
  run.phase = 'disputes';
  const disputeIds = await writer.reserveIds('dispute', figures.disputes);
  const riskIndexes = random.sample([...Array(figures.disputes).keys()], figures.escalationRisks);
  const defused = new Set(riskIndexes.slice(0, figures.escalationRisksDefused));
  const risky = new Set(riskIndexes);
  const resolvedSet = new Set(random.sample([...Array(figures.disputes).keys()], figures.disputesResolved));
  const disputeLinks: Array<[number, number]> = [];
  for (const [i, id] of disputeIds.entries()) {
    const resolved = resolvedSet.has(i);
    const identifiedOn = resolved ? randomDay(start, addDays(end, -3)) : randomDay(addDays(end, -20), end);
    const mediationStartedOn = addDays(identifiedOn, random.int(0, 2));
    const resolvedOn = resolved ? addDays(mediationStartedOn, random.int(0, 14)) : null;
    const category = random.weighted([
      ['WAGES', 35],
      ['CONTRACT', 20],
      ['WORK_INJURY', 12],
      ['NEIGHBOUR', 10],
      ['LAND', 8],
      ['BUSINESS', 10],
      ['OTHER', 5],
    ] as const);
    const risk = risky.has(i) ? random.pick(['CIVIL_TO_CRIMINAL', 'CIVIL_TO_CRIMINAL', 'CRIMINAL_TO_HOMICIDE'] as const) : 'NONE';
    await writer.add(
      'dispute',
      [
        'id',
        'park_id',
        'zone_id',
        'team_id',
        'category',
        'summary',
        'parties_count',
        'amount_involved',
        'escalation_risk',
        'risk_outcome',
        'status',
        'identified_on',
        'mediation_started_on',
        'resolved_on',
      ],
      [
        id,
        parkId,
        random.pick(zoneIds),
        teamIds[TeamType.MEDIATION],
        category,
        category === 'WAGES' ? '施工人员反映工资拖欠' : '企业与相关方产生纠纷',
        random.int(2, 6),
        category === 'WAGES' ? random.int(5, 300) * 1000 : null,
        risk,
        risk === 'NONE' ? null : defused.has(i) ? 'DEFUSED' : 'UNDER_CONTROL',
        resolved ? 'RESOLVED' : 'MEDIATING',
        identifiedOn,
        mediationStartedOn,
        resolvedOn && resolvedOn > end ? end : resolvedOn,
      ],
    );
    for (const enterprise of random.sample(enterprises, random.int(1, 2))) disputeLinks.push([id, enterprise.id]);
  }
  await writer.flush();
  for (const [disputeId, enterpriseId] of disputeLinks)
    await writer.add('dispute_enterprise', ['dispute_id', 'enterprise_id'], [disputeId, enterpriseId]);
  await writer.flush();
}

/** Incidents: about 0.13 per enterprise per month; most arrivals well within 15 minutes. */
export async function writeIncidents(run: DemoRun): Promise<void> {
  const { enterpriseCount, monthCount, end, random, writer, totals, randomDay, parkId, frontlineUnits, enterprises } = run;
  run.phase = 'incidents';
  const incidentCount = Math.round(enterpriseCount * monthCount * 0.13);
  const incidentIds = await writer.reserveIds('incident', incidentCount);
  for (const id of incidentIds) {
    const enterprise = random.pick(enterprises);
    const day = randomDay();
    const receivedAt = shanghaiTime(day, random.int(0, 23), random.int(0, 59));
    const dispatchedAt = new Date(receivedAt.getTime() + random.int(1, 3) * 60_000);
    const arrivalMinutes = random.chance(0.96) ? random.int(4, 14) : random.int(16, 35);
    const arrivedAt = new Date(receivedAt.getTime() + arrivalMinutes * 60_000);
    const closedAt = new Date(arrivedAt.getTime() + random.int(20, 600) * 60_000);
    await writer.add(
      'incident',
      [
        'id',
        'park_id',
        'zone_id',
        'enterprise_id',
        'type',
        'summary',
        'received_at',
        'dispatched_at',
        'arrived_at',
        'closed_at',
        'quick_response',
        'outcome',
      ],
      [
        id,
        parkId,
        enterprise.zoneId,
        enterprise.id,
        random.weighted([
          ['THEFT', 30],
          ['LABOUR', 20],
          ['FIGHT', 12],
          ['TRAFFIC', 15],
          ['FRAUD', 8],
          ['DAMAGE', 8],
          ['FIRE_OR_CHEMICAL', 2],
          ['OTHER', 5],
        ] as const),
        '涉企警情',
        receivedAt,
        dispatchedAt,
        arrivedAt,
        closedAt > shanghaiTime(end, 23, 59) ? null : closedAt,
        random.chance(0.7),
        '已妥善处置',
      ],
    );
    await writer.add('incident_unit', ['incident_id', 'police_unit_id'], [id, random.pick(frontlineUnits)]);
    totals.incidents += 1;
  }
  await writer.flush();
}

/** Service requests: exactly `problemsSolved` resolved (most evaluated), a few still open near the end. */
export async function writeServiceRequests(run: DemoRun): Promise<void> {
  const { end, start, figures, random, writer, totals, randomDay, parkId, enterprises, frontlineUnits, branchIds } = run;
  run.phase = 'service requests';
  const openRequests = Math.max(1, Math.round(figures.problemsSolved * (run.def.openRequestShare ?? 0.05)));
  const requestKinds = [
    ['VEHICLE_ACCESS', 25],
    ['HOUSEHOLD_REGISTRATION', 25],
    ['VEHICLE_ADMINISTRATION', 15],
    ['EXIT_ENTRY', 10],
    ['LEGAL_AID', 10],
    ['SECURITY', 10],
    ['OTHER', 5],
  ] as const;
  const channels = [
    ['ONLINE', 30],
    ['NEARBY', 20],
    ['CROSS_PROVINCE', 5],
    ['ENTRUSTED', 10],
    ['DOORSTEP', 20],
    ['APPOINTMENT', 15],
  ] as const;
  const requestColumns = [
    'park_id',
    'enterprise_id',
    'kind',
    'channel',
    'source',
    'description',
    'complex',
    'assigned_unit_id',
    'status',
    'received_at',
    'due_at',
    'appointment_at',
    'served_at',
    'assigned_at',
    'started_at',
    'resolved_at',
    'evaluated_at',
    'satisfaction',
    'resolution',
  ];
  // Time limits count working days on the published calendar, as the API counts them.
  const calendarDays = await run.db.query<{ day: string; kind: CalendarDayKind }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day WHERE day BETWEEN $1 AND $2`,
    [addDays(start, -1), addDays(end, 60)],
  );
  const calendar = new WorkingCalendar(new Map(calendarDays.rows.map((row) => [row.day, row.kind])));
  for (let i = 0; i < figures.problemsSolved + openRequests; i++) {
    const resolved = i < figures.problemsSolved;
    const enterprise = random.pick(enterprises);
    const day = resolved ? randomDay(start, addDays(end, -10)) : randomDay(addDays(end, -6), end);
    const receivedAt = shanghaiTime(day, random.int(8, 17), random.int(0, 59));
    const complex = random.chance(0.2);
    const dueAt = calendar.addWorkingDays(receivedAt, complex ? 7 : 3);
    const channel = random.weighted(channels);
    const appointmentAt = channel === 'APPOINTMENT' ? shanghaiTime(addDays(day, random.int(1, 3)), random.int(9, 16)) : null;
    const servedAt =
      appointmentAt && resolved
        ? new Date(appointmentAt.getTime() + (random.chance(0.98) ? random.int(0, 10) : random.int(31, 90)) * 60_000)
        : null;
    const assignedAt = new Date(receivedAt.getTime() + random.int(10, 120) * 60_000);
    const startedAt = new Date(assignedAt.getTime() + random.int(10, 240) * 60_000);
    const onTime = random.chance(0.96);
    const hoursToResolve = onTime
      ? Math.max(1, Math.floor(((dueAt.getTime() - startedAt.getTime()) / 3_600_000) * random.next()))
      : Math.ceil((dueAt.getTime() - startedAt.getTime()) / 3_600_000) + random.int(2, 72);
    let resolvedAt: Date | null = resolved ? new Date(startedAt.getTime() + hoursToResolve * 3_600_000) : null;
    if (servedAt && resolvedAt && resolvedAt < servedAt) resolvedAt = servedAt;
    const evaluated = resolved && random.chance(0.85);
    const status = resolved ? (evaluated ? 'EVALUATED' : 'RESOLVED') : random.pick(['RECEIVED', 'ASSIGNED', 'IN_PROGRESS'] as const);
    await writer.add('service_request', requestColumns, [
      parkId,
      enterprise.id,
      random.weighted(requestKinds),
      channel,
      random.weighted([
        ['VISIT', 35],
        ['PHONE', 20],
        ['WECHAT_GROUP', 30],
        ['MEETING', 10],
        ['WALK_IN', 5],
      ] as const),
      '企业诉求',
      complex,
      status === 'RECEIVED' ? null : random.pick([...frontlineUnits, ...branchIds]),
      status,
      receivedAt,
      dueAt,
      appointmentAt,
      servedAt,
      status === 'RECEIVED' ? null : assignedAt,
      status === 'RECEIVED' || status === 'ASSIGNED' ? null : startedAt,
      resolvedAt,
      evaluated ? new Date(resolvedAt!.getTime() + random.int(1, 72) * 3_600_000) : null,
      evaluated
        ? random.weighted([
            [5, 80],
            [4, 15],
            [3, 4],
            [2, 1],
          ] as const)
        : null,
      resolved ? '已办结' : '',
    ]);
    totals.serviceRequests += 1;
  }
  await writer.flush();
}
