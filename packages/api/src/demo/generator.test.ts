import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../test-support/database';
import { generateDemo, scaledFigures, type DemoTotals } from './generator';
import { ARTICLE_FIGURES } from './weng-an';
import { TIANFU } from './tianfu';
import { toGlobalId } from '../shared/graphql/global-id';
import { Disclosure } from '../statistics/metrics/figure';
import { parsePeriod } from '../statistics/metrics/period';
import { resolveScope } from '../statistics/metrics/scope';
import { complianceReport } from '../statistics/statistics.service';

const END = '2026-10-31';
let db: TestDatabase;
let totals: DemoTotals;

const count = async (sql: string, params: unknown[] = []) => Number((await db.sql.query(sql, params)).rows[0].n);

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query('BEGIN');
  totals = await generateDemo(db.sql, { endDate: END });
  await db.sql.query('COMMIT');
});

afterAll(() => db.drop());

describe("the Weng'an demo data", () => {
  it("promises the article's figures for the default options", () => {
    expect(totals).toMatchObject({
      patrolPersonTimes: ARTICLE_FIGURES.patrolPersonTimes,
      onSitePatrols: ARTICLE_FIGURES.onSitePatrols,
      videoPatrols: ARTICLE_FIGURES.videoPatrols,
      hazardsFoundOnPatrol: ARTICLE_FIGURES.hazardsFoundOnPatrol,
      suspiciousPersonsChecked: ARTICLE_FIGURES.suspiciousPersonsChecked,
      suspiciousVehiclesChecked: ARTICLE_FIGURES.suspiciousVehiclesChecked,
      peopleAssisted: ARTICLE_FIGURES.peopleAssisted,
      trainings: ARTICLE_FIGURES.trainings,
      disputes: 128,
      disputesResolved: 128,
      escalationRisks: 5,
      escalationRisksDefused: 4,
      analysisMeetings: 40,
      problemsSolved: ARTICLE_FIGURES.problemsSolved,
      pennants: ARTICLE_FIGURES.pennants,
      enterprises: 60,
      officers: 25,
      zones: 3,
      commitments: 13,
    });
  });

  it('writes exactly what it promises', async () => {
    const patrols = (
      await db.sql
        .query(`SELECT count(*) FILTER (WHERE kind = 'ON_SITE')::int AS on_site, count(*) FILTER (WHERE kind = 'VIDEO')::int AS video,
      sum(person_times)::int AS person_times, sum(hazards_found)::int AS hazards, sum(suspicious_persons_checked)::int AS persons,
      sum(suspicious_vehicles_checked)::int AS vehicles, sum(people_assisted)::int AS assisted FROM patrol`)
    ).rows[0];
    expect(patrols).toEqual({
      on_site: totals.onSitePatrols,
      video: totals.videoPatrols,
      person_times: totals.patrolPersonTimes,
      hazards: totals.hazardsFoundOnPatrol,
      persons: totals.suspiciousPersonsChecked,
      vehicles: totals.suspiciousVehiclesChecked,
      assisted: totals.peopleAssisted,
    });
    expect(await count(`SELECT count(*) AS n FROM hazard WHERE source = 'PATROL' AND rectified_on_site`)).toBe(totals.hazardsFoundOnPatrol);
    expect(await count('SELECT count(*) AS n FROM hazard')).toBe(totals.hazards);
    expect(await count('SELECT count(*) AS n FROM dispute')).toBe(totals.disputes);
    expect(await count(`SELECT count(*) AS n FROM dispute WHERE status = 'RESOLVED'`)).toBe(totals.disputesResolved);
    expect(await count(`SELECT count(*) AS n FROM dispute WHERE escalation_risk <> 'NONE'`)).toBe(totals.escalationRisks);
    expect(await count(`SELECT count(*) AS n FROM dispute WHERE risk_outcome = 'DEFUSED'`)).toBe(totals.escalationRisksDefused);
    expect(await count(`SELECT count(*) AS n FROM engagement WHERE type = 'TRAINING'`)).toBe(totals.trainings);
    expect(await count(`SELECT count(*) AS n FROM engagement WHERE type = 'ANALYSIS_MEETING'`)).toBe(totals.analysisMeetings);
    expect(await count('SELECT count(*) AS n FROM engagement')).toBe(totals.engagements);
    expect(await count(`SELECT count(*) AS n FROM service_request WHERE status IN ('RESOLVED', 'EVALUATED')`)).toBe(totals.problemsSolved);
    expect(await count('SELECT count(*) AS n FROM service_request')).toBe(totals.serviceRequests);
    expect(await count(`SELECT count(*) AS n FROM recognition WHERE kind = 'PENNANT'`)).toBe(totals.pennants);
    expect(await count('SELECT count(*) AS n FROM recognition')).toBe(totals.recognitions);
    expect(await count('SELECT count(*) AS n FROM visit')).toBe(totals.visits);
    expect(await count('SELECT count(*) AS n FROM incident')).toBe(totals.incidents);
    expect(await count('SELECT count(*) AS n FROM enterprise')).toBe(totals.enterprises);
    expect(await count('SELECT count(*) AS n FROM officer')).toBe(totals.officers);
    expect(await count('SELECT count(*) AS n FROM liaison_assignment')).toBe(totals.liaisonAssignments);
    expect(await count('SELECT count(*) AS n FROM police_unit')).toBe(totals.policeUnits);
    expect(await count('SELECT count(*) AS n FROM indicator')).toBe(totals.indicators);
  });

  it("looks like the Weng'an park of the article", async () => {
    const units = (await db.sql.query(`SELECT name FROM police_unit WHERE kind IN ('STATION', 'WORKSTATION') ORDER BY id`)).rows.map(
      (r) => r.name,
    );
    expect(units).toEqual([
      '雍阳派出所',
      '银盏派出所',
      '天文派出所',
      '玉华中心警务室',
      '基础工业园区警务站',
      '循环工业园区警务站',
      '精细化工园区警务站',
    ]);
    expect((await db.sql.query('SELECT name, level FROM park')).rows).toEqual([{ name: '瓮安工业园区', level: '省级化工园区' }]);
    expect((await db.sql.query('SELECT type FROM team ORDER BY type')).rows.map((r) => r.type)).toEqual(['MEDIATION', 'PATROL', 'SERVICE']);
    expect((await db.sql.query('SELECT code FROM commitment ORDER BY code')).rows.map((r) => r.code)).toEqual(
      Array.from({ length: 13 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`),
    );
    // Every enterprise has exactly one current liaison officer; names are Chinese company names.
    expect(
      await count(
        'SELECT count(*) AS n FROM enterprise e WHERE (SELECT count(*) FROM liaison_assignment a WHERE a.enterprise_id = e.id AND a.ends_on IS NULL) <> 1',
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM enterprise WHERE name !~ '公司$'`)).toBe(0);
    // Nothing happens after the last day, nothing before the window.
    expect(await count(`SELECT count(*) AS n FROM visit WHERE visited_on > $1 OR visited_on < '2025-11-01'`, [END])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM patrol WHERE patrolled_on > $1 OR patrolled_on < '2025-11-01'`, [END])).toBe(0);
    // Visits are by the officer who held the enterprise on that day.
    expect(
      await count(
        `SELECT count(*) AS n FROM visit v WHERE NOT EXISTS (SELECT 1 FROM liaison_assignment a WHERE a.enterprise_id = v.enterprise_id AND a.officer_id = v.officer_id AND v.visited_on BETWEEN a.starts_on AND coalesce(a.ends_on, 'infinity'))`,
      ),
    ).toBe(0);
  });

  it('is deterministic: the same seed writes the same data', async () => {
    const digest = async (target: TestDatabase) => {
      const { rows } = await target.sql.query(`SELECT string_agg(name || credit_code || zone_id, ',' ORDER BY id) AS e,
        (SELECT string_agg(visited_on::text || enterprise_id, ',' ORDER BY id) FROM visit) AS v FROM enterprise`);
      return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    };
    const other = await createTestDatabase();
    try {
      await generateDemo(other.sql, { endDate: END });
      expect(await digest(other)).toBe(await digest(db));
    } finally {
      await other.drop();
    }
  });

  it('scales its figures with enterprises × months', async () => {
    expect(scaledFigures(60, 12)).toEqual({ ...ARTICLE_FIGURES });
    const doubled = scaledFigures(120, 12);
    expect(doubled.onSitePatrols).toBe(1000);
    expect(doubled.disputes).toBe(256);
    const large = scaledFigures(20_000, 36);
    expect(large.onSitePatrols + large.videoPatrols).toBe(950_000);

    const scaled = await createTestDatabase();
    try {
      const result = await generateDemo(scaled.sql, { endDate: END, enterprises: 90, months: 8 });
      expect(result.enterprises).toBe(90);
      expect(result.onSitePatrols).toBe(ARTICLE_FIGURES.onSitePatrols);
      const { rows } = await scaled.sql.query(`SELECT count(*)::int AS n, min(visited_on)::text AS first FROM visit`);
      expect(rows[0]).toEqual({ n: result.visits, first: expect.stringMatching(/^2026-03-0/) });
    } finally {
      await scaled.drop();
    }
  });
});

describe('the second program', () => {
  it('is defined as data through the metric catalog and judged like the first', async () => {
    await generateDemo(db.sql, { program: TIANFU, seed: 1132, endDate: END });
    const program = (await db.sql.query('SELECT id FROM program WHERE name = $1', [TIANFU.program.name])).rows[0].id as number;
    expect(await count('SELECT count(*) AS n FROM enterprise e JOIN park p ON p.id = e.park_id WHERE p.program_id = $1', [program])).toBe(
      24,
    );
    const em = db.orm.em.fork();
    const report = await complianceReport(
      em,
      await resolveScope(em, toGlobalId('Program', program)),
      parsePeriod({ quarter: '2026-Q3' }, 'period', END),
      { disclosure: Disclosure.FULL, clock: { today: END, now: new Date(`${END}T12:00:00+08:00`) } },
    );
    expect(report.commitments.map((c) => c.code)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07']);
    expect(report.indicatorsJudged).toBe(7);
    expect(report.score).not.toBeNull();
    // Its own parameters reach the engine: arrival within 20 minutes, forums only.
    const t03 = report.commitments.find((c) => c.code === 'T03')!.indicators[0]!;
    expect(t03.indicator.params).toEqual({ minutes: 20 });
    expect(t03.value.denominator).toBeGreaterThan(0);
    // Badge numbers and credit codes stay unique across the two programs.
    expect(await count('SELECT count(*) - count(DISTINCT badge_number) AS n FROM officer')).toBe(0);
  });
});
