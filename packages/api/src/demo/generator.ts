import type { Client, PoolClient } from 'pg';
import { EngagementType } from '../activities/engagements/engagement.entity';
import { PatrolKind } from '../activities/patrols/patrol.entity';
import { VisitActivity } from '../activities/visits/visit.entity';
import { Comparator } from '../commitments/indicator.entity';
import { EnterpriseStatus } from '../enterprises/enterprise.entity';
import { TeamMemberKind } from '../teams/team-member.entity';
import { TeamType } from '../teams/team.entity';
import { PoliceUnitKind } from '../units/police-unit.entity';
import { BulkWriter } from './bulk-writer';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  lastDayOfMonth,
  monthsOf,
  shanghaiTime,
  todayInShanghai,
  windowStart,
} from '../shared/time/calendar';
import { creditCode, enterpriseName, INDUSTRIES, mobile, personName } from './names';
import { Random } from './random';
import { WENG_AN, type ArticleFigures, type DemoProgram } from './weng-an';

export interface DemoOptions {
  /** Which program to write; Weng'an's by default. */
  program?: DemoProgram;
  /** PRNG seed; the same seed and options give the same data. */
  seed?: number;
  enterprises?: number;
  officers?: number;
  months?: number;
  /** Last day of the data (Asia/Shanghai); defaults to today. */
  endDate?: string;
  onProgress?: (progress: { phase: string; rows: number; expectedRows: number }) => void;
}

/** The totals the generator promises for its options; tests compare them with the database. */
export interface DemoTotals {
  enterprises: number;
  officers: number;
  zones: number;
  policeUnits: number;
  teams: number;
  commitments: number;
  indicators: number;
  liaisonAssignments: number;
  visits: number;
  patrols: number;
  onSitePatrols: number;
  videoPatrols: number;
  patrolPersonTimes: number;
  hazardsFoundOnPatrol: number;
  suspiciousPersonsChecked: number;
  suspiciousVehiclesChecked: number;
  peopleAssisted: number;
  hazards: number;
  disputes: number;
  disputesResolved: number;
  escalationRisks: number;
  escalationRisksDefused: number;
  incidents: number;
  serviceRequests: number;
  problemsSolved: number;
  engagements: number;
  trainings: number;
  analysisMeetings: number;
  recognitions: number;
  pennants: number;
}

export const DEFAULT_DEMO = { seed: 1131, enterprises: 60, officers: 25, months: 12 } as const;

/** A program's figures scale with enterprises × months relative to its baseline (Weng'an: 60 enterprises, 12 months). */
export function scaledFigures(enterprises: number, months: number, program: DemoProgram = WENG_AN): ArticleFigures {
  const factor = (enterprises / program.baseline.enterprises) * (months / program.baseline.months);
  const out = {} as ArticleFigures;
  for (const [key, value] of Object.entries(program.figures)) out[key as keyof ArticleFigures] = Math.max(1, Math.round(value * factor));
  // Defused risks cannot exceed the risks found, resolved disputes the disputes.
  out.escalationRisksDefused = Math.min(out.escalationRisksDefused, out.escalationRisks - (out.escalationRisks > 1 ? 1 : 0));
  out.disputesResolved = Math.min(out.disputesResolved, out.disputes);
  return out;
}

type Db = Client | PoolClient;

/**
 * Writes a demo program (Weng'an's by default): one park, its zones and units, enterprises, officers, teams,
 * the thirteen commitments, and months of activity whose totals match the article's magnitudes.
 * Runs in one transaction. Returns what it wrote.
 */
export async function generateDemo(db: Db, options: DemoOptions = {}): Promise<DemoTotals> {
  const def = options.program ?? WENG_AN;
  const seed = options.seed ?? DEFAULT_DEMO.seed;
  const enterpriseCount = options.enterprises ?? def.baseline.enterprises;
  const officerCount = options.officers ?? Math.max(def.baseline.officers, Math.ceil(enterpriseCount / 2.4));
  const monthCount = options.months ?? def.baseline.months;
  const end = options.endDate ?? todayInShanghai();
  const start = windowStart(end, monthCount);
  const figures = scaledFigures(enterpriseCount, monthCount, def);
  const random = new Random(seed);

  // Rough size of what is written, for the progress bar only.
  const expectedRows = Math.round(
    enterpriseCount * (monthCount * 1.35 + 6) +
      (figures.onSitePatrols + figures.videoPatrols) +
      figures.disputes * 2.5 +
      figures.problemsSolved * 1.05 +
      figures.pennants * 1.4,
  );
  let phase = 'setup';
  const writer = new BulkWriter(db, () => options.onProgress?.({ phase, rows: writer.written, expectedRows }));
  const totals: DemoTotals = {
    enterprises: enterpriseCount,
    officers: officerCount,
    zones: def.zones.length,
    policeUnits: 0,
    teams: 3,
    commitments: def.commitments.length,
    indicators: 0,
    liaisonAssignments: 0,
    visits: 0,
    patrols: 0,
    onSitePatrols: figures.onSitePatrols,
    videoPatrols: figures.videoPatrols,
    patrolPersonTimes: figures.patrolPersonTimes,
    hazardsFoundOnPatrol: figures.hazardsFoundOnPatrol,
    suspiciousPersonsChecked: figures.suspiciousPersonsChecked,
    suspiciousVehiclesChecked: figures.suspiciousVehiclesChecked,
    peopleAssisted: figures.peopleAssisted,
    hazards: 0,
    disputes: figures.disputes,
    disputesResolved: figures.disputesResolved,
    escalationRisks: figures.escalationRisks,
    escalationRisksDefused: figures.escalationRisksDefused,
    incidents: 0,
    serviceRequests: 0,
    problemsSolved: figures.problemsSolved,
    engagements: 0,
    trainings: figures.trainings,
    analysisMeetings: figures.analysisMeetings,
    recognitions: 0,
    pennants: figures.pennants,
  };
  const randomDay = (from = start, to = end) => addDays(from, random.int(0, daysBetween(from, to)));

  // Program, park, zones.
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
  const programId = await one('INSERT INTO program (name, region, bureau, description) VALUES ($1, $2, $3, $4) RETURNING id', [
    def.program.name,
    def.program.region,
    def.program.bureau,
    def.program.description,
  ]);
  const parkId = await one('INSERT INTO park (program_id, name, level, region) VALUES ($1, $2, $3, $4) RETURNING id', [
    programId,
    def.park.name,
    def.park.level,
    def.park.region,
  ]);
  const zoneIds: number[] = [];
  for (const zone of def.zones) zoneIds.push(await one('INSERT INTO zone (park_id, name) VALUES ($1, $2) RETURNING id', [parkId, zone]));

  // Police units: stations, the three park workstations (one per zone), branches, the monitoring centre.
  const unitIds = new Map<string, number>();
  const addUnit = async (name: string, kind: PoliceUnitKind, specialism: string | null, zones: number[]) => {
    const id = await one('INSERT INTO police_unit (program_id, park_id, name, kind, specialism) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      programId,
      parkId,
      name,
      kind,
      specialism,
    ]);
    for (const zoneId of zones) await db.query('INSERT INTO police_unit_zone (police_unit_id, zone_id) VALUES ($1, $2)', [id, zoneId]);
    unitIds.set(name, id);
    return id;
  };
  for (const [i, name] of def.stations.entries())
    await addUnit(name, PoliceUnitKind.STATION, null, i === 0 ? zoneIds : [zoneIds[i % zoneIds.length]!]);
  for (const [i, name] of def.workstations.entries()) await addUnit(name, PoliceUnitKind.WORKSTATION, null, [zoneIds[i % zoneIds.length]!]);
  for (const [name, specialism] of def.branches) await addUnit(name, PoliceUnitKind.BRANCH, specialism, []);
  if (def.monitoringCentre) await addUnit(def.monitoringCentre, PoliceUnitKind.MONITORING_CENTRE, null, zoneIds);
  totals.policeUnits = unitIds.size;
  const frontlineUnits = [...def.stations, ...def.workstations].map((name) => unitIds.get(name)!);
  const branchIds = def.branches.map(([name]) => unitIds.get(name)!);

  // Officers.
  phase = 'officers';
  const officerIds = await writer.reserveIds('officer', officerCount);
  // Badge numbers and credit codes are unique across programs: start from those already written.
  const badges = new Set((await db.query<{ v: string }>('SELECT badge_number AS v FROM officer')).rows.map((r) => r.v));
  for (const [i, id] of officerIds.entries()) {
    let badge: string;
    do badge = String(random.int(100_000, 999_999)).padStart(6, '0');
    while (badges.has(badge));
    badges.add(badge);
    const unit = i < frontlineUnits.length * 3 ? frontlineUnits[i % frontlineUnits.length]! : random.pick(frontlineUnits);
    await writer.add(
      'officer',
      ['id', 'name', 'badge_number', 'unit_id', 'phone', 'title'],
      [
        id,
        personName(random),
        badge,
        unit,
        mobile(random),
        random.weighted([
          ['社区民警', 6],
          ['警务站民警', 3],
          ['副所长', 1],
        ] as const),
      ],
    );
  }
  await writer.flush();

  // Enterprises: most joined before the window, some during it; a few archived late in it.
  phase = 'enterprises';
  const enterpriseIds = await writer.reserveIds('enterprise', enterpriseCount);
  const names = new Set<string>();
  const codes = new Set((await db.query<{ v: string }>('SELECT credit_code AS v FROM enterprise')).rows.map((r) => r.v));
  interface EnterpriseInfo {
    id: number;
    zoneId: number;
    joinedOn: string;
    archivedOn: string | null;
    hazardous: boolean;
  }
  const enterprises: EnterpriseInfo[] = [];
  for (const id of enterpriseIds) {
    const [industry, word, hazardousIndustry] = random.pick(INDUSTRIES);
    const zoneId = random.pick(zoneIds);
    const joinedOn = random.chance(0.85) ? addDays(start, -random.int(30, 1500)) : randomDay(start, addDays(end, -20));
    const archivedOn = random.chance(0.03) ? randomDay(addDays(joinedOn > start ? joinedOn : start, 10), end) : null;
    const hazardous = hazardousIndustry && random.chance(0.8);
    const status = archivedOn
      ? EnterpriseStatus.CLOSED
      : random.weighted([
          [EnterpriseStatus.OPERATING, 85],
          [EnterpriseStatus.UNDER_CONSTRUCTION, 12],
          [EnterpriseStatus.SUSPENDED, 3],
        ] as const);
    const liaisonGroupJoinedOn = random.chance(0.97) ? addDays(joinedOn, random.int(0, 20)) : null;
    enterprises.push({ id, zoneId, joinedOn, archivedOn: archivedOn && archivedOn > joinedOn ? archivedOn : null, hazardous });
    await writer.add(
      'enterprise',
      [
        'id',
        'park_id',
        'zone_id',
        'name',
        'credit_code',
        'industry',
        'employee_count',
        'hazardous_chemicals',
        'key_enterprise',
        'status',
        'contact_person',
        'contact_phone',
        'joined_on',
        'liaison_group_joined_on',
        'archived_at',
      ],
      [
        id,
        parkId,
        zoneId,
        enterpriseName(random, names, word),
        creditCode(random, codes),
        industry,
        random.weighted([
          [random.int(15, 80), 5],
          [random.int(80, 400), 4],
          [random.int(400, 2500), 1],
        ] as const),
        hazardous,
        hazardous || random.chance(0.1),
        status,
        personName(random),
        mobile(random),
        joinedOn,
        liaisonGroupJoinedOn,
        enterprises.at(-1)!.archivedOn ? shanghaiTime(enterprises.at(-1)!.archivedOn!, 17) : null,
      ],
    );
  }
  await writer.flush();

  // Liaison assignments (1+N); about one in ten enterprises changes officer during the window.
  phase = 'liaison assignments';
  const officerOn = new Map<number, Array<{ officerId: number; from: string; to: string | null }>>();
  for (const enterprise of enterprises) {
    const spans: Array<{ officerId: number; from: string; to: string | null }> = [];
    const first = random.pick(officerIds);
    if (random.chance(0.1) && daysBetween(enterprise.joinedOn > start ? enterprise.joinedOn : start, end) > 40) {
      const change = randomDay(addDays(enterprise.joinedOn > start ? enterprise.joinedOn : start, 20), addDays(end, -10));
      let second = random.pick(officerIds);
      if (second === first) second = officerIds[(officerIds.indexOf(first) + 1) % officerIds.length]!;
      spans.push({ officerId: first, from: enterprise.joinedOn, to: addDays(change, -1) }, { officerId: second, from: change, to: null });
    } else {
      spans.push({ officerId: first, from: enterprise.joinedOn, to: null });
    }
    officerOn.set(enterprise.id, spans);
    const ids = await writer.reserveIds('liaison_assignment', spans.length);
    for (const [i, span] of spans.entries()) {
      await writer.add(
        'liaison_assignment',
        ['id', 'enterprise_id', 'officer_id', 'starts_on', 'ends_on'],
        [ids[i], enterprise.id, span.officerId, span.from, span.to],
      );
      totals.liaisonAssignments += 1;
      for (const branch of random.sample(branchIds, random.int(2, 4))) {
        await writer.add('liaison_assignment_branch', ['liaison_assignment_id', 'police_unit_id'], [ids[i], branch]);
      }
    }
  }
  await writer.flush();
  const officerAt = (enterpriseId: number, day: string) => {
    const spans = officerOn.get(enterpriseId)!;
    return (spans.find((span) => span.from <= day && (span.to === null || day <= span.to)) ?? spans.at(-1)!).officerId;
  };
  const activeOn = (enterprise: EnterpriseInfo, day: string) =>
    enterprise.joinedOn <= day && (enterprise.archivedOn === null || day < enterprise.archivedOn);

  // Teams and their members.
  phase = 'teams';
  const teamIds: Record<TeamType, number> = {} as Record<TeamType, number>;
  for (const [type, name] of [
    [TeamType.PATROL, def.teams[TeamType.PATROL]],
    [TeamType.MEDIATION, def.teams[TeamType.MEDIATION]],
    [TeamType.SERVICE, def.teams[TeamType.SERVICE]],
  ] as const) {
    teamIds[type] = await one('INSERT INTO team (park_id, name, type) VALUES ($1, $2, $3) RETURNING id', [parkId, name, type]);
    for (const officerId of random.sample(officerIds, 4)) {
      await writer.add(
        'team_member',
        ['team_id', 'kind', 'officer_id', 'joined_on'],
        [teamIds[type], TeamMemberKind.OFFICER, officerId, addDays(start, -random.int(0, 200))],
      );
    }
    const others: Array<[TeamMemberKind, number]> =
      type === TeamType.PATROL
        ? [
            [TeamMemberKind.POLICE_ASSISTANT, 6],
            [TeamMemberKind.ENTERPRISE_GUARD, 10],
            [TeamMemberKind.COMMUNITY_MEMBER, 4],
          ]
        : [
            [TeamMemberKind.POLICE_ASSISTANT, 2],
            [TeamMemberKind.COMMUNITY_MEMBER, 3],
          ];
    for (const [kind, count] of others) {
      for (let i = 0; i < count; i++) {
        await writer.add(
          'team_member',
          ['team_id', 'kind', 'enterprise_id', 'name', 'phone', 'joined_on'],
          [
            teamIds[type],
            kind,
            kind === TeamMemberKind.ENTERPRISE_GUARD ? random.pick(enterprises).id : null,
            personName(random),
            mobile(random),
            addDays(start, -random.int(0, 200)),
          ],
        );
      }
    }
  }
  await writer.flush();

  // Commitments and indicators.
  phase = 'commitments';
  for (const [i, commitment] of def.commitments.entries()) {
    const commitmentId = await one(
      'INSERT INTO commitment (program_id, code, area, title, lead_unit_id, sort_order) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [programId, commitment.code, commitment.area, JSON.stringify(commitment.title), unitIds.get(commitment.lead) ?? null, i + 1],
    );
    for (const support of random.sample(branchIds, 2))
      await db.query('INSERT INTO commitment_supporting_unit (commitment_id, police_unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        commitmentId,
        support,
      ]);
    for (const [j, indicator] of commitment.indicators.entries()) {
      await db.query(
        'INSERT INTO indicator (commitment_id, metric, params, target, comparator, period, label, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          commitmentId,
          indicator.metric,
          JSON.stringify(indicator.params ?? {}),
          indicator.target,
          indicator.comparator ?? Comparator.GTE,
          indicator.period,
          JSON.stringify(indicator.label),
          j + 1,
        ],
      );
      totals.indicators += 1;
    }
  }

  // Visits: the liaison officer visits each active enterprise most months; some get a second visit.
  phase = 'visits';
  const months = monthsOf(start, end);
  const visitActivities = Object.values(VisitActivity);
  const visitIds: Array<{ id: number; enterprise: EnterpriseInfo; day: string; officerId: number }> = [];
  for (const month of months) {
    const monthEnd = lastDayOfMonth(month) < end ? lastDayOfMonth(month) : end;
    for (const enterprise of enterprises) {
      const visits = random.chance(0.94) ? (random.chance(0.12) ? 2 : 1) : 0;
      for (let v = 0; v < visits; v++) {
        const day = randomDay(month, monthEnd);
        if (!activeOn(enterprise, day)) continue;
        const [id] = await writer.reserveIds('visit', 1);
        const officerId = officerAt(enterprise.id, day);
        await writer.add(
          'visit',
          ['id', 'officer_id', 'enterprise_id', 'visited_on', 'activities', 'findings'],
          [
            id,
            officerId,
            enterprise.id,
            day,
            random.sample(visitActivities, random.int(1, 3)),
            random.chance(0.08) ? '发现安全隐患，已责令限期整改' : '',
          ],
        );
        visitIds.push({ id: id!, enterprise, day, officerId });
        totals.visits += 1;
      }
    }
  }
  await writer.flush();

  // Patrols: exact totals of patrols, person-times and checks, spread over the window and zones.
  phase = 'patrols';
  const patrolCount = figures.onSitePatrols + figures.videoPatrols;
  const patrolIds = await writer.reserveIds('patrol', patrolCount);
  const videoPersonTimes = Array.from({ length: figures.videoPatrols }, () => random.int(1, 2));
  const onSitePersonTimes = random.partition(
    figures.patrolPersonTimes - videoPersonTimes.reduce((a, b) => a + b, 0),
    figures.onSitePatrols,
    2,
  );
  const persons = random.scatter(figures.suspiciousPersonsChecked, figures.onSitePatrols);
  const vehicles = random.scatter(figures.suspiciousVehiclesChecked, figures.onSitePatrols);
  const assisted = random.scatter(figures.peopleAssisted, figures.onSitePatrols);
  const hazardPatrols = new Set(random.sample([...Array(figures.onSitePatrols).keys()], figures.hazardsFoundOnPatrol));
  const patrolsWithHazard: Array<{ id: number; day: string; zoneId: number }> = [];
  for (let i = 0; i < patrolCount; i++) {
    const onSite = i < figures.onSitePatrols;
    const day = randomDay();
    const zoneId = random.pick(zoneIds);
    const hazard = onSite && hazardPatrols.has(i);
    if (hazard) patrolsWithHazard.push({ id: patrolIds[i]!, day, zoneId });
    await writer.add(
      'patrol',
      [
        'id',
        'team_id',
        'zone_id',
        'patrolled_on',
        'kind',
        'person_times',
        'hazards_found',
        'suspicious_persons_checked',
        'suspicious_vehicles_checked',
        'people_assisted',
      ],
      onSite
        ? [
            patrolIds[i],
            teamIds[TeamType.PATROL],
            zoneId,
            day,
            PatrolKind.ON_SITE,
            onSitePersonTimes[i],
            hazard ? 1 : 0,
            persons[i],
            vehicles[i],
            assisted[i],
          ]
        : [patrolIds[i], teamIds[TeamType.PATROL], zoneId, day, PatrolKind.VIDEO, videoPersonTimes[i - figures.onSitePatrols], 0, 0, 0, 0],
    );
    totals.patrols += 1;
  }
  await writer.flush();

  // Hazards: those found on patrol were rectified on the spot; those found on visits get a deadline.
  phase = 'hazards';
  const hazardColumns = [
    'park_id',
    'zone_id',
    'enterprise_id',
    'place',
    'source',
    'patrol_id',
    'visit_id',
    'severity',
    'description',
    'found_on',
    'deadline',
    'rectified_on',
    'rectified_on_site',
  ];
  for (const patrol of patrolsWithHazard) {
    await writer.add('hazard', hazardColumns, [
      parkId,
      patrol.zoneId,
      null,
      random.pick(['园区主干道', '危化品运输通道', '园区停车场', '施工围挡']),
      'PATROL',
      patrol.id,
      null,
      'GENERAL',
      random.pick(['消防通道堵塞', '围挡破损', '车辆违规停放', '照明缺失']),
      patrol.day,
      patrol.day,
      patrol.day,
      true,
    ]);
    totals.hazards += 1;
  }
  for (const visit of visitIds) {
    if (!random.chance(visit.enterprise.hazardous ? 0.08 : 0.04)) continue;
    const deadline = addDays(visit.day, random.pick([7, 15, 30]));
    const outcome = random.weighted([
      ['onTime', 92],
      ['late', 4],
      ['open', 4],
    ] as const);
    let rectifiedOn: string | null =
      outcome === 'onTime'
        ? addDays(visit.day, random.int(1, daysBetween(visit.day, deadline)))
        : outcome === 'late'
          ? addDays(deadline, random.int(1, 10))
          : null;
    if (rectifiedOn && rectifiedOn > end) rectifiedOn = null;
    await writer.add('hazard', hazardColumns, [
      parkId,
      visit.enterprise.zoneId,
      visit.enterprise.id,
      '',
      'VISIT',
      null,
      visit.id,
      random.chance(0.1) ? 'MAJOR' : 'GENERAL',
      random.pick(['危化品储存不规范', '监控设备故障', '门卫登记制度未落实', '消防器材过期', '员工宿舍私拉电线']),
      visit.day,
      deadline,
      rectifiedOn,
      false,
    ]);
    totals.hazards += 1;
  }
  await writer.flush();

  // Disputes: exact count and resolutions; escalation risks with their outcomes.
  phase = 'disputes';
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

  // Incidents: about 0.13 per enterprise per month; most arrivals well within 15 minutes.
  phase = 'incidents';
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

  // Service requests: exactly `problemsSolved` resolved (most evaluated), a few still open near the end.
  phase = 'service requests';
  const openRequests = Math.max(1, Math.round(figures.problemsSolved * 0.05));
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
  for (let i = 0; i < figures.problemsSolved + openRequests; i++) {
    const resolved = i < figures.problemsSolved;
    const enterprise = random.pick(enterprises);
    const day = resolved ? randomDay(start, addDays(end, -10)) : randomDay(addDays(end, -6), end);
    const receivedAt = shanghaiTime(day, random.int(8, 17), random.int(0, 59));
    const complex = random.chance(0.2);
    const dueAt = addWorkingDays(receivedAt, complex ? 7 : 3);
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

  // Engagements: bulletins monthly, meetings and party-building quarterly, trainings, analysis meetings, legal publicity.
  phase = 'engagements';
  const engagementRows: Array<{ type: EngagementType; title: string; day: string; enterprises: EnterpriseInfo[] }> = [];
  for (const month of months) {
    const monthEnd = lastDayOfMonth(month) < end ? lastDayOfMonth(month) : end;
    engagementRows.push({
      type: EngagementType.SECURITY_BULLETIN,
      title: `${month.slice(0, 7)} ${def.park.name}治安形势通报`,
      day: randomDay(month, monthEnd),
      enterprises: [],
    });
    if (['01', '04', '07', '10'].includes(month.slice(5, 7)) || month === months[0]) {
      const quarterEnd = addDays(month, 80) < end ? addDays(month, 80) : end;
      engagementRows.push({
        type: EngagementType.QUARTERLY_MEETING,
        title: '警企季度恳谈会',
        day: randomDay(month, quarterEnd),
        enterprises: random.sample(enterprises, Math.min(enterprises.length, 30)),
      });
      engagementRows.push({
        type: EngagementType.PARTY_BUILDING,
        title: '警企党建联谊活动',
        day: randomDay(month, quarterEnd),
        enterprises: random.sample(enterprises, Math.min(enterprises.length, 8)),
      });
      // Legal publicity sessions cover every enterprise each quarter, in groups of about twenty.
      const shuffled = random.sample(enterprises, enterprises.length);
      for (let i = 0; i < shuffled.length; i += 20)
        engagementRows.push({
          type: EngagementType.LEGAL_PUBLICITY,
          title: '法律服务进企业',
          day: randomDay(month, quarterEnd),
          enterprises: shuffled.slice(i, i + 20),
        });
    }
  }
  for (let i = 0; i < figures.trainings; i++)
    engagementRows.push({
      type: EngagementType.TRAINING,
      title: '企业保安及内保人员培训',
      day: randomDay(),
      enterprises: random.sample(enterprises, 10),
    });
  for (let i = 0; i < figures.analysisMeetings; i++)
    engagementRows.push({ type: EngagementType.ANALYSIS_MEETING, title: '矛盾纠纷研判会', day: randomDay(), enterprises: [] });
  for (let i = 0; i < Math.max(1, Math.round((3 * monthCount) / 12)); i++)
    engagementRows.push({ type: EngagementType.FORUM, title: '警企座谈会', day: randomDay(), enterprises: random.sample(enterprises, 12) });
  const engagementIds = await writer.reserveIds('engagement', engagementRows.length);
  for (const [i, row] of engagementRows.entries()) {
    await writer.add(
      'engagement',
      ['id', 'park_id', 'type', 'title', 'held_on', 'organizer_id', 'attendees'],
      [
        engagementIds[i],
        parkId,
        row.type,
        row.title,
        row.day,
        random.pick(frontlineUnits),
        row.enterprises.length * random.int(1, 3) + random.int(3, 10),
      ],
    );
    totals.engagements += 1;
  }
  await writer.flush();
  for (const [i, row] of engagementRows.entries()) {
    for (const enterprise of row.enterprises)
      await writer.add('engagement_enterprise', ['engagement_id', 'enterprise_id'], [engagementIds[i], enterprise.id]);
  }
  await writer.flush();

  // Recognitions: pennants and letters of thanks.
  phase = 'recognitions';
  const letters = Math.max(1, Math.round(figures.pennants * 0.4));
  for (let i = 0; i < figures.pennants + letters; i++) {
    const enterprise = random.pick(enterprises);
    const day = randomDay();
    await writer.add(
      'recognition',
      ['enterprise_id', 'kind', 'received_on', 'officer_id', 'unit_id', 'message'],
      [
        enterprise.id,
        i < figures.pennants ? 'PENNANT' : 'LETTER',
        day,
        officerAt(enterprise.id, day),
        null,
        random.pick(['警企同心 护航发展', '人民警察为人民 排忧解难暖人心', '服务企业 情系百姓']),
      ],
    );
    totals.recognitions += 1;
  }
  await writer.flush();
  phase = 'done';
  options.onProgress?.({ phase, rows: writer.written, expectedRows: writer.written });
  return totals;
}
