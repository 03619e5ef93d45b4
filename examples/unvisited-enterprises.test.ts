import { startTestApi, TEST_PASSWORD, type TestApi } from '../packages/api/src/test-support/api';
import { generateDemo } from '../packages/api/src/demo/generator';
import { firstOfMonth, formatReport, unvisitedEnterprises } from './unvisited-enterprises';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi((db) => generateDemo(db.sql, { months: 2, endDate: '2026-10-20' }));
});

afterAll(async () => {
  await api.close();
});

describe('examples/unvisited-enterprises', () => {
  it('lists exactly the active enterprises without a visit since the day, with their officers', async () => {
    const since = '2026-10-01';
    await api.createUser({ username: 'example-reader', role: 'SYSTEM_ADMIN' });
    const report = await unvisitedEnterprises({
      endpoint: `${api.server.url}/graphql`,
      since,
      username: 'example-reader',
      password: TEST_PASSWORD,
    });
    const { rows } = await api.db.sql.query(
      `SELECT e.name FROM enterprise e
        WHERE e.archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.enterprise_id = e.id AND v.visited_on >= $1)
        ORDER BY e.name, e.id`,
      [since],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(report.enterprises.map((e) => e.name)).toEqual(rows.map((row: { name: string }) => row.name));
    expect(report.park).toBe('瓮安工业园区');
    const text = formatReport(report);
    expect(text.split('\n')).toHaveLength(rows.length + 1);
    expect(text).toContain(`自 ${since} 起尚未走访的企业 ${rows.length} 家`);
  });

  it('counts the month in Asia/Shanghai', () => {
    expect(firstOfMonth(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01');
    expect(firstOfMonth(new Date('2026-10-31T15:30:00Z'))).toBe('2026-10-01');
  });
});
