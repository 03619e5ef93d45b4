import { Enterprise } from '../../enterprises/enterprise.entity';
import { Incident, IncidentType } from '../../activities/incidents/incident.entity';
import { Patrol, PatrolKind } from '../../activities/patrols/patrol.entity';
import { Officer } from '../../officers/officer.entity';
import { createTestDatabase, pgError, type TestDatabase } from '../../test-support/database';
import { DomainValidationError } from '../validation';

let db: TestDatabase;
const ids: Record<string, number> = {};
const VALID_CODE = '91350100M000100Y43';

async function insert(table: string, values: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(values);
  const { rows } = await db.sql.query<{ id: number }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return rows[0]!.id;
}

const enterprise = (overrides: Record<string, unknown> = {}) => ({
  park_id: ids.park,
  zone_id: ids.zone,
  name: '测试企业有限公司',
  credit_code: VALID_CODE,
  industry: '磷化工',
  joined_on: '2026-01-01',
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  ids.program = await insert('program', { name: '测试机制', region: '测试县', bureau: '测试县公安局' });
  ids.park = await insert('park', { program_id: ids.program, name: '测试园区', region: '测试县' });
  ids.otherPark = await insert('park', { program_id: ids.program, name: '另一园区', region: '测试县' });
  ids.zone = await insert('zone', { park_id: ids.park, name: '一区' });
  ids.otherZone = await insert('zone', { park_id: ids.otherPark, name: '二区' });
  ids.unit = await insert('police_unit', { program_id: ids.program, name: '测试派出所', kind: 'STATION' });
  ids.officer = await insert('officer', { name: '王伟', badge_number: '123456', unit_id: ids.unit });
  ids.officer2 = await insert('officer', { name: '李军', badge_number: '123457', unit_id: ids.unit });
  ids.enterprise = await insert('enterprise', enterprise());
  ids.team = await insert('team', { park_id: ids.park, name: '巡逻队', type: 'PATROL' });
});

afterAll(() => db.drop());

describe('database rules (PostgreSQL refuses bad rows even without the application)', () => {
  it('refuses a credit code with a wrong check digit', async () => {
    const error = await pgError(() => insert('enterprise', enterprise({ credit_code: '91350100M000100Y4Z' })));
    expect(error).toMatchObject({ code: '23514', constraint: 'enterprise_credit_code_check' });
  });

  it('refuses a duplicate credit code', async () => {
    const error = await pgError(() => insert('enterprise', enterprise({ name: '另一家企业' })));
    expect(error).toMatchObject({ code: '23505', constraint: 'enterprise_credit_code_unique' });
  });

  it('refuses a negative count', async () => {
    const patrol = { team_id: ids.team, patrolled_on: '2026-05-01', kind: 'ON_SITE' };
    await expect(insert('patrol', { ...patrol, person_times: 4 })).resolves.toBeGreaterThan(0);
    expect(await pgError(() => insert('patrol', { ...patrol, person_times: -1 }))).toMatchObject({
      code: '23514',
      constraint: 'patrol_person_times_check',
    });
    expect(await pgError(() => insert('enterprise', enterprise({ credit_code: '91350100MA0000000L', employee_count: -5 })))).toMatchObject({
      code: '23514',
    });
  });

  it('refuses an arrival before the report', async () => {
    const error = await pgError(() =>
      insert('incident', { park_id: ids.park, type: 'THEFT', received_at: '2026-05-01T10:00:00Z', arrived_at: '2026-05-01T09:50:00Z' }),
    );
    expect(error).toMatchObject({ code: '23514', constraint: 'incident_timeline_check' });
  });

  it('refuses values outside an enum', async () => {
    expect(await pgError(() => insert('patrol', { team_id: ids.team, patrolled_on: '2026-05-01', kind: 'DRONE' }))).toMatchObject({
      code: '23514',
    });
    expect(
      await pgError(() =>
        insert('visit', { officer_id: ids.officer, enterprise_id: ids.enterprise, visited_on: '2026-05-01', activities: ['PICNIC'] }),
      ),
    ).toMatchObject({
      code: '23514',
      constraint: 'visit_activities_known_check',
    });
    expect(
      await pgError(() =>
        insert('visit', { officer_id: ids.officer, enterprise_id: ids.enterprise, visited_on: '2026-05-01', activities: [] }),
      ),
    ).toMatchObject({
      constraint: 'visit_activities_check',
    });
  });

  it('refuses malformed phone numbers and badge numbers', async () => {
    expect(await pgError(() => insert('officer', { name: '张三', badge_number: '12', unit_id: ids.unit }))).toMatchObject({
      constraint: 'officer_badge_number_check',
    });
    expect(
      await pgError(() => insert('officer', { name: '张三', badge_number: '654321', unit_id: ids.unit, phone: '12345' })),
    ).toMatchObject({ constraint: 'officer_phone_check' });
  });

  it('refuses an enterprise whose zone lies in another park', async () => {
    const error = await pgError(() => insert('enterprise', enterprise({ credit_code: '91350100MA0000000L', zone_id: ids.otherZone })));
    expect(error).toMatchObject({ code: '23503', constraint: 'enterprise_zone_in_park_foreign' });
  });

  it('refuses a missing required value and a dangling reference', async () => {
    expect(
      await pgError(() =>
        db.sql.query('INSERT INTO enterprise (park_id, zone_id, credit_code, industry, joined_on) VALUES ($1, $2, $3, $4, $5)', [
          ids.park,
          ids.zone,
          '91350100MA0000000L',
          'x',
          '2026-01-01',
        ]),
      ),
    ).toMatchObject({ code: '23502' });
    expect(
      await pgError(() =>
        insert('visit', { officer_id: 999999, enterprise_id: ids.enterprise, visited_on: '2026-05-01', activities: ['SAFETY_INSPECTION'] }),
      ),
    ).toMatchObject({ code: '23503' });
  });

  it('keeps liaison history: one current officer, no overlapping spans', async () => {
    await insert('liaison_assignment', {
      enterprise_id: ids.enterprise,
      officer_id: ids.officer,
      starts_on: '2026-01-01',
      ends_on: '2026-03-31',
    });
    await insert('liaison_assignment', { enterprise_id: ids.enterprise, officer_id: ids.officer2, starts_on: '2026-04-01' });
    expect(
      await pgError(() =>
        insert('liaison_assignment', { enterprise_id: ids.enterprise, officer_id: ids.officer, starts_on: '2026-06-01' }),
      ),
    ).toMatchObject({ code: '23P01' });
    expect(
      await pgError(() =>
        insert('liaison_assignment', {
          enterprise_id: ids.enterprise,
          officer_id: ids.officer,
          starts_on: '2026-03-01',
          ends_on: '2026-03-15',
        }),
      ),
    ).toMatchObject({
      code: '23P01',
      constraint: 'liaison_assignment_no_overlap',
    });
    expect(
      await pgError(() =>
        insert('liaison_assignment', {
          enterprise_id: ids.enterprise,
          officer_id: ids.officer,
          starts_on: '2025-06-01',
          ends_on: '2025-05-01',
        }),
      ),
    ).toMatchObject({
      constraint: 'liaison_assignment_dates_check',
    });
    const { rows } = await db.sql.query('SELECT count(*)::int AS n FROM liaison_assignment WHERE enterprise_id = $1', [ids.enterprise]);
    expect(rows[0].n).toBe(2);
  });

  it('refuses to delete an enterprise or officer that records point at', async () => {
    await insert('visit', {
      officer_id: ids.officer,
      enterprise_id: ids.enterprise,
      visited_on: '2026-05-02',
      activities: ['SAFETY_INSPECTION'],
    });
    expect(await pgError(() => db.sql.query('DELETE FROM enterprise WHERE id = $1', [ids.enterprise]))).toMatchObject({ code: '23503' });
    expect(await pgError(() => db.sql.query('DELETE FROM officer WHERE id = $1', [ids.officer]))).toMatchObject({ code: '23503' });
  });

  it('keeps dispute status and dates consistent', async () => {
    const dispute = { park_id: ids.park, category: 'WAGES', summary: '欠薪', identified_on: '2026-05-01' };
    expect(await pgError(() => insert('dispute', { ...dispute, status: 'RESOLVED', mediation_started_on: '2026-05-02' }))).toMatchObject({
      constraint: 'dispute_resolved_check',
    });
    expect(await pgError(() => insert('dispute', { ...dispute, risk_outcome: 'DEFUSED' }))).toMatchObject({
      constraint: 'dispute_risk_outcome_requires_risk',
    });
    await expect(
      insert('dispute', { ...dispute, status: 'RESOLVED', mediation_started_on: '2026-05-02', resolved_on: '2026-05-03' }),
    ).resolves.toBeGreaterThan(0);
  });
});

describe('validation in the application (errors name the field)', () => {
  async function domainError(fn: () => Promise<unknown>): Promise<DomainValidationError> {
    try {
      await fn();
    } catch (error) {
      if (error instanceof DomainValidationError) return error;
      throw error;
    }
    throw new Error('expected a DomainValidationError');
  }

  it('refuses an enterprise with a wrong check digit before any SQL is sent', async () => {
    const em = db.orm.em.fork();
    const entity = em.create(Enterprise, {
      park: ids.park!,
      zone: ids.zone!,
      name: '校验失败有限公司',
      creditCode: '91350100M000100Y4Z',
      industry: '建材',
      joinedOn: '2026-01-01',
    });
    const error = await domainError(() => em.persistAndFlush(entity));
    expect(error.field).toBe('creditCode');
    const { rows } = await db.sql.query("SELECT count(*)::int AS n FROM enterprise WHERE name = '校验失败有限公司'");
    expect(rows[0].n).toBe(0);
  });

  it('normalises phone numbers and refuses bad ones', async () => {
    const em = db.orm.em.fork();
    const officer = em.create(Officer, { name: '周涛', badgeNumber: '765432', unit: ids.unit!, phone: '+86 139 0000 1111' });
    await em.persistAndFlush(officer);
    expect(officer.phone).toBe('13900001111');
    const bad = em.create(Officer, { name: '周杰', badgeNumber: '765433', unit: ids.unit!, phone: '555-0100' });
    expect((await domainError(() => em.persistAndFlush(bad))).field).toBe('phone');
  });

  it('refuses a negative patrol count and an arrival before the report', async () => {
    const em = db.orm.em.fork();
    const patrol = em.create(Patrol, { team: ids.team!, patrolledOn: '2026-05-01', kind: PatrolKind.ON_SITE, personTimes: -3 });
    expect((await domainError(() => em.persistAndFlush(patrol))).field).toBe('personTimes');

    const em2 = db.orm.em.fork();
    const incident = em2.create(Incident, {
      park: ids.park!,
      type: IncidentType.THEFT,
      receivedAt: new Date('2026-05-01T10:00:00Z'),
      arrivedAt: new Date('2026-05-01T09:45:00Z'),
    });
    const error = await domainError(() => em2.persistAndFlush(incident));
    expect(error.field).toBe('arrivedAt');
    expect(error.reason).toBe('ORDER');
  });
});
