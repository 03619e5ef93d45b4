import type { Client } from 'pg';
import { testCreditCode } from './mutations';

/**
 * A small program whose figures were worked out by hand (see statistics.test.ts). Park A has zones Z1 and
 * Z2; park B has Z3 (one enterprise, and the article-shaped disputes of 2025) and Z4 (nothing in it).
 * "Today" for these figures is 2026-06-15 (Asia/Shanghai); the month under study is May 2026.
 */
export interface StatisticsFixture {
  program: number;
  parkA: number;
  parkB: number;
  z1: number;
  z2: number;
  z3: number;
  z4: number;
  u1: number;
  u2: number;
  o1: number;
  o2: number;
  o3: number;
  e1: number;
  e2: number;
  e3: number;
  e4: number;
  e5: number;
}

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

export async function writeStatisticsFixture(sql: Client): Promise<StatisticsFixture> {
  let codes = 9000;
  let badges = 700000;
  const insert = async (table: string, row: Record<string, unknown>): Promise<number> => {
    const columns = Object.keys(row);
    const { rows } = await sql.query<{ id: number }>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(row).map((v) =>
        Array.isArray(v) ? v : v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
      ),
    );
    return rows[0]!.id;
  };
  const link = (table: string, row: Record<string, unknown>) =>
    sql.query(
      `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((_, i) => `$${i + 1}`)
        .join(', ')})`,
      Object.values(row),
    );

  const program = await insert('program', { name: '统计测试机制', region: '测试县', bureau: '测试县公安局' });
  const parkA = await insert('park', { program_id: program, name: '甲园区', region: '测试县' });
  const parkB = await insert('park', { program_id: program, name: '乙园区', region: '测试县' });
  const z1 = await insert('zone', { park_id: parkA, name: 'Z1' });
  const z2 = await insert('zone', { park_id: parkA, name: 'Z2' });
  const z3 = await insert('zone', { park_id: parkB, name: 'Z3' });
  const z4 = await insert('zone', { park_id: parkB, name: 'Z4' });
  const u1 = await insert('police_unit', { program_id: program, park_id: parkA, name: '一号派出所', kind: 'STATION' });
  const u2 = await insert('police_unit', { program_id: program, park_id: parkA, name: '二号警务站', kind: 'WORKSTATION' });
  await link('police_unit_zone', { police_unit_id: u1, zone_id: z1 });
  await link('police_unit_zone', { police_unit_id: u2, zone_id: z2 });
  const officer = (name: string, unit: number) => insert('officer', { name, badge_number: String(badges++), unit_id: unit });
  const o1 = await officer('民警一', u1);
  const o2 = await officer('民警二', u1);
  const o3 = await officer('民警三', u2);
  const enterprise = (park: number, zone: number, name: string, joinedOn: string, group: string | null, archivedAt: Date | null = null) =>
    insert('enterprise', {
      park_id: park,
      zone_id: zone,
      name,
      credit_code: testCreditCode(codes++),
      industry: '化工',
      joined_on: joinedOn,
      liaison_group_joined_on: group,
      archived_at: archivedAt,
    });
  const e1 = await enterprise(parkA, z1, '企业一', '2020-01-01', '2020-01-10');
  const e2 = await enterprise(parkA, z1, '企业二', '2020-01-01', null);
  const e3 = await enterprise(parkA, z2, '企业三', '2026-05-22', '2026-05-22');
  const e4 = await enterprise(parkA, z2, '企业四', '2020-01-01', '2020-01-01', at('2026-05-11T09:00:00'));
  const e5 = await enterprise(parkB, z3, '企业五', '2020-01-01', '2020-01-01');
  const assign = (e: number, o: number, from: string, to: string | null) =>
    insert('liaison_assignment', { enterprise_id: e, officer_id: o, starts_on: from, ends_on: to });
  await assign(e1, o1, '2020-01-01', '2026-05-15');
  await assign(e1, o2, '2026-05-16', null);
  await assign(e2, o1, '2020-01-01', null);
  await assign(e3, o3, '2026-05-22', null);
  await assign(e5, o3, '2020-01-01', null);

  const visit = (o: number, e: number, day: string) =>
    insert('visit', { officer_id: o, enterprise_id: e, visited_on: day, activities: ['SAFETY_INSPECTION'] });
  await visit(o2, e1, '2026-05-20');
  await visit(o3, e3, '2026-05-25');
  await visit(o1, e2, '2026-04-30');
  await visit(o1, e2, '2026-06-01');

  const incident = (e: number | null, zone: number, received: Date, arrivedAfter: number | null, park = parkA) =>
    insert('incident', {
      park_id: park,
      zone_id: zone,
      enterprise_id: e,
      type: 'THEFT',
      received_at: received,
      arrived_at: arrivedAfter === null ? null : new Date(received.getTime() + arrivedAfter * 60_000),
    });
  const i1 = await incident(e1, z1, at('2026-05-03T10:00:00'), 10);
  await incident(e2, z1, at('2026-05-10T23:55:00'), 20);
  await incident(null, z2, at('2026-05-31T23:50:00'), 5);
  const aprilTheft = await incident(e3, z2, at('2026-04-30T23:30:00'), 30);
  // Two criminal cases: I1 of 3 May, cleared on 20 May, and the theft of 30 April, cleared on 2 May.
  await sql.query(`UPDATE incident SET criminal = true, cleared_on = '2026-05-20' WHERE id = $1`, [i1]);
  await sql.query(`UPDATE incident SET criminal = true, cleared_on = '2026-05-02' WHERE id = $1`, [aprilTheft]);
  await incident(e2, z1, at('2026-05-20T08:00:00'), null);
  await incident(e1, z1, new Date('2026-05-31T16:30:00Z'), 5); // 1 June, 00:30 in Shanghai
  await link('incident_unit', { incident_id: i1, police_unit_id: u1 });

  const team = await insert('team', { park_id: parkA, name: '巡逻队', type: 'PATROL' });
  const patrol = (zone: number, day: string, kind: string, personTimes: number, persons = 0, vehicles = 0, assisted = 0) =>
    insert('patrol', {
      team_id: team,
      zone_id: zone,
      patrolled_on: day,
      kind,
      person_times: personTimes,
      suspicious_persons_checked: persons,
      suspicious_vehicles_checked: vehicles,
      people_assisted: assisted,
    });
  // The team's people on 31 May 2026: officer O1 (in since January), an auxiliary policeman who joined in
  // May; a grid worker left on 20 May; a fire auxiliary joins in June.
  const member = (row: Record<string, unknown>) => insert('team_member', { team_id: team, ...row });
  await member({ kind: 'OFFICER', officer_id: o1, joined_on: '2026-01-01' });
  await member({ kind: 'AUXILIARY_POLICE', name: '辅警甲', joined_on: '2026-05-01' });
  await member({ kind: 'GRID_WORKER', name: '网格员乙', joined_on: '2026-02-01', left_on: '2026-05-20' });
  await member({ kind: 'FIRE_AUXILIARY', name: '协勤丙', joined_on: '2026-06-01' });
  const p1 = await patrol(z1, '2026-05-04', 'ON_SITE', 6, 2, 1, 1);
  await patrol(z2, '2026-05-18', 'VIDEO', 1);
  await patrol(z1, '2026-05-31', 'ON_SITE', 4, 0, 2, 0);
  await patrol(z1, '2026-06-01', 'ON_SITE', 5);

  const hazard = (row: Record<string, unknown>) => insert('hazard', { park_id: parkA, description: '隐患', ...row });
  await hazard({
    zone_id: z1,
    enterprise_id: e1,
    source: 'VISIT',
    found_on: '2026-05-02',
    deadline: '2026-05-09',
    rectified_on: '2026-05-08',
  });
  await hazard({
    zone_id: z1,
    enterprise_id: e2,
    source: 'VISIT',
    found_on: '2026-05-05',
    deadline: '2026-05-12',
    rectified_on: '2026-05-14',
  });
  await hazard({
    zone_id: z1,
    place: '主干道',
    source: 'PATROL',
    patrol_id: p1,
    found_on: '2026-05-04',
    deadline: '2026-05-04',
    rectified_on: '2026-05-04',
    rectified_on_site: true,
  });
  await hazard({ zone_id: z2, enterprise_id: e3, source: 'VISIT', found_on: '2026-05-25', deadline: '2026-06-20' });
  await hazard({ zone_id: z1, enterprise_id: e2, source: 'VISIT', found_on: '2026-05-20', deadline: '2026-05-30' });

  const request = (row: Record<string, unknown>) =>
    insert('service_request', { park_id: parkA, kind: 'HOUSEHOLD_REGISTRATION', source: 'PHONE', description: '诉求', ...row });
  await request({
    enterprise_id: e1,
    channel: 'ONLINE',
    status: 'EVALUATED',
    assigned_unit_id: u1,
    received_at: at('2026-05-06T09:00:00'),
    due_at: at('2026-05-09T09:00:00'),
    assigned_at: at('2026-05-06T10:00:00'),
    resolved_at: at('2026-05-08T09:00:00'),
    evaluated_at: at('2026-05-09T09:00:00'),
    satisfaction: 5,
  });
  await request({
    enterprise_id: e2,
    channel: 'NEARBY',
    status: 'EVALUATED',
    assigned_unit_id: u2,
    received_at: at('2026-05-20T09:00:00'),
    due_at: at('2026-05-25T09:00:00'),
    assigned_at: at('2026-05-20T10:00:00'),
    resolved_at: at('2026-05-26T09:00:00'),
    evaluated_at: at('2026-05-27T09:00:00'),
    satisfaction: 3,
  });
  await request({
    enterprise_id: e3,
    channel: 'APPOINTMENT',
    status: 'EVALUATED',
    assigned_unit_id: u2,
    received_at: at('2026-05-23T10:00:00'),
    due_at: at('2026-05-28T10:00:00'),
    appointment_at: at('2026-05-25T10:00:00'),
    served_at: at('2026-05-25T10:20:00'),
    assigned_at: at('2026-05-23T11:00:00'),
    resolved_at: at('2026-05-25T11:00:00'),
    evaluated_at: at('2026-06-01T09:00:00'),
    satisfaction: 4,
  });
  await request({
    enterprise_id: e1,
    channel: 'APPOINTMENT',
    status: 'RESOLVED',
    assigned_unit_id: u1,
    received_at: at('2026-05-26T09:00:00'),
    due_at: at('2026-06-02T09:00:00'),
    appointment_at: at('2026-05-28T14:00:00'),
    served_at: at('2026-05-28T15:00:00'),
    assigned_at: at('2026-05-26T10:00:00'),
    resolved_at: at('2026-06-02T08:00:00'),
  });
  await request({
    enterprise_id: e2,
    channel: 'ONLINE',
    status: 'RECEIVED',
    received_at: at('2026-06-10T09:00:00'),
    due_at: at('2026-06-18T09:00:00'),
  });

  const dispute = async (row: Record<string, unknown>, enterprises: number[]) => {
    const id = await insert('dispute', { category: 'WAGES', summary: '纠纷', ...row });
    for (const e of enterprises) await link('dispute_enterprise', { dispute_id: id, enterprise_id: e });
  };
  await dispute(
    {
      park_id: parkA,
      zone_id: z1,
      status: 'RESOLVED',
      identified_on: '2026-05-03',
      mediation_started_on: '2026-05-03',
      resolved_on: '2026-05-10',
      mediation_mode: 'CATEGORIZED',
      amount_involved: '40000.00',
      amount_recovered: '38000.50',
    },
    [e1],
  );
  await dispute({ park_id: parkA, zone_id: z1, status: 'MEDIATING', identified_on: '2026-05-15', mediation_started_on: '2026-05-16' }, [
    e2,
  ]);
  await dispute(
    {
      park_id: parkA,
      zone_id: z2,
      status: 'ESCALATED',
      escalation_risk: 'CIVIL_TO_CRIMINAL',
      identified_on: '2026-05-20',
      escalated_on: '2026-05-25',
    },
    [e3],
  );
  await dispute(
    {
      park_id: parkA,
      zone_id: z1,
      category: 'FAMILY',
      status: 'RESOLVED',
      identified_on: '2026-04-28',
      mediation_started_on: '2026-04-28',
      resolved_on: '2026-05-02',
      mediation_mode: 'DOORSTEP',
    },
    [e2],
  );
  // March 2024: a dispute between E2 (zone Z1) and E4 (zone Z2) recorded without a zone; it lies in
  // both zones through its enterprises. Nothing else of park A happens in 2024.
  await dispute(
    {
      park_id: parkA,
      zone_id: null,
      status: 'RESOLVED',
      identified_on: '2024-03-10',
      mediation_started_on: '2024-03-10',
      resolved_on: '2024-03-20',
    },
    [e2, e4],
  );
  // The article's mediation team in park B, 2025: 128 disputes found and resolved; 5 escalation risks, 4 defused, 1 under control.
  for (let i = 0; i < 128; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    await dispute(
      {
        park_id: parkB,
        zone_id: z3,
        status: 'RESOLVED',
        identified_on: day,
        mediation_started_on: day,
        resolved_on: day,
        escalation_risk: i < 5 ? 'CIVIL_TO_CRIMINAL' : 'NONE',
        risk_outcome: i < 4 ? 'DEFUSED' : i === 4 ? 'UNDER_CONTROL' : null,
      },
      [e5],
    );
  }

  const engagement = async (park: number, type: string, day: string, enterprises: number[]) => {
    const id = await insert('engagement', { park_id: park, type, title: type, held_on: day, organizer_id: u1 });
    for (const e of enterprises) await link('engagement_enterprise', { engagement_id: id, enterprise_id: e });
  };
  await engagement(parkA, 'SECURITY_BULLETIN', '2026-05-05', []);
  await engagement(parkA, 'QUARTERLY_MEETING', '2026-04-20', [e1, e2]);
  await engagement(parkA, 'LEGAL_PUBLICITY', '2026-05-12', [e1, e2, e4]);
  await engagement(parkA, 'LEGAL_PUBLICITY', '2026-05-28', [e3]);
  await engagement(parkA, 'PARTY_BUILDING', '2026-06-05', []);
  await engagement(parkB, 'QUARTERLY_MEETING', '2026-05-10', [e5]);
  // Facilities in service on 31 May 2026 in park A: 24 camera channels (since January) and 8 more from
  // 20 May; 6 channels taken out on 31 May itself no longer count; a police office opens in June.
  // Park B's 3 alarm buttons are not park A's.
  const facility = (row: Record<string, unknown>) => insert('facility', { park_id: parkA, ...row });
  await facility({ kind: 'CAMERA', quantity: 24, installed_on: '2026-01-10' });
  await facility({ kind: 'CAMERA', quantity: 8, installed_on: '2026-05-20' });
  await facility({ kind: 'CAMERA', quantity: 6, installed_on: '2026-03-01', removed_on: '2026-05-31' });
  await facility({ kind: 'POLICE_OFFICE', quantity: 1, installed_on: '2026-06-02' });
  await facility({ park_id: parkB, kind: 'ALARM_BUTTON', quantity: 3, installed_on: '2026-01-01' });
  // Workers registered in park A: on 31 May four are there (the one who left that day is not, the one
  // of 25 May is); checked in May: two accurate, one not; April's check is April's. One in park B.
  const registration = (row: Record<string, unknown>) => insert('worker_registration', { park_id: parkA, ...row });
  await registration({ registered_on: '2026-01-05', checked_on: '2026-05-10', accurate: true });
  await registration({ registered_on: '2026-02-01', checked_on: '2026-05-20', accurate: false });
  await registration({ registered_on: '2026-03-01', left_on: '2026-05-31', checked_on: '2026-05-15', accurate: true });
  await registration({ registered_on: '2026-05-25' });
  await registration({ registered_on: '2026-04-01', checked_on: '2026-04-20', accurate: true });
  await registration({ park_id: parkB, registered_on: '2026-01-01' });

  await insert('recognition', { enterprise_id: e1, kind: 'PENNANT', received_on: '2026-05-20', officer_id: o2 });
  await insert('recognition', { enterprise_id: e2, kind: 'LETTER', received_on: '2026-05-21', officer_id: o1 });

  // Commitments: five in force with hand-computed outcomes, one retired before the period.
  const commitment = async (code: string, retiredAt: Date | null, indicator: Record<string, unknown>) => {
    const id = await insert('commitment', {
      program_id: program,
      code,
      area: 'SERVICE',
      title: { 'zh-CN': `承诺${code}` },
      retired_at: retiredAt,
      sort_order: Number(code.slice(1)),
    });
    await insert('indicator', { commitment_id: id, comparator: 'GTE', params: {}, ...indicator });
  };
  await commitment('K1', null, { metric: 'visitCoverage', target: 100, period: 'MONTH' });
  await commitment('K2', null, { metric: 'incidentArrivalWithin', params: { minutes: 15 }, target: 50, period: 'MONTH' });
  await commitment('K3', null, { metric: 'engagementCountPerPark', params: { type: 'QUARTERLY_MEETING' }, target: 1, period: 'QUARTER' });
  await commitment('K4', null, { metric: 'disputeResolutionRate', target: 95, period: 'QUARTER' });
  await commitment('K5', null, { metric: 'patrolsPerZonePerWeek', params: { includeVideo: true }, target: 0.3, period: 'MONTH' });
  await commitment('K6', at('2026-01-01T00:00:00'), { metric: 'visitCount', target: 1, period: 'MONTH' });
  await commitment('K7', null, { metric: 'hazardsRectifiedByDeadline', target: 95, period: 'MONTH' });

  return { program, parkA, parkB, z1, z2, z3, z4, u1, u2, o1, o2, o3, e1, e2, e3, e4, e5 };
}
